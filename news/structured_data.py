"""schema.org Event for search engines."""

from django.utils import timezone

from home.seo.structured_data import image_object, organisation
from news.event_choices import Attendance, EventStatus

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


def event_json_ld(page, request) -> dict:
    attendance = Attendance.ONLINE if page.status == EventStatus.MOVED_ONLINE else page.attendance
    locations = []
    if page.venue_name and attendance != Attendance.ONLINE:
        locations.append({"@type": "Place", "name": page.venue_name, "address": page.venue_address})
    if page.online_url and attendance != Attendance.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
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
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
    }
    if page.hero_image:
        data["image"] = image_object(page.hero_image, request)
    if page.registration_url or page.registration_email or page.free_of_charge:
        offer = {"@type": "Offer", "url": page.registration_url or page.get_full_url(request)}
        if page.free_of_charge:
            offer.update(price="0", priceCurrency="EUR")
        if page.registration_deadline:
            offer["availabilityEnds"] = timezone.localtime(page.registration_deadline).isoformat()
        data["offers"] = offer
    return data
