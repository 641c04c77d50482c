""" "Add to calendar" links for one event: Google Calendar and Outlook (outlook.com and
Microsoft 365) open their "new event" form filled in with the event.

Plain links: nothing is asked of those hosts until the visitor clicks. Timed events are
sent in UTC (Google ``20260314T090000Z``, Outlook ``2026-03-14T09:00:00Z``), so no time zone
name has to be understood; all-day events as dates, the end date exclusive as in iCalendar
(an event on 14 March: Google ``20260314/20260315``, Outlook ``allday=true`` with
``2026-03-14``/``2026-03-15``)."""

import datetime
from urllib.parse import urlencode

from django.utils import timezone

from news.calendar import event_location
from news.event_choices import BERLIN

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK_LIVE = "https://outlook.live.com/calendar/0/deeplink/compose"
OUTLOOK_OFFICE = "https://outlook.office.com/calendar/0/deeplink/compose"


def _days(page) -> tuple[datetime.date, datetime.date]:
    first = timezone.localtime(page.start, BERLIN).date()
    last = timezone.localtime(page.end, BERLIN).date()
    return first, last + datetime.timedelta(days=1)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _details(page, request) -> str:
    return "\n\n".join(part for part in [page.teaser, page.get_full_url(request)] if part)


def google_calendar_url(page, request=None) -> str:
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


def outlook_calendar_url(page, request=None, base=OUTLOOK_LIVE) -> str:
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


def calendar_links(page, request=None) -> list[tuple[str, str]]:
    """(service name, URL) pairs; the names are brands, the same in every language."""
    return [
        ("Google Calendar", google_calendar_url(page, request)),
        ("Outlook.com", outlook_calendar_url(page, request)),
        ("Microsoft 365", outlook_calendar_url(page, request, OUTLOOK_OFFICE)),
    ]
