"""Query-string page numbers, shared by every paginated listing (news, events, search)."""

from django.http import Http404


def parse_page_number(raw: str | None) -> int:
    """``?page=`` as a positive integer; anything else is a 404, not a 500."""
    if raw is None or raw == "":
        return 1
    # isdigit() alone accepts other scripts' digits ("２" is 2 to int()); addresses use ASCII.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        raise Http404("invalid page number")
    return int(raw)
