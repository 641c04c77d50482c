"""Full-text hits ranked in one pass over the index, for PostgreSQL and SQLite (issue 31).

Wagtail's database backends cost what the corpus costs, not what a page of results costs:

- **PostgreSQL**: the match is ``(title || body) @@ query``. Concatenating two tsvectors per
  row is most of the work, and no index can answer it. The index rows are joined to pages
  through ``object_id = page.id::varchar``, which the planner can only do row by row. With
  20,000 articles, "Strukturwandel" (18,000 hits) took 440 ms.
- **SQLite**: the score is a correlated subquery that runs the FTS5 ``MATCH`` again for every
  matching page. The search was quadratic: 2.6 s at 2,000 articles, 118 s at 20,000.

Here the ranking runs on the index table itself, and pages are fetched only for the screen:

- **PostgreSQL**: every word must be in the title or the body. That is the same as
  Wagtail's match on the concatenation, because a word of ``query.search_terms`` (``\\w+``)
  stems to at most one lexeme. A stop word matches everything, as Wagtail drops it (a query
  of stop words only finds nothing, as Wagtail's). Ranked
  with Wagtail's weights, title rank times ``title_norm`` plus body rank.
- **SQLite**: FTS5's ``MATCH`` and ``bm25()`` run once per matching row, in the virtual
  table's own scan. There is no scoring subquery per page.

Counting every hit costs as much as ranking them. Past ``COUNT_LIMIT`` the page says "more
than 1,000 results", and a visitor pages through those 1,000, a hundred screens. With other
backends (Wagtail's fallback without FTS5), Wagtail's own ``search()`` is used.
"""

from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import BooleanField, CharField, F, FloatField, Func, IntegerField, Q
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

COUNT_LIMIT = 1000


class RankedHits:
    """Hits as Django's ``Paginator`` wants them: sliced to a screen of pages in rank
    order, and counted up to ``COUNT_LIMIT`` (``capped`` when there are more)."""

    def __init__(self, ranked_ids):
        self.ranked_ids = ranked_ids  # object ids as text, best first
        self.capped = False

    def __getitem__(self, window: slice) -> list[Page]:
        ids = [int(pk) for pk in self.ranked_ids[window]]
        pages = Page.objects.in_bulk(ids)
        return [pages[pk] for pk in ids if pk in pages]

    def count(self) -> int:
        found = self.ranked_ids.order_by()[: COUNT_LIMIT + 1].count()  # no ranking to count
        self.capped = found > COUNT_LIMIT
        return min(found, COUNT_LIMIT)


def ranked_search(pages, terms: list[str], language: str, backend=None):
    """``pages`` (a queryset of candidates) matching every word of ``terms``, best first:
    ``RankedHits`` on PostgreSQL and SQLite with FTS5, else Wagtail's search results."""
    backend = backend or get_search_backend()
    kind = type(backend).__mro__
    page_ids = pages.annotate(text_id=Cast("pk", CharField())).values("text_id")
    if any(cls.__name__ == "PostgresSearchBackend" for cls in kind):
        config_for = getattr(backend, "config_for_language", None)
        config = config_for(language) if config_for else backend.config
        return RankedHits(_postgres_ranked_ids(page_ids, terms, config))
    if any(cls.__name__ == "SQLiteSearchBackend" for cls in kind):
        return RankedHits(_sqlite_ranked_ids(page_ids, terms))
    return Page.objects.filter(pk__in=pages.values("pk")).search(
        " ".join(terms), operator="and", backend=backend
    )


def _page_index_entries(model, page_ids, prefix=""):
    """Index rows of live candidate pages: page content types, ids among ``page_ids``."""
    from modelsearch.utils import get_descendants_content_types_pks

    return model.objects.filter(
        **{
            f"{prefix}content_type_id__in": get_descendants_content_types_pks(Page),
            f"{prefix}object_id__in": page_ids,
        }
    )


class EmptyQuery(Func):
    """True when a tsquery has no lexeme (a stop word): PostgreSQL folds it to a constant."""

    template = "numnode(%(expressions)s) = 0"
    output_field = BooleanField()


def _postgres_ranked_ids(page_ids, terms, config):
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    IndexEntry = get_app_config().get_model("IndexEntry")

    every_word = Q()
    for term in terms:
        word = SearchQuery(term, config=config, search_type="plain")
        every_word &= Q(EmptyQuery(word)) | Q(title=word) | Q(body=word)
    query = SearchQuery(" ".join(terms), config=config, search_type="plain")
    # Only stop words ("der die das"): nothing, as Wagtail's match on an empty query finds.
    every_word &= ~Q(EmptyQuery(query))
    weights = get_sql_weights()
    rank = SearchRank(F("title"), query, weights=weights) * F("title_norm") + SearchRank(
        F("body"), query, weights=weights
    )
    return (
        _page_index_entries(IndexEntry, page_ids)
        .filter(every_word)
        .order_by(rank.desc(), Cast("object_id", IntegerField()).desc())
        .values_list("object_id", flat=True)
    )


class ColumnBM25(Func):
    """FTS5's ``bm25()`` of one column of the FTS table (autocomplete, body, title): the
    others weigh 0. Wagtail's SQLite ranking multiplies the whole row's ``bm25()`` by the
    title's ``title_norm``, so a short title's article that names a word in passing outranked
    the one titled with it; here, as on PostgreSQL, the title's rank alone is normalised."""

    COLUMNS = ("autocomplete", "body", "title")
    output_field = FloatField()

    def __init__(self, table, column):
        super().__init__()
        self.table = table
        self.weights = ", ".join("1.0" if name == column else "0.0" for name in self.COLUMNS)

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({self.table}, {self.weights})", []


def _sqlite_ranked_ids(page_ids, terms):
    from modelsearch.backends.database.sqlite.query import (
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        SQLiteFTSIndexEntry,
    )

    every_word = reduce(lambda a, b: a & b, [Lexeme(term) for term in terms])
    table = SQLiteFTSIndexEntry._meta.db_table
    # bm25: lower (more negative) is better.
    score = ColumnBM25(table, "title") * F("index_entry__title_norm") + ColumnBM25(table, "body")
    return (
        _page_index_entries(SQLiteFTSIndexEntry, page_ids, prefix="index_entry__")
        .filter(MatchExpression(["title", "body"], SearchQueryExpression(every_word)))
        .annotate(score=score)
        .order_by("score", Cast("index_entry__object_id", IntegerField()).desc())
        .values_list("index_entry__object_id", flat=True)
    )
