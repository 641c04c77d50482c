"""schema.org Event, for search engines (the event page's JSON-LD) and for the events API
(``news.api``): one builder, so both say the same about an event."""

import re

from django.utils import timezone

from home.i18n import page_language
from home.regions import District
from home.seo.structured_data import image_object, organisation
from news.event_choices import BERLIN, Attendance, EventStatus
from news.recurrence import Repeat, is_recurring, week_of_month

EVENT_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
ATTENDANCE = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.MIXED: "https://schema.org/MixedEventAttendanceMode",
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The last line of a German address: "03046 Cottbus".
POSTCODE_LINE = re.compile(r"(\d{5})\s+(.+)")


def postal_address(text: str, district: str = "") -> dict:
    """The venue address (free text, "Street, postcode and town" on lines) as a
    PostalAddress. Split only where the German form is unambiguous (a last line "PLZ Town");
    otherwise the whole text is the street address rather than a guess. The district, a
    fact editors choose, is the ``addressRegion``, in the reader's language."""
    lines = [line.strip(" ,") for line in re.split(r"[\n,]", text) if line.strip(" ,")]
    address = {"@type": "PostalAddress"}
    match = POSTCODE_LINE.fullmatch(lines[-1]) if lines else None
    if match:
        address["postalCode"], address["addressLocality"] = match.groups()
        lines = lines[:-1]
    if lines:
        address["streetAddress"] = ", ".join(lines)
    if district in District.values:
        address["addressRegion"] = str(District(district).label)
    return address


def event_schedule(page) -> dict:
    """A repeating event's rule as a schema.org ``Schedule``: local times with
    ``scheduleTimezone``, the series' first and last day, cancelled dates as
    ``exceptDate``. ``startDate``/``endDate`` of the ``Event`` stay its first date."""
    start = timezone.localtime(page.start, BERLIN)
    unit = "W" if page.repeat == Repeat.WEEKLY else "M"
    schedule = {
        "@type": "Schedule",
        "repeatFrequency": f"P{page.repeat_interval or 1}{unit}",
        "startDate": start.date().isoformat(),
        "scheduleTimezone": "Europe/Berlin",
    }
    if page.repeat == Repeat.MONTHLY_DAY:
        schedule["byMonthDay"] = start.day
    else:
        schedule["byDay"] = f"https://schema.org/{WEEKDAY_NAMES[start.weekday()]}"
    if page.repeat == Repeat.MONTHLY_WEEKDAY:
        schedule["byMonthWeek"] = week_of_month(start.date())
    if not page.all_day:
        schedule["startTime"] = f"{start:%H:%M:%S}"
        schedule["endTime"] = f"{timezone.localtime(page.end, BERLIN):%H:%M:%S}"
    if page.series_end:
        schedule["endDate"] = timezone.localtime(page.series_end, BERLIN).date().isoformat()
    if page.repeat_count:
        schedule["repeatCount"] = page.repeat_count
    if page.cancelled_dates:
        schedule["exceptDate"] = sorted(page.cancelled_dates)
    return schedule


def event_json_ld(page, request) -> dict:
    """``page`` as a schema.org ``Event``. Costs no query when the page comes with its
    locale known (``home.i18n.page_language``), its topics prefetched as
    ``localized_topics`` and its hero image's share rendition prefetched (as ``news.api``
    does); ``identifier`` is the translation key, the same in every language."""
    attendance = Attendance.ONLINE if page.status == EventStatus.MOVED_ONLINE else page.attendance
    locations = []
    if page.venue_name and attendance != Attendance.ONLINE:
        locations.append(
            {
                "@type": "Place",
                "name": page.venue_name,
                "address": postal_address(page.venue_address, page.district),
            }
        )
    if page.online_url and attendance != Attendance.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "identifier": str(page.translation_key),
        "name": page.title,
        "description": page.teaser,
        "startDate": timezone.localtime(page.start).isoformat() if page.start else None,
        "endDate": timezone.localtime(page.end).isoformat() if page.end else None,
        "eventStatus": EVENT_STATUS[page.status],
        "eventAttendanceMode": ATTENDANCE[attendance],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": page.organiser}
        if page.organiser
        else organisation(request),
        "inLanguage": page_language(page),
        "url": page.get_full_url(request),
    }
    if is_recurring(page):
        data["eventSchedule"] = event_schedule(page)
    if page.hero_image:
        data["image"] = image_object(page.hero_image, request)
    topics = page.topics_in_language()
    if topics:
        data["keywords"] = ", ".join(topic.name for topic in topics)
    if page.registration_url or page.registration_email or page.free_of_charge:
        offer = {"@type": "Offer", "url": page.registration_url or page.get_full_url(request)}
        if page.free_of_charge:
            offer.update(price="0", priceCurrency="EUR")
        if page.registration_deadline:
            offer["availabilityEnds"] = timezone.localtime(page.registration_deadline).isoformat()
        data["offers"] = offer
    return data
