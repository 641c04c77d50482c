"""The registrations of one event as CSV, for organisers with the permission
``news.export_registrations`` (others get a 403). A view of Wagtail's admin: only people who
may use the admin reach it, and the permission decides the rest."""

import csv

from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import EventPage, EventRegistration, RegistrationStatus
from news.registration.places import registration_event
from portal.downloads import attachment

PERMISSION = "news.export_registrations"
COLUMNS = [
    "status",
    "place",
    "name",
    "email",
    "organisation",
    "accessibility_needs",
    "language",
    "registered",
    "confirmed",
]
# Places first (in place order), then the waiting list in the order it moves up.
STATUS_ORDER = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


def _cell(value) -> str:
    """Text as typed, but a spreadsheet never reads a cell as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(request, event_id):
    if not request.user.has_perm(PERMISSION):
        # A plain 403, not Wagtail's redirect to the dashboard: this is a download link, and
        # a redirect would look like success to a script.
        return HttpResponseForbidden(
            _("You need the permission to export registrations."), content_type="text/plain"
        )
    # From either language: the registrations belong to the German event.
    event = registration_event(get_object_or_404(EventPage, pk=event_id))
    registrations = EventRegistration.objects.filter(event=event, status__in=STATUS_ORDER)
    rows = sorted(
        registrations,
        key=lambda r: (STATUS_ORDER.index(r.status), r.place or 0, r.confirmed_at, r.pk),
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"anmeldungen-{event.slug}.csv"
    response["Content-Disposition"] = attachment(name)
    response.write("\ufeff")  # Excel reads UTF-8 only with the byte order mark
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(
            [
                _cell(value)
                for value in (
                    r.status,
                    r.place,
                    r.name,
                    r.email,
                    r.organisation,
                    r.accessibility_needs,
                    r.language,
                    timezone.localtime(r.created_at).isoformat(timespec="minutes"),
                    timezone.localtime(r.confirmed_at).isoformat(timespec="minutes"),
                )
            ]
        )
    return response
