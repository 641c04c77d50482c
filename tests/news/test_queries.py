"""The news index costs the same number of SQL queries for 1 article as for a full page."""

import pytest

from news.models import NewsPage
from tests.helpers import add_full_article, count_queries, translate_with_localize

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


def add_full_event(index, capture, **fields):
    """An upcoming event with image, two topics and a live English translation."""
    from home.models import Topic
    from tests.factories.events import EventPageFactory

    topics = list(Topic.objects.filter(locale=index.locale)[:2])
    event = EventPageFactory(parent=index, topics=topics, **fields)
    with capture(execute=True):
        translate_with_localize(event)
    return event


@pytest.mark.parametrize("language", ["de", "en"])
def test_event_index_query_count_does_not_grow_with_events_or_series(
    client, django_capture_on_commit_callbacks, language
):
    """Repeating events included: their next date comes from the row, not a query."""
    from news.models import EventIndexPage, EventPage
    from tests.factories.events import berlin

    index = EventIndexPage.objects.get(slug="veranstaltungen")
    EventPage.objects.all().delete()
    series = {"start": berlin(2026, 1, 6, 16), "end": berlin(2026, 1, 6, 17)}
    series.update(repeat="monthly-weekday", cancelled_dates=["2026-02-03"])
    add_full_event(index, django_capture_on_commit_callbacks, **series)
    url = "/de/veranstaltungen/" if language == "de" else "/en/events/"
    one, response = count_queries(client, url)
    assert len(response.context["upcoming"]) == 1
    for number in range(11):
        fields = dict(series, repeat="weekly", cancelled_dates=[]) if number % 3 == 0 else {}
        add_full_event(index, django_capture_on_commit_callbacks, **fields)
    full, response = count_queries(client, url)
    assert len(response.context["upcoming"]) == 10  # a screen: news.upcoming
    assert response.context["upcoming_screen"].paginator.count == 12
    assert full == one
    assert one <= 15, f"{one} queries for the event index"
