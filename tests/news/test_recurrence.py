"""Repeating events (issue 29): the rule's dates in Berlin time, the rule in words, listings
by the next date, cancelled dates, calendar files read by three independent clients, the
schema.org schedule, filters by date, and the admin's messages at the field."""

import datetime
from urllib.parse import parse_qs, urlsplit

import icalendar
import ics
import pytest
import vobject
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from news.calendar_links import google_calendar_url, outlook_calendar_url
from news.event_clock import next_event_change
from news.event_filters import EventFilters
from news.models import EventIndexPage, EventPage
from news.recurrence import describe, occurrences, series_end
from tests.factories.events import EventPageFactory, berlin
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db

NOW = berlin(2027, 1, 10, 12)


def monthly(**fields) -> EventPage:
    """First Tuesday of the month, 16:00–17:00, from 2 February 2027 (before the change to
    summer time on 28 March), unsaved."""
    values = {
        "title": "Online-Sprechstunde",
        "slug": "sprechstunde-test",
        "teaser": "Fragen zu Fördermitteln.",
        "start": berlin(2027, 2, 2, 16),
        "end": berlin(2027, 2, 2, 17),
        "attendance": "online",
        "online_url": "https://example.org/raum",
        "repeat": "monthly-weekday",
        "repeat_count": 6,
    }
    values.update(fields)
    return EventPage(**values)


