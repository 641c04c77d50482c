"""Calendar subscriptions and "add to calendar": the event feed narrowed by the shared
filters (bad ones answered with 400 in the visitor's language), page-cached per filter, and
read alike by three independent iCalendar parsers; the event page's links to Google
Calendar and Outlook carry the event's times in the formats those services read."""

import datetime
from urllib.parse import parse_qs, urlsplit

import icalendar
import ics
import pytest
import vobject

from news.calendar_links import google_calendar_url, outlook_calendar_url
from news.event_choices import BERLIN
from news.models import EventIndexPage, EventPage
from tests.factories.events import EventPageFactory, berlin
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

FEED_DE = "/de/veranstaltungen/ics/"
FEED_EN = "/en/events/ics/"


def summaries(content: bytes) -> set[str]:
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["summary"]) for event in calendar.walk("VEVENT")}


@pytest.mark.parametrize(
    ("url", "expected_slugs"),
    [
        (
            FEED_DE + "?topic=energie-und-waerme",
            {
                "informations-und-diskussionstag-strukturentwicklung",
                "werkstatt-waermeplanung",
                "exkursion-energiepark",
            },
        ),
        (
            FEED_DE + "?topic=energie-und-waerme&district=oberspreewald-lausitz",
            {"informations-und-diskussionstag-strukturentwicklung", "exkursion-energiepark"},
        ),
        (FEED_DE + "?attendance=online", {"online-sprechstunde-foerdermittel"}),
        (
            FEED_EN + "?topic=energy-and-heat&district=spree-neisse",
            {"heat-planning-workshop"},
        ),
    ],
)
def test_feed_lists_only_the_events_its_filters_choose(client, url, expected_slugs):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    titles = {EventPage.objects.get(slug=slug).title for slug in expected_slugs}
    assert summaries(response.content) == titles


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (FEED_DE + "?district=berlin", "Unbekannter Wert"),
        (FEED_DE + "?topic=energy-and-heat", "Unbekanntes Thema"),
        (FEED_DE + "?from=14.03.2027", "YYYY-MM-DD"),
        (FEED_EN + "?district=berlin", "Unknown value"),
        (FEED_EN + "?topic=energie-und-waerme", "Unknown topic"),
        (FEED_EN + "?colour=red", "Unknown filter"),
    ],
)
def test_bad_filter_is_a_400_in_the_visitors_language(client, url, words):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert words in response.content.decode()


def test_filtered_feed_is_page_cached_per_filter(client, page_cache):
    url = FEED_DE + "?topic=energie-und-waerme&district=spree-neisse"
    first = client.get(url)
    count, second = count_queries(client, url)
    assert count == 0
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    other = client.get(FEED_DE + "?topic=energie-und-waerme&district=oberspreewald-lausitz")
    assert other.content != first.content


def test_index_offers_a_subscription_to_the_chosen_topic(client):
    html = client.get("/de/veranstaltungen/?topic=energie-und-waerme").content.decode()
    assert f'href="{FEED_DE}?topic=energie-und-waerme"' in html
    assert "Diese Veranstaltungen abonnieren" in html
    html_en = client.get("/en/events/?topic=energy-and-heat").content.decode()
    assert f'href="{FEED_EN}?topic=energy-and-heat"' in html_en
    assert "Subscribe to these events" in html_en
    assert "Subscribe to these events" not in client.get("/en/events/").content.decode()


@pytest.fixture
def timed_event():
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    return EventPageFactory(
        parent=index,
        title="Werkstatt: Wärme & Strom",
        slug="werkstatt-waerme-strom",
        teaser="Ein Tag über Wärmeplanung, Netze und Förderung.",
        # the clocks go forward in the night to 28 March 2027: UTC+1 before, UTC+2 after
        start=berlin(2027, 3, 27, 23, 30),
        end=berlin(2027, 3, 28, 10),
        venue_name="Stadthalle Cottbus",
        venue_address="Berliner Platz 6\n03046 Cottbus",
    )


@pytest.fixture
def all_day_event():
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    page = EventPageFactory(
        parent=index,
        title="Lausitztag",
        slug="lausitztag",
        all_day=True,
        start=berlin(2027, 6, 14),
        end=berlin(2027, 6, 15, 12),
    )
    page.clean()
    page.save()
    return page


