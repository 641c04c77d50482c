"""Upcoming events a screen at a time (``news.upcoming``), and what a calendar subscription
holds (``feed_events``): bounded output, whatever the size of the calendar (issue 31)."""

import datetime

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from home.listings.pages import PAGE_SIZE
from news.models import EventIndexPage, EventPage
from news.models import events as event_models
from news.recurrence_fields import by_next_date
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db
URL = "/de/veranstaltungen/"


@pytest.fixture
def calendar():
    """Only these events: 14 single ones from tomorrow on, 3 past ones, and a weekly series
    that began a month ago (its next date lies among the single events, its first far
    before them)."""
    EventPage.objects.all().delete()
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)

    def add(start, **fields):
        event = EventPageFactory(
            parent=index, start=start, end=start + datetime.timedelta(hours=2), **fields
        )
        event.save_revision().publish()
        return event

    singles = [add(soon + datetime.timedelta(days=2 * n), hero_image=None) for n in range(14)]
    past = [add(soon - datetime.timedelta(days=30 + n), hero_image=None) for n in range(3)]
    series = add(
        soon - datetime.timedelta(days=27),
        hero_image=None,
        title="Wöchentliche Sprechstunde",
        repeat="weekly",
    )
    return index, singles, past, series


def titles(html) -> list[str]:
    section = BeautifulSoup(html, "html.parser").select_one('[aria-labelledby="upcoming-heading"]')
    return [heading.get_text(strip=True) for heading in section.select(".cards h3")]


def test_screens_follow_the_next_date_and_a_series_is_listed_by_its_next(client, calendar):
    index, singles, _past, series = calendar
    expected = [event.title for event in by_next_date(index.upcoming())]
    assert series.title in expected[:5]  # by its next date, not its first (a month ago)
    first = client.get(URL)
    second = client.get(URL, {"upcoming": "2"})
    assert titles(first.content) == expected[:PAGE_SIZE]
    assert titles(second.content) == expected[PAGE_SIZE:]
    assert len(expected) == len(singles) + 1
    html = first.content.decode()
    assert 'href="?upcoming=2"' in html and "Spätere Termine" in html
    assert 'aria-label="Seiten der kommenden Veranstaltungen"' in html


def test_the_upcoming_and_the_past_pages_are_numbered_apart(client, calendar):
    """The past archive keeps ``?page=``; one list's screen does not move the other."""
    response = client.get(URL, {"upcoming": "2", "page": "1"})
    assert response.context["upcoming_screen"].number == 2
    assert response.context["past"].number == 1


@pytest.mark.parametrize("number", ["0", "abc", "99", "-1", "２"])
def test_a_bad_screen_number_is_404(client, calendar, number):
    assert client.get(URL, {"upcoming": number}).status_code == 404


def test_the_feed_holds_the_next_events_then_the_latest_past_ones(client, calendar, monkeypatch):
    index, singles, past, series = calendar

    def summaries():
        feed = icalendar.Calendar.from_ical(client.get(URL + "ics/").content)
        return [str(event["summary"]) for event in feed.walk("VEVENT")]

    everything = summaries()
    assert set(everything) == {e.title for e in [*singles, *past, series]}
    monkeypatch.setattr(event_models, "CALENDAR_FEED_SIZE", 16)
    coming = {e.title for e in [*singles, series]}
    kept = summaries()
    assert coming <= set(kept) and len(kept) == 16  # all 15 to come, then the latest past
    assert past[0].title in kept  # the latest past one, not the oldest
    monkeypatch.setattr(event_models, "CALENDAR_FEED_SIZE", 5)
    assert set(summaries()) <= coming
