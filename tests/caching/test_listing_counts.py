"""A listing's number of items is counted once per generation (issue 31): a second visit
to the news index runs no COUNT, a publish counts afresh, and a listing whose query depends
on the time (upcoming events) is never served a stale count."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.listings.pagination import GenerationCountPaginator
from news.models import NewsIndexPage, NewsPage
from portal.caching.generation import page_cache
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    page_cache().clear()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum("COUNT(" in query["sql"] for query in queries.captured_queries)


def test_a_second_visit_counts_nothing_and_a_publish_counts_again(client, fragments):
    index = NewsIndexPage.objects.get(slug="aktuelles")
    assert count_queries(client, "/de/aktuelles/") >= 1
    assert count_queries(client, "/de/aktuelles/") == 0
    before = index.articles().count()
    article = NewsPageFactory(parent=index, hero_image=None)
    article.save_revision().publish()
    assert count_queries(client, "/de/aktuelles/") >= 1
    paginator = GenerationCountPaginator(index.articles(), 10)
    assert paginator.count == before + 1


def test_counts_are_exact_per_query(fragments):
    """Two different filters never share a count: the key is the query itself."""
    german = NewsIndexPage.objects.get(slug="aktuelles").articles()
    english = NewsIndexPage.objects.get(slug="news").articles()
    for queryset in (german, english, german.filter(kind="press"), NewsPage.objects.none()):
        assert GenerationCountPaginator(queryset, 10).count == Paginator(queryset, 10).count
    assert GenerationCountPaginator(list(german), 10).count == german.count()
