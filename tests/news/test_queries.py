"""The news index costs the same number of SQL queries for 1 article as for a full page."""

import pytest

from news.models import NewsPage
from tests.helpers import add_full_article, count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["de", "en"])
def test_index_query_count_does_not_grow_with_articles(
    client, news_index_de, django_capture_on_commit_callbacks, language
):
    NewsPage.objects.all().delete()
    add_full_article(news_index_de, django_capture_on_commit_callbacks)
    url = "/de/aktuelles/" if language == "de" else "/en/news/"
    one, response = count_queries(client, url)
    assert len(response.context["articles"]) == 1
    for _ in range(11):
        add_full_article(news_index_de, django_capture_on_commit_callbacks)
    full, response = count_queries(client, url)
    assert len(response.context["articles"]) == 10
    assert full == one
    assert one <= 15, f"{one} queries for the news index"


def test_home_page_query_count_does_not_grow_with_articles(
    client, news_index_de, django_capture_on_commit_callbacks
):
    NewsPage.objects.all().delete()
    add_full_article(news_index_de, django_capture_on_commit_callbacks)
    one, _ = count_queries(client, "/de/")
    for _ in range(4):
        add_full_article(news_index_de, django_capture_on_commit_callbacks)
    three, response = count_queries(client, "/de/")
    assert three <= 15
    teaser = next(t for t in response.context["teasers"] if t["name"] == "news")
    assert len(teaser["items"]["items"]) == 3
    assert three == one