@pytest.fixture
def series():
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    page = EventPageFactory(
        parent=index,
        title="Sprechstunde Serie",
        slug="sprechstunde-serie",
        start=berlin(2027, 2, 2, 16),
        end=berlin(2027, 2, 2, 17),
        repeat="monthly-weekday",
        repeat_count=6,
        cancelled_dates=["2027-03-02"],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_monthly_rule_gives_the_first_tuesdays_at_local_time_across_dst():
    page = monthly()
    dates = occurrences(page, after=berlin(2027, 1, 1), limit=10)
    assert [item.start.date() for item in dates] == [
        datetime.date(2027, 2, 2),
        datetime.date(2027, 3, 2),
        datetime.date(2027, 4, 6),
        datetime.date(2027, 5, 4),
        datetime.date(2027, 6, 1),
        datetime.date(2027, 7, 6),
    ]
    assert {(item.start.hour, item.end.hour) for item in dates} == {(16, 17)}
    # 16:00 stays 16:00 in Berlin: 15:00 UTC in winter, 14:00 UTC in summer
    assert dates[1].start.astimezone(datetime.UTC).hour == 15
    assert dates[2].start.astimezone(datetime.UTC).hour == 14
    assert series_end(page) == berlin(2027, 7, 6, 17)


def test_weekly_every_second_week_and_monthly_by_day():
    weekly = monthly(repeat="weekly", repeat_interval=2, repeat_count=3)
    assert [d.start.date().isoformat() for d in occurrences(weekly, berlin(2027, 1, 1))] == [
        "2027-02-02",
        "2027-02-16",
        "2027-03-02",
    ]
    by_day = monthly(
        repeat="monthly-day",
        start=berlin(2027, 1, 14, 9),
        end=berlin(2027, 1, 14, 10),
        repeat_count=None,
        repeat_until=datetime.date(2027, 3, 31),
    )
    assert [d.start.day for d in occurrences(by_day, berlin(2027, 1, 1))] == [14, 14, 14]
    assert series_end(by_day) == berlin(2027, 3, 14, 10)
    assert series_end(monthly(repeat_count=None)) is None  # open-ended


def test_a_date_running_now_is_still_next():
    page = monthly()
    (current, *_rest) = occurrences(page, after=berlin(2027, 3, 2, 16, 30))
    assert current.start == berlin(2027, 3, 2, 16)


def test_rule_in_words_in_both_languages():
    page = monthly(repeat_count=None)
    with translation.override("de"):
        assert describe(page) == "jeden ersten Dienstag im Monat, 16:00–17:00 Uhr"
    with translation.override("en"):
        assert describe(page) == "every first Tuesday of the month, 16:00–17:00"
    weekly = monthly(repeat="weekly", repeat_interval=2, repeat_count=None)
    with translation.override("de"):
        assert describe(weekly).startswith("alle 2 Wochen am Dienstag")
        assert describe(monthly()).endswith("(6 Termine)")


@pytest.mark.parametrize(
    ("fields", "field", "german", "english"),
    [
        (
            {"cancelled_dates": ["2027-02-09"]},
            "cancelled_dates",
            "ist kein Termin dieser Veranstaltung",
            "is not a date of this event",
        ),
        (
            {"registration_on_site": True},
            "registration_on_site",
            "Anmeldung auf dieser Website ist bei einer wiederkehrenden",
            "Registration on this website is not possible for a repeating event",
        ),
        (
            {"repeat_until": datetime.date(2027, 6, 1)},
            "repeat_count",
            "entweder eine Anzahl",
            "either a number of dates or a last date",
        ),
        (
            {"repeat_count": None, "repeat_until": datetime.date(2027, 1, 1)},
            "repeat_until",
            "nicht vor dem ersten",
            "must not be before the first date",
        ),
        (
            {"repeat": "", "cancelled_dates": ["2027-02-02"]},
            "cancelled_dates",
            "Nur eine wiederkehrende Veranstaltung",
            "Only a repeating event has cancelled dates",
        ),
        (
            {
                "repeat": "monthly-day",
                "start": berlin(2027, 1, 31, 9),
                "end": berlin(2027, 1, 31, 10),
            },
            "repeat",
            "Nicht jeder Monat hat einen 31. Tag",
            "Not every month has a 31. day",
        ),
    ],
)
def test_clean_refuses_bad_rules_at_the_field(fields, field, german, english):
    for language, words in (("de", german), ("en", english)):
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                monthly(**fields).clean()
            messages = error.value.message_dict
            assert field in messages, messages
            assert any(words in message for message in messages[field]), messages[field]


def test_ical_file_has_rrule_and_exdate_read_by_three_clients(client, series):
    content = client.get(series.url + "ics/").content
    text = content.decode()
    assert "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1TU" in text
    assert "EXDATE;TZID=Europe/Berlin:20270302T160000" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Berlin" in text

    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
    exdates = {moment.dt.replace(tzinfo=None) for moment in event["exdate"].dts}
    dates = [moment for moment in rule if moment not in exdates]
    assert [moment.date().isoformat() for moment in dates] == [
        "2027-02-02",
        "2027-04-06",
        "2027-05-04",
        "2027-06-01",
        "2027-07-06",
    ]

    (by_vobject,) = vobject.readOne(text).vevent_list
    expanded = list(by_vobject.getrruleset())
    assert [moment.date() for moment in expanded] == [moment.date() for moment in dates]
    # vobject's (pytz) expansion keeps the first date's UTC offset in summer; the local
    # wall-clock time is right, which is what calendar clients show after normalising
    assert {moment.hour for moment in expanded} == {16}

    # ics 0.7.3 does not expand rules: it keeps the event (first date) and hands RRULE and
    # EXDATE through unchanged as "extra" lines. A limitation of that client, recorded here.
    (by_ics,) = ics.Calendar(text).events
    assert by_ics.begin.datetime == berlin(2027, 2, 2, 16)
    extra = {line.name: line.value for line in by_ics.extra}
    assert extra["RRULE"] == "FREQ=MONTHLY;COUNT=6;BYDAY=1TU"
    assert extra["EXDATE"] == "20270302T160000"


def test_feed_holds_the_series_once(client, series):
    content = client.get("/de/veranstaltungen/ics/").content
    events = icalendar.Calendar.from_ical(content).walk("VEVENT")
    mine = [event for event in events if str(event["summary"]) == "Sprechstunde Serie"]
    assert len(mine) == 1 and "RRULE" in mine[0]
    assert len(list(vobject.readOne(content.decode()).vevent_list)) == len(events)
    assert len(ics.Calendar(content.decode()).events) == len(events)


def test_google_link_sends_the_rule_and_outlook_the_next_date(rf, series, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    request = rf.get("/")
    google = {
        k: v[0] for k, v in parse_qs(urlsplit(google_calendar_url(series, request)).query).items()
    }
    assert google["recur"] == "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=1TU"
    assert google["dates"] == "20270202T160000/20270202T170000"
    assert google["ctz"] == "Europe/Berlin"
    outlook = {
        k: v[0] for k, v in parse_qs(urlsplit(outlook_calendar_url(series, request)).query).items()
    }
    assert outlook["startdt"] == "2027-02-02T15:00:00Z"
    monkeypatch.setattr("django.utils.timezone.now", lambda: berlin(2027, 2, 20))
    outlook = {
        k: v[0] for k, v in parse_qs(urlsplit(outlook_calendar_url(series, request)).query).items()
    }
    assert outlook["startdt"] == "2027-04-06T14:00:00Z"  # 2 March is cancelled


def test_event_page_lists_next_dates_with_the_cancelled_one_labelled(client, series, english):
    html = client.get(series.url).content.decode()
    assert "Nächste Termine" in html
    assert "Jeden ersten Dienstag im Monat, 16:00–17:00 Uhr (6 Termine)" in html
    assert "entfällt:</strong> <s><time" in html
    assert "Outlook-Links nur den nächsten Termin" in html


def test_index_shows_a_series_by_its_next_date(client, series, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.now", lambda: berlin(2027, 4, 10))
    later = EventPageFactory(
        parent=series.get_parent(), start=berlin(2027, 4, 20, 10), end=berlin(2027, 4, 20, 12)
    )
    earlier = EventPageFactory(
        parent=series.get_parent(), start=berlin(2027, 4, 12, 10), end=berlin(2027, 4, 12, 12)
    )
    for page in (later, earlier):
        page.save_revision().publish()
    response = client.get("/de/veranstaltungen/")
    titles = [page.title for page in response.context["upcoming"]]
    mine = [t for t in titles if t in {series.title, later.title, earlier.title}]
    assert mine == [earlier.title, later.title, series.title]  # next date 4 May
    html = response.content.decode()
    card = html[html.index("Sprechstunde Serie") - 900 : html.index("Sprechstunde Serie")]
    assert "4. Mai 2027" in card and "(monatlich)" in card


def test_a_series_with_dates_to_come_is_upcoming_not_past(series, monkeypatch):
    index = series.get_parent().specific
    at = berlin(2027, 5, 10)
    assert index.upcoming(at).filter(pk=series.pk).exists()
    assert not index.past(at).filter(pk=series.pk).exists()
    after = berlin(2027, 7, 7)
    assert not index.upcoming(after).filter(pk=series.pk).exists()
    assert index.past(after).filter(pk=series.pk).exists()


@pytest.mark.parametrize(
    ("start", "end", "found"),
    [
        (datetime.date(2027, 4, 1), datetime.date(2027, 4, 10), True),  # 6 April
        (datetime.date(2027, 4, 8), datetime.date(2027, 4, 30), False),  # between dates
        (datetime.date(2027, 8, 1), None, False),  # after the series
        (None, datetime.date(2027, 1, 31), False),  # before it
        (datetime.date(2027, 7, 1), None, True),
    ],
)
def test_date_filters_find_a_series_only_with_a_date_in_the_range(series, start, end, found):
    events = EventFilters(start=start, end=end).apply(EventPage.objects.filter(pk=series.pk))
    assert events.exists() is found


def test_next_change_includes_the_series_next_date(series, monkeypatch):
    EventPage.objects.exclude(pk=series.pk).update(live=False)
    assert next_event_change(berlin(2027, 4, 10)) == berlin(2027, 5, 4, 16)
    assert next_event_change(berlin(2027, 5, 4, 16, 30)) == berlin(2027, 5, 4, 17)
    assert next_event_change(berlin(2027, 7, 7)) is None


def test_api_describes_the_series_as_a_schedule(client, series):
    data = client.get("/de/api/events/?from=2027-02-01&to=2027-02-28").json()
    (item,) = [item for item in data["items"] if item["name"] == "Sprechstunde Serie"]
    assert item["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1M",
        "byDay": "https://schema.org/Tuesday",
        "byMonthWeek": 1,
        "startDate": "2027-02-02",
        "endDate": "2027-07-06",
        "startTime": "16:00:00",
        "endTime": "17:00:00",
        "scheduleTimezone": "Europe/Berlin",
        "repeatCount": 6,
        "exceptDate": ["2027-03-02"],
    }


def test_facts_of_the_series_reach_english_on_publish(
    series, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        english_page = translate_with_localize(series, publish=True)
    series.cancelled_dates = ["2027-03-02", "2027-05-04"]
    series.repeat_count = 5
    with django_capture_on_commit_callbacks(execute=True):
        series.save_revision().publish()
    english_page.refresh_from_db()
    assert english_page.cancelled_dates == ["2027-03-02", "2027-05-04"]
    assert english_page.repeat == "monthly-weekday" and english_page.repeat_count == 5
    assert english_page.series_end == berlin(2027, 6, 1, 17)


# The admin's own views: messages at the field in the editor's language, nothing saved.
def admin_form(**overrides):
    data = {
        "title": "Sprechstunde",
        "slug": "sprechstunde-admin",
        "start": "2027-02-02 16:00",
        "end": "2027-02-02 17:00",
        "status": "scheduled",
        "attendance": "online",
        "online_url": "https://example.org/raum",
        "teaser": "Kurz.",
        "free_of_charge": "on",
        "repeat": "monthly-weekday",
        "repeat_interval": "1",
        "repeat_count": "6",
        "cancelled_dates": "02.03.2027",
        "agenda": streamfield([]),
        "related_pages": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({k: v for k, v in data.items() if v is not None})


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return client


def add_url():
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    return reverse("wagtailadmin_pages:add", args=["news", "eventpage", index.pk])


def test_admin_saves_a_series_with_a_cancelled_date(admin_client):
    response = admin_client.post(add_url(), admin_form())
    assert response.status_code == 302
    page = EventPage.objects.get(slug="sprechstunde-admin")
    assert page.cancelled_dates == ["2027-03-02"]
    assert page.series_end == berlin(2027, 7, 6, 17)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "02.03.2027" in edit.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "german", "english"),
    [
        (
            {"cancelled_dates": "09.02.2027"},
            "cancelled_dates",
            "kein Termin dieser Veranstaltung",
            "is not a date of this event",
        ),
        (
            {"cancelled_dates": "nächste Woche"},
            "cancelled_dates",
            "ist kein Datum",
            "is not a date",
        ),
        ({"registration_on_site": "on"}, "registration_on_site", "nicht möglich", "not possible"),
        ({"repeat_until": "2027-06-01"}, "repeat_count", "nicht beides", "not both"),
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_admin_refuses_bad_input_at_the_field_and_saves_nothing(
    admin_client, django_user_model, overrides, field, german, english, language
):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="redaktion"))
    profile.preferred_language = language
    profile.save()
    before = EventPage.objects.count()
    response = admin_client.post(add_url(), admin_form(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    words = german if language == "de" else english
    with translation.override(language):  # lazy messages, in the editor's language
        assert any(words in str(error) for error in errors[field]), errors[field]
    assert words in response.content.decode()  # shown in the page, at the field
    assert EventPage.objects.count() == before


def test_next_change_with_more_series_than_slots_still_sees_single_events():
    from news.recurrence import SERIES_SLOTS

    EventPage.objects.all().delete()
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    for number in range(SERIES_SLOTS + 1):
        EventPageFactory(
            parent=index,
            start=berlin(2027, 1, 5 + number % 7, 16),
            end=berlin(2027, 1, 5 + number % 7, 17),
            repeat="weekly",
        )
    single = EventPageFactory(parent=index, start=NOW + datetime.timedelta(minutes=5))
    assert next_event_change(NOW) == single.start


@pytest.mark.parametrize("all_day", [False, True])
def test_until_in_the_file_has_the_type_of_dtstart_and_three_clients_read_it(
    client, series, all_day
):
    series.repeat_count = None
    series.repeat_until = datetime.date(2027, 4, 30)
    series.all_day = all_day
    series.clean()
    series.save_revision().publish()
    content = client.get(series.url + "ics/").content
    text = content.decode()
    expected = "UNTIL=20270430;" if all_day else "UNTIL=20270430T215959Z;"
    assert expected in text.replace("\r\n ", "")
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    (by_vobject,) = vobject.readOne(text).vevent_list
    days = [moment.date() for moment in by_vobject.getrruleset()]
    # 2 March is cancelled (EXDATE); 6 April is the last date before 30 April
    assert days == [datetime.date(2027, 2, 2), datetime.date(2027, 4, 6)]
    assert event["rrule"]["until"]
    assert len(ics.Calendar(text).events) == 1


def test_home_teaser_orders_a_series_by_its_next_date(rf, series, monkeypatch):
    from home.models import HomePage
    from news.teasers import upcoming_events

    EventPage.objects.exclude(pk=series.pk).update(live=False)
    monkeypatch.setattr("django.utils.timezone.now", lambda: berlin(2027, 4, 10))
    index = series.get_parent()
    soon = EventPageFactory(
        parent=index, start=berlin(2027, 4, 12, 10), end=berlin(2027, 4, 12, 12)
    )
    later = EventPageFactory(parent=index, start=berlin(2027, 6, 1, 9), end=berlin(2027, 6, 1, 12))
    for page in (soon, later):
        page.save_revision().publish()
    home = HomePage.objects.get(locale__language_code="de", depth=2)
    items = upcoming_events(rf.get("/de/"), home)["items"]
    assert [item.pk for item in items] == [soon.pk, series.pk, later.pk]  # series: 4 May
