"""Dashboard panel: events of the next 30 days with their status, so that a cancelled or
still unpublished event is noticed before the day. One query, at most 20 rows."""

import datetime

from django.utils import timezone
from laces.components import Component

from home.translation.roles import languages_of
from news.models import EventPage

DAYS = 30
LIMIT = 20


def upcoming_events(languages, now=None):
    """Events in ``languages`` that have not ended and start within the next 30 days, live
    or not (an unpublished event due soon is exactly what the panel is for)."""
    now = now or timezone.now()
    return list(
        EventPage.objects.filter(
            locale__language_code__in=languages,
            end__gte=now,
            start__lte=now + datetime.timedelta(days=DAYS),
        )
        .select_related("locale")
        .order_by("start", "pk")[:LIMIT]
    )


class UpcomingEventsPanel(Component):
    name = "portal_upcoming_events"
    template_name = "editorial/upcoming_events_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        languages = languages_of(self.user)
        return {"events": upcoming_events(languages) if languages else [], "days": DAYS}


def add_upcoming_events_panel(request, panels):
    panels.append(UpcomingEventsPanel(request.user))
