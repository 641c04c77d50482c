"""Query-string page numbers, shared by every paginated listing (news, events, search)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.functional import cached_property

from portal.caching.fragments import generation_cached


def parse_page_number(raw: str | None) -> int:
    """``?page=`` as a positive integer; anything else is a 404, not a 500."""
    if raw is None or raw == "":
        return 1
    # isdigit() alone accepts other scripts' digits ("２" is 2 to int()); addresses use ASCII.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6 or int(raw) < 1:
        raise Http404("invalid page number")
    return int(raw)


class GenerationCountPaginator(Paginator):
    """A paginator whose ``count`` is kept per generation (``generation_cached``): a
    listing's size changes only when something is published or unpublished, so counting
    20,000 articles on every visit (a scan of the index's children) is done once per
    publish instead. The key is the count query's SQL, so another filter, another language
    or a query that depends on the time (upcoming events: ``now`` is in it) never shares a
    count it should not."""

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql = str(query)
        except Exception:  # a query Django cannot print (EmptyResultSet): count it
            return super().count
        return generation_cached("listing-count", (sql,), lambda: Paginator.count.func(self))
