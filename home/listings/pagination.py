"""Query-string page numbers, shared by every paginated listing (news, events, search)."""

from django.http import Http404


def parse_page_number(raw: str | None) -> int:
    """``?page=`` as a positive integer; anything else is a 404, not a 500."""
    if raw is None or raw == "":
        return 1
    if not raw.isdigit() or len(raw) > 6 or int(raw) < 1:
        raise Http404("invalid page number")
    return int(raw)
