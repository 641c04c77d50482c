""" "Add to calendar" links for one event: Google Calendar and Outlook (outlook.com and
Microsoft 365) open their "new event" form filled in with the event.

Plain links: nothing is asked of those hosts until the visitor clicks. Timed events are
sent in UTC (Google ``20260314T090000Z``, Outlook ``2026-03-14T09:00:00Z``), so no time zone
name has to be understood; all-day events as dates, the end date exclusive as in iCalendar
(an event on 14 March: Google ``20260314/20260315``, Outlook ``allday=true`` with
``2026-03-14``/``2026-03-15``).

A repeating event: Google takes the rule (``recur=RRULE:…``, with the first date and the
time zone ``ctz``); Outlook's compose links have no parameter for a rule, so they carry the
next date only, and the event page says so."""

import datetime
from types import SimpleNamespace
from urllib.parse import urlencode

from django.utils import timezone
from icalendar import vRecur

from news.calendar import event_location
from news.event_choices import BERLIN
from news.recurrence import ical_rule, is_recurring, next_occurrence

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK_LIVE = "https://outlook.live.com/calendar/0/deeplink/compose"
OUTLOOK_OFFICE = "https://outlook.office.com/calendar/0/deeplink/compose"
STAND_IN_FIELDS = ("title", "teaser", "all_day", "venue_name", "venue_address")
STAND_IN_FIELDS += ("is_online", "online_url")


def _days(page) -> tuple[datetime.date, datetime.date]:
    first = timezone.localtime(page.start, BERLIN).date()
    last = timezone.localtime(page.end, BERLIN).date()
    return first, last + datetime.timedelta(days=1)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _details(page, request) -> str:
    return "\n\n".join(part for part in [page.teaser, page.get_full_url(request)] if part)


def google_calendar_url(page, request=None) -> str:
    if is_recurring(page):
        return _google_series_url(page, request)
    if page.all_day:
        first, after = _days(page)
        dates = f"{first:%Y%m%d}/{after:%Y%m%d}"
    else:
        dates = f"{_utc(page.start):%Y%m%dT%H%M%SZ}/{_utc(page.end):%Y%m%dT%H%M%SZ}"
    params = [
        ("action", "TEMPLATE"),
        ("text", page.title),
        ("dates", dates),
        ("details", _details(page, request)),
    ]
    location = event_location(page)
    if location:
        params.append(("location", location))
    return f"{GOOGLE}?{urlencode(params)}"


def _google_series_url(page, request) -> str:
    """The series from its first date in Berlin time; cancelled dates cannot be sent."""
    start = timezone.localtime(page.start, BERLIN)
    end = timezone.localtime(page.end, BERLIN)
    if page.all_day:
        first, after = _days(page)
        dates = f"{first:%Y%m%d}/{after:%Y%m%d}"
    else:
        dates = f"{start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"
    rule = vRecur(ical_rule(page)).to_ical().decode()
    params = [
        ("action", "TEMPLATE"),
        ("text", page.title),
        ("dates", dates),
        ("ctz", "Europe/Berlin"),
        ("recur", f"RRULE:{rule}"),
        ("details", _details(page, request)),
    ]
    location = event_location(page)
    if location:
        params.append(("location", location))
    return f"{GOOGLE}?{urlencode(params)}"


def outlook_calendar_url(page, request=None, base=OUTLOOK_LIVE) -> str:
    if is_recurring(page):
        page = _next_date_of(page)
    if page.all_day:
        first, after = _days(page)
        start, end, all_day = first.isoformat(), after.isoformat(), "true"
    else:
        start = f"{_utc(page.start):%Y-%m-%dT%H:%M:%SZ}"
        end = f"{_utc(page.end):%Y-%m-%dT%H:%M:%SZ}"
        all_day = "false"
    params = [
        ("path", "/calendar/action/compose"),
        ("rru", "addevent"),
        ("subject", page.title),
        ("startdt", start),
        ("enddt", end),
        ("allday", all_day),
        ("body", _details(page, request)),
    ]
    location = event_location(page)
    if location:
        params.append(("location", location))
    return f"{base}?{urlencode(params)}"


def _next_date_of(page):
    """A stand-in with the next date's start and end (the first if none is left)."""
    occurrence = next_occurrence(page)
    if occurrence is None:
        return page
    return SimpleNamespace(
        **{name: getattr(page, name) for name in STAND_IN_FIELDS},
        start=occurrence.start,
        end=occurrence.end,
        get_full_url=page.get_full_url,
    )


def calendar_links(page, request=None) -> list[tuple[str, str]]:
    """(service name, URL) pairs; the names are brands, the same in every language."""
    return [
        ("Google Calendar", google_calendar_url(page, request)),
        ("Outlook.com", outlook_calendar_url(page, request)),
        ("Microsoft 365", outlook_calendar_url(page, request, OUTLOOK_OFFICE)),
    ]
