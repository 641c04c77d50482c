"""iCalendar files with the ``icalendar`` library: one per event and a feed per language.

The UID is the page's ``translation_key``, so the German and English versions of an event
are the same calendar entry; times carry the Europe/Berlin time zone. A repeating event is
one entry with RRULE and EXDATE (``news.recurrence``), not one entry per date."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from news.event_choices import BERLIN, EventStatus
from news.recurrence import cancelled_dates, ical_rule, is_recurring
from portal.downloads import attachment

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(page) -> str:
    return f"{page.translation_key}@lausitz-portal"


def build_event(page, request) -> Event:
    event = Event()
    event.add("uid", event_uid(page))
    event.add("summary", page.title)
    event.add("description", page.teaser)
    if page.all_day:
        event.add("dtstart", timezone.localtime(page.start, BERLIN).date())
        event.add("dtend", timezone.localtime(page.end, BERLIN).date() + _one_day())
    else:
        event.add("dtstart", timezone.localtime(page.start, BERLIN))
        event.add("dtend", timezone.localtime(page.end, BERLIN))
    if is_recurring(page):
        add_recurrence(event, page)
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("status", ICAL_STATUS.get(page.status, "CONFIRMED"))
    event.add("url", page.get_full_url(request))
    location = event_location(page)
    if location:
        event.add("location", vText(location))
    if page.organiser:
        organizer = vCalAddress(f"mailto:{page.registration_email or 'noreply@example.org'}")
        organizer.params["cn"] = vText(page.organiser)
        event.add("organizer", organizer)
    return event


def add_recurrence(event: Event, page) -> None:
    """RRULE, and EXDATE for cancelled dates: with the first date's local time and the
    Europe/Berlin zone (its VTIMEZONE comes from ``add_missing_timezones``), dates only for
    an all-day event, as DTSTART is."""
    event.add("rrule", ical_rule(page))
    cancelled = sorted(cancelled_dates(page))
    if not cancelled:
        return
    if page.all_day:
        event.add("exdate", cancelled)
    else:
        at = timezone.localtime(page.start, BERLIN).time()
        event.add("exdate", [datetime.datetime.combine(day, at, BERLIN) for day in cancelled])


def event_location(page) -> str:
    """Venue and address on one line, the online link added for online events."""
    location = ", ".join(
        part for part in [page.venue_name, " ".join(page.venue_address.split())] if part
    )
    if page.is_online and page.online_url:
        location = f"{location} ({page.online_url})" if location else page.online_url
    return location


def _one_day():
    return datetime.timedelta(days=1)


def calendar_response(request, pages, filename: str, title: str) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Lausitz-Portal//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for page in pages:
        if page.start and page.end:
            calendar.add_component(build_event(page, request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    # RFC 6266 with an ASCII fallback: an event slug may contain "ü" (issue 21).
    response["Content-Disposition"] = attachment(filename)
    return response
