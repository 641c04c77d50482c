"""The Content-Disposition header of files the portal sends as downloads (.ics calendars).

Django's ``content_disposition_header`` sends a non-ASCII name only as RFC 6266's
``filename*=utf-8''…``. Browsers read that, but some mail and calendar clients and older
download managers read only ``filename=`` and fall back to "download.ics" without it. So
the header carries both: an ASCII ``filename=`` first (with German umlauts written out,
"fuerstenberg.ics") and the exact name in ``filename*`` after it, which RFC 6266 § 4.3 tells
clients to prefer.
"""

from urllib.parse import quote

from django.utils.http import content_disposition_header

from portal.transliteration import to_ascii


def _ascii_fallback(filename: str) -> str:
    """An ASCII name for clients that ignore ``filename*``: never without a name before the
    extension ("日本.ics" -> "download.ics"), never with a quote or backslash."""
    name = "".join(c for c in to_ascii(filename) if c.isprintable() and c not in '"\\')
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem = name
    if not any(c.isalnum() for c in stem):
        stem = "download"
    return f"{stem}.{extension}" if dot else stem


def attachment(filename: str) -> str:
    """The header value for downloading ``filename``: Django's own for an ASCII name, else
    ``attachment; filename="ascii"; filename*=utf-8''percent-encoded``."""
    try:
        filename.encode("ascii")
    except UnicodeEncodeError:
        return (
            f'attachment; filename="{_ascii_fallback(filename)}"; '
            f"filename*=utf-8''{quote(filename)}"
        )
    return content_disposition_header(True, filename)