def query_of(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    return {name: values[0] for name, values in parse_qs(parts.query, strict_parsing=True).items()}


def test_google_link_sends_utc_times_across_the_daylight_saving_change(rf, timed_event):
    url = google_calendar_url(timed_event, rf.get("/"))
    assert url.startswith("https://calendar.google.com/calendar/render?")
    params = query_of(url)
    assert params["action"] == "TEMPLATE"
    assert params["text"] == "Werkstatt: Wärme & Strom"
    # 23:30 CET is 22:30 UTC; 10:00 CEST (after the change) is 08:00 UTC
    assert params["dates"] == "20270327T223000Z/20270328T080000Z"
    assert params["location"] == "Stadthalle Cottbus, Berliner Platz 6 03046 Cottbus"
    assert "Wärmeplanung" in params["details"]
    assert params["details"].endswith("/de/veranstaltungen/werkstatt-waerme-strom/")


def test_outlook_link_sends_iso_utc_times(rf, timed_event):
    url = outlook_calendar_url(timed_event, rf.get("/"))
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", "outlook.live.com")
    assert parts.path == "/calendar/0/deeplink/compose"
    params = query_of(url)
    assert params["subject"] == "Werkstatt: Wärme & Strom"
    assert params["startdt"] == "2027-03-27T22:30:00Z"
    assert params["enddt"] == "2027-03-28T08:00:00Z"
    assert params["allday"] == "false"
    assert params["rru"] == "addevent"
    assert params["location"].startswith("Stadthalle Cottbus")
    start = datetime.datetime.fromisoformat(params["startdt"])
    assert start == timed_event.start


def test_all_day_links_use_dates_with_the_end_date_exclusive(rf, all_day_event):
    request = rf.get("/")
    assert query_of(google_calendar_url(all_day_event, request))["dates"] == "20270614/20270616"
    outlook = query_of(outlook_calendar_url(all_day_event, request))
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        "2027-06-14",
        "2027-06-16",
        "true",
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_event_page_links_to_the_file_and_the_web_calendars(client, lang, english):
    german = EventPage.objects.get(slug="werkstatt-waermeplanung")
    page = german if lang == "de" else german.get_translation(english)
    html = client.get(page.url).content.decode()
    heading = "Zum Kalender hinzufügen" if lang == "de" else "Add to calendar"
    assert heading in html
    assert f'href="{page.url}ics/" download' in html
    assert 'href="https://calendar.google.com/calendar/render?action=TEMPLATE' in html
    assert 'href="https://outlook.live.com/calendar/0/deeplink/compose?' in html
    assert html.count('target="_blank" rel="noopener noreferrer"') >= 3
    # links only: nothing on the page makes the browser contact those hosts by itself
    assert "prefetch" not in html and "preconnect" not in html


def _ics_parsers_read(content: bytes, expected: int):
    text = content.decode()
    with_icalendar = icalendar.Calendar.from_ical(content).walk("VEVENT")
    with_vobject = list(vobject.readOne(text).vevent_list)
    with_ics = ics.Calendar(text).events
    assert len(with_icalendar) == len(with_vobject) == len(with_ics) == expected
    return with_icalendar, with_vobject, with_ics


def test_feed_and_single_event_parse_with_three_independent_clients(client, timed_event):
    feed = client.get(FEED_DE + "?district=spree-neisse")
    _ics_parsers_read(feed.content, 1)
    single = client.get(timed_event.url + "ics/")
    by_icalendar, by_vobject, by_ics = _ics_parsers_read(single.content, 1)
    start = timed_event.start.astimezone(BERLIN)
    assert by_icalendar[0].decoded("dtstart") == start
    assert by_vobject[0].dtstart.value == start
    (event,) = by_ics
    assert event.begin.datetime == start
    assert event.name == by_vobject[0].summary.value == "Werkstatt: Wärme & Strom"
    assert event.location == by_vobject[0].location.value


def test_all_day_file_parses_as_dates_in_three_clients(client, all_day_event):
    content = client.get(all_day_event.url + "ics/").content
    (by_icalendar,), (by_vobject,), (by_ics,) = _ics_parsers_read(content, 1)
    assert by_icalendar.decoded("dtstart") == datetime.date(2027, 6, 14)
    assert by_vobject.dtstart.value == datetime.date(2027, 6, 14)
    assert by_vobject.dtend.value == datetime.date(2027, 6, 16)
    assert by_ics.all_day
    assert by_ics.begin.date() == datetime.date(2027, 6, 14)


def test_a_past_event_offers_no_add_to_calendar(client):
    """Once an event has taken place there is nothing to add: the section is gone (the
    .ics stays reachable for archives)."""
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    past = EventPageFactory(
        parent=index,
        title="Vergangene Werkstatt",
        start=berlin(2020, 5, 5, 10),
        end=berlin(2020, 5, 5, 12),
        hero_image=None,
    )
    html = client.get(past.url).content.decode()
    assert "Diese Veranstaltung hat bereits stattgefunden" in html
    assert "Zum Kalender hinzufügen" not in html
    assert "calendar.google.com" not in html
    assert client.get(past.url + "ics/").status_code == 200
