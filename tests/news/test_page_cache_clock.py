"""Cached event listings expire no later than the next event start or end (fixed clock)."""

import datetime
from unittest import mock

import pytest
from django.core.cache.backends import base, locmem

from news.event_clock import next_event_change
from news.models import EventIndexPage, EventPage
from portal.caching import clock as page_cache_module
from tests.factories.events import EventPageFactory, berlin

pytestmark = pytest.mark.django_db

NOW = berlin(2031, 3, 10, 12)


@pytest.fixture
def only_test_events(db):
    """Demo events lie around the real date; these tests run in 2031."""
    EventPage.objects.all().delete()
    return EventIndexPage.objects.get(slug="veranstaltungen")


def test_next_change_is_the_nearest_start_or_end(only_test_events):
    EventPageFactory(parent=only_test_events, start=NOW + datetime.timedelta(hours=5))
    running = EventPageFactory(
        parent=only_test_events,
        start=NOW - datetime.timedelta(hours=1),
        end=NOW + datetime.timedelta(minutes=30),
    )
    assert next_event_change(NOW) == running.end
    assert next_event_change(running.end) == running.end  # still upcoming at its end
    assert next_event_change(NOW + datetime.timedelta(hours=1)) == NOW + datetime.timedelta(hours=5)


def test_drafts_and_past_events_do_not_shorten_the_timeout(only_test_events, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    EventPageFactory(parent=only_test_events, start=NOW - datetime.timedelta(days=2))
    draft = EventPageFactory(parent=only_test_events, start=NOW + datetime.timedelta(minutes=5))
    draft.unpublish()
    assert next_event_change(NOW) is None
    assert page_cache_module.entry_timeout(NOW, "g1") == 600


@pytest.mark.parametrize(
    ("seconds_to_end", "timeout"), [(90, 90), (0.2, 1), (599.5, 600), (3600, 600)]
)
def test_timeout_is_cut_at_the_next_change(only_test_events, settings, seconds_to_end, timeout):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    EventPageFactory(
        parent=only_test_events,
        start=NOW - datetime.timedelta(hours=1),
        end=NOW + datetime.timedelta(seconds=seconds_to_end),
    )
    assert page_cache_module.entry_timeout(NOW, "g1") == timeout


def test_the_next_change_is_looked_up_once_per_generation(
    only_test_events, settings, django_assert_num_queries
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    EventPageFactory(parent=only_test_events, start=NOW + datetime.timedelta(minutes=10))
    with django_assert_num_queries(1):
        assert page_cache_module.entry_timeout(NOW, "g1") == 600
    with django_assert_num_queries(0):
        later = NOW + datetime.timedelta(minutes=9)
        assert page_cache_module.entry_timeout(later, "g1") == 60
    # once the moment has passed, the next one is looked up again
    with django_assert_num_queries(1):
        page_cache_module.entry_timeout(NOW + datetime.timedelta(minutes=11), "g1")


class Clock:
    """One fixed clock for Django (timezone.now) and the local-memory cache's expiry."""

    def __init__(self, moment):
        self.moment = moment

    def now(self):
        return self.moment

    def time(self):
        return self.moment.timestamp()

    def advance(self, **delta):
        self.moment += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(NOW.astimezone(datetime.UTC))
    fake_time = mock.Mock(time=clock.time)
    monkeypatch.setattr(base, "time", fake_time)  # expiry is set here
    monkeypatch.setattr(locmem, "time", fake_time)  # and checked here
    with mock.patch("django.utils.timezone.now", clock.now):
        yield clock


@pytest.mark.parametrize(("url", "language"), [("/de/veranstaltungen/", "de"), ("/de/", "de")])
def test_cached_listing_moves_an_event_to_the_past_when_it_ends(
    client, page_cache, only_test_events, clock, url, language
):
    EventPageFactory(
        parent=only_test_events,
        title="Uhrtest-Veranstaltung",
        start=NOW - datetime.timedelta(hours=1),
        end=NOW + datetime.timedelta(seconds=90),
    )
    first = client.get(url)
    assert first["X-Cache"] == "MISS"
    assert "Uhrtest-Veranstaltung" in first.content.decode()
    clock.advance(seconds=60)
    assert client.get(url)["X-Cache"] == "HIT"
    clock.advance(seconds=31)
    after = client.get(url)
    assert after["X-Cache"] == "MISS"
    if url.endswith("veranstaltungen/"):
        assert [e.title for e in after.context["upcoming"]] == []
        assert [e.title for e in after.context["past"]] == ["Uhrtest-Veranstaltung"]
    else:
        assert "Uhrtest-Veranstaltung" not in after.content.decode()


def test_cached_event_page_turns_past_when_the_event_ends(
    client, page_cache, only_test_events, clock
):
    event = EventPageFactory(
        parent=only_test_events,
        start=NOW - datetime.timedelta(hours=1),
        end=NOW + datetime.timedelta(minutes=10),
    )
    assert client.get(event.url).context["is_past"] is False
    clock.advance(minutes=9)
    assert client.get(event.url)["X-Cache"] == "HIT"
    clock.advance(minutes=2)
    after = client.get(event.url)
    assert after["X-Cache"] == "MISS" and after.context["is_past"] is True
