"""Hits ranked on the index table (``home.search.ranked``): the same hits as Wagtail's own
backend, relevance first, a count that stops at ``COUNT_LIMIT``, and no per-row scoring."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.search import ranked, results
from tests.factories.news import NewsPageFactory
from tests.search.conftest import hits, slugs

pytestmark = pytest.mark.django_db

QUERIES = [
    ["Lausitz"],
    ["Strukturwandel"],
    ["Strukturwandel", "Lausitz"],
    ["der", "Strukturwandel"],  # a stop word on PostgreSQL, a plain word on SQLite
    ["der", "die", "und"],  # only stop words on PostgreSQL
    ["Wärmeplanung"],
    ["Zauberwort"],  # nothing
]


@pytest.fixture
def news_index(client):
    return client.get("/de/aktuelles/").context["page"]


def test_the_database_ranks_the_hits():
    """On this test's database (SQLite with FTS5, or PostgreSQL), the ranked path runs, not
    Wagtail's fallback."""
    found = results.search(["Lausitz"], "de")
    assert isinstance(found, ranked.RankedHits), type(get_search_backend())


@pytest.mark.parametrize("terms", QUERIES, ids=" ".join)
@pytest.mark.parametrize("language", ["de", "en"])
def test_the_same_hits_as_wagtails_backend(terms, language):
    """Every word in the title or the body is the same match as Wagtail's, word for word."""
    candidates = results.candidates(language)
    ours = {page.pk for page in ranked.ranked_search(candidates, terms, language)[0:10_000]}
    with translation.override(language):  # Wagtail's stems in the active language
        wagtails = Page.objects.filter(pk__in=candidates.values("pk")).search(
            " ".join(terms), operator="and"
        )
        assert ours == {page.pk for page in wagtails}


def test_words_split_between_title_and_body_still_match(client, news_index):
    NewsPageFactory(
        parent=news_index,
        slug="geteilt",
        title="Quellwasser",
        teaser="Ein Bericht über Moorbirken.",
    )
    assert slugs(client.get("/de/suche/", {"q": "Quellwasser Moorbirken"})) == ["geteilt"]


def test_a_word_in_the_title_ranks_above_a_word_in_the_body(client, news_index):
    NewsPageFactory(parent=news_index, slug="im-text", title="Bericht", teaser="Über Kranichzug.")
    NewsPageFactory(parent=news_index, slug="im-titel", title="Kranichzug", teaser="Ein Bericht.")
    assert slugs(client.get("/de/suche/", {"q": "Kranichzug"})) == ["im-titel", "im-text"]


def test_past_the_count_limit_the_page_says_more_than(client, news_index, monkeypatch):
    """Counting every hit costs what ranking them costs: past the limit the count stops,
    the page says so, and every counted hit stays reachable."""
    monkeypatch.setattr(ranked, "COUNT_LIMIT", 12)
    for number in range(14):
        NewsPageFactory(parent=news_index, slug=f"moor-{number}", teaser="Über Hochmoore.")
    first = client.get("/de/suche/", {"q": "Hochmoore"})
    assert first.context["capped"] and len(hits(first)) == 10
    html = first.content.decode()
    assert "Mehr als 12 Ergebnisse für „Hochmoore“" in html
    assert "Seite 1</span>" in html and "Seite 1 von" not in html
    second = client.get("/de/suche/", {"q": "Hochmoore", "page": "2"})
    assert len(hits(second)) == 4  # the window is not cut at the limit, only the count
    assert not set(hits(first)) & set(hits(second))
    monkeypatch.setattr(ranked, "COUNT_LIMIT", 1000)
    english = client.get("/en/search/", {"q": "Lausitz"})
    assert not english.context["capped"]


def test_the_thousands_are_grouped_in_the_visitors_language(client, news_index, monkeypatch):
    def count_of_many(hits):  # as 1,001 or more hits would count, without adding them
        hits.capped = True
        return ranked.COUNT_LIMIT

    monkeypatch.setattr(ranked.RankedHits, "count", count_of_many)
    for number in range(11):
        NewsPageFactory(parent=news_index, slug=f"heide-{number}", teaser="Über Heideflächen.")
    html = client.get("/de/suche/", {"q": "Heideflächen"}).content.decode()
    assert "Mehr als 1.000 Ergebnisse" in html


def test_sqlite_scores_each_hit_once_in_the_fts_scan():
    """Wagtail's SQLite backend scored through a subquery that ran MATCH again per page
    (118 s at 20,000 articles); here MATCH and bm25() appear once, in one statement."""
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 plan is SQLite's")
    with CaptureQueriesContext(connection) as queries:
        list(results.search(["Lausitz"], "de")[0:10])
    matching = [query["sql"] for query in queries.captured_queries if " MATCH " in query["sql"]]
    assert len(matching) == 1
    ranking = matching[0]
    assert ranking.count(" MATCH ") == 1 and ranking.count("bm25(") == 2
    plan = connection.cursor().execute("EXPLAIN QUERY PLAN " + ranking).fetchall()
    details = " ".join(row[-1] for row in plan)
    assert "VIRTUAL TABLE INDEX" in details and "CORRELATED" not in details, details
