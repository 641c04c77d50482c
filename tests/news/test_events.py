"""Events: upcoming and past with a fixed clock, status in every language, calendar files."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from news.event_choices import BERLIN
from news.models import EventIndexPage, EventPage, NewsPage
from tests.factories.events import EventPageFactory, berlin
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_de(db):
    return EventIndexPage.objects.get(slug="veranstaltungen")


def frozen(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


class EventTreeRules(WagtailPageTestCase):
    def test_rules(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(EventIndexPage, NewsPage)
        self.assertCanNotCreateAt(EventIndexPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return (
        [e.slug for e in response.context["upcoming"]],
        [e.slug for e in response.context["past"]],
    )


@pytest.mark.parametrize(
    ("start", "end", "now", "upcoming"),
    [
        # started earlier today, still running
        (berlin(2030, 5, 4, 9), berlin(2030, 5, 4, 17), berlin(2030, 5, 4, 12), True),
        # ended an hour ago
        (berlin(2030, 5, 4, 9), berlin(2030, 5, 4, 11), berlin(2030, 5, 4, 12), False),
        # across midnight: still running at 00:30
        (berlin(2030, 5, 4, 22), berlin(2030, 5, 5, 2), berlin(2030, 5, 5, 0, 30), True),
        # DST change night (29 March 2026: 02:00 -> 03:00): ends 03:30 CEST, now 03:10 CEST
        (berlin(2026, 3, 29, 1), berlin(2026, 3, 29, 3, 30), berlin(2026, 3, 29, 3, 10), True),
        # the same event half an hour after its end
        (berlin(2026, 3, 29, 1), berlin(2026, 3, 29, 3, 30), berlin(2026, 3, 29, 4), False),
    ],
)
def test_upcoming_until_the_end_then_archive(client, events_de, start, end, now, upcoming):
    event = EventPageFactory(parent=events_de, slug="uhr-test", start=start, end=end)
    with frozen(now.astimezone(datetime.UTC)):
        future, past = listed(client, "/de/veranstaltungen/")
    assert (event.slug in future) is upcoming
    assert (event.slug in past) is not upcoming


def test_demo_events_in_both_languages(client):
    future, past = listed(client, "/de/veranstaltungen/")
    assert "informations-und-diskussionstag-strukturentwicklung" in past
    assert len(future) == 3
    future_en, past_en = listed(client, "/en/events/")
    assert "information-and-discussion-day-structural-development" in past_en
    assert "excursion-energy-park" in future_en
    html = client.get("/en/events/").content.decode()
    assert "Cancelled" in html  # a cancelled event is marked, not hidden


def test_home_page_shows_next_three_events(client):
    response = client.get("/en/")
    teaser = next(t for t in response.context["teasers"] if t["name"] == "events")
    items = teaser["items"]["items"]
    assert [e.slug for e in items] == [
        "heat-planning-workshop",
        "online-consultation-funding",
        "excursion-energy-park",
    ]


def parse_ics(content):
    calendar = Calendar.from_ical(content)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_ics_files_carry_time_zone_status_and_shared_uid(client, lang, english):
    german = EventPage.objects.get(slug="exkursion-energiepark")
    page = german if lang == "de" else german.get_translation(english)
    response = client.get(page.url + "ics/")
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = parse_ics(response.content)
    assert str(event["uid"]) == f"{german.translation_key}@lausitz-portal"
    assert str(event["status"]) == "CANCELLED"
    start = event.decoded("dtstart")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Berlin"
    assert start == german.start.astimezone(BERLIN)
    assert event.decoded("dtend") == german.end.astimezone(BERLIN)
    assert str(event["url"]).endswith(page.url)


def test_all_day_event_uses_dates(client):
    response = client.get(
        "/de/veranstaltungen/informations-und-diskussionstag-strukturentwicklung/ics/"
    )
    (event,) = parse_ics(response.content)
    assert event.decoded("dtstart") == datetime.date(2024, 2, 14)
    assert event.decoded("dtend") == datetime.date(2024, 2, 15)


@pytest.mark.parametrize("url", ["/de/veranstaltungen/ics/", "/en/events/ics/"])
def test_calendar_feed_parses_and_lists_every_event_of_its_language(client, url):
    events = parse_ics(client.get(url).content)
    assert len(events) == 4
    uids = {str(e["uid"]) for e in events}
    assert len(uids) == 4
    assert all(str(e["url"]).startswith("http://testserver" + url[:4]) for e in events)


def test_cancelling_the_german_event_reaches_english_without_a_translator(
    client, english, django_capture_on_commit_callbacks
):
    german = EventPage.objects.get(slug="werkstatt-waermeplanung")
    english_page = german.get_translation(english)
    english_text_before = english_page.title
    german.status = "cancelled"
    german.start = german.start + datetime.timedelta(days=1)
    german.end = german.end + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        german.save_revision().publish()
    english_page.refresh_from_db()
    assert english_page.status == "cancelled"
    assert english_page.start == german.start
    assert english_page.title == english_text_before
    html = client.get(english_page.url).content.decode()
    assert "Cancelled" in html
    listing = client.get("/en/events/").content.decode()
    assert re.search(r"Cancelled</strong>\s*<time", listing)
    (event,) = parse_ics(client.get(english_page.url + "ics/").content)
    assert str(event["status"]) == "CANCELLED"
    # the live and latest revisions carry the new facts too: republishing keeps them
    english_page.get_latest_revision().publish()
    english_page.refresh_from_db()
    assert english_page.status == "cancelled"


def test_facts_do_not_publish_english_drafts_or_touch_english_text(
    client, events_de, english, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=events_de, slug="entwurf-test")
    with django_capture_on_commit_callbacks(execute=True):
        draft = translate_with_localize(event, publish=False)
    assert not draft.live
    live_event = EventPage.objects.get(slug="online-sprechstunde-foerdermittel")
    live_english = live_event.get_translation(english)
    live_english.title = "Unreviewed English title"
    live_english.save_revision()  # a draft change waiting for review
    for page in (event, live_event):
        page.status = "postponed"
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
    draft.refresh_from_db()
    assert not draft.live and draft.status == "postponed"
    live_english.refresh_from_db()
    assert live_english.status == "postponed"
    assert live_english.title == "Online consultation: funding"  # live text unchanged
    assert live_english.has_unpublished_changes
    latest = live_english.get_latest_revision().as_object()
    assert latest.title == "Unreviewed English title" and latest.status == "postponed"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_event_json_ld(client, lang, english):
    german = EventPage.objects.get(slug="online-sprechstunde-foerdermittel")
    page = german if lang == "de" else german.get_translation(english)
    html = client.get(page.url).content.decode()
    (data,) = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": german.online_url}
    assert data["organizer"]["name"] == "Lausitz-Entwicklungsagentur (Demo)"
    assert data["inLanguage"] == lang
    assert datetime.datetime.fromisoformat(data["startDate"]) == german.start
    assert data["offers"]["price"] == "0"


def test_in_person_event_json_ld_has_place(client):
    html = client.get("/de/veranstaltungen/werkstatt-waermeplanung/").content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Dorfstraße 1"
    assert data["offers"]["url"] == "https://example.org/anmeldung-werkstatt"
    assert "availabilityEnds" in data["offers"]


def test_event_index_query_count_does_not_grow(
    client, events_de, django_capture_on_commit_callbacks
):
    EventPage.objects.all().delete()

    def add():
        event = EventPageFactory(parent=events_de)
        with django_capture_on_commit_callbacks(execute=True):
            translate_with_localize(event)

    def count():
        client.get("/de/veranstaltungen/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/de/veranstaltungen/")
        return len(queries), response

    add()
    one, _ = count()
    for _ in range(10):
        add()
    full, response = count()
    assert len(response.context["upcoming"]) == 10  # a screen (news.upcoming)
    assert response.context["upcoming_screen"].paginator.count == 11
    assert full == one <= 15


@pytest.mark.parametrize(
    "query", ["page=abc", "page=0", "page=99", "topic=nope", "topic=" + "y" * 300, "page=-1"]
)
def test_bad_parameters_give_404_not_500(client, query):
    assert client.get(f"/en/events/?{query}").status_code == 404


def test_topic_filter_on_english_events(client):
    future, past = listed(client, "/en/events/?topic=energy-and-heat")
    assert "heat-planning-workshop" in future
    assert "online-consultation-funding" not in future
