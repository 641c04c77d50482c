"""When an event listing or page changes by itself: the page cache's clock boundary for
events (``portal.caching.clock``), registered in ``NewsConfig.ready``."""

from django.db.models import Case, F, Value, When

from news.models.events import EventPage
from news.recurrence import RULE_FIELDS, SERIES_SLOTS, next_change_of_series
from news.recurrence_fields import upcoming_q


def next_event_change(now):
    """The next start or end of a live event at or after ``now``: the moment an event
    listing or event page may change by itself ("upcoming" -> "past", a repeating event's
    next date). One query: the running series first (their next dates are computed here),
    then single events by their next start or end, of which the first is enough."""
    change = Case(When(start__gte=now, then=F("start")), default=F("end"))
    rows = list(
        EventPage.objects.live()
        .filter(upcoming_q(now))
        .annotate(change=change, single=Case(When(repeat="", then=1), default=0))
        .order_by("single", "change")
        .only(*RULE_FIELDS)[: SERIES_SLOTS + 1]
    )
    if len(rows) > SERIES_SLOTS and not any(row.single for row in rows):
        rows += list(  # more series than slots: ask for the first single event too
            EventPage.objects.live()
            .filter(upcoming_q(now), repeat="")
            .annotate(change=change, single=Value(1))
            .order_by("change")
            .only("start")[:1]
        )
    moments = [row.change if row.single else next_change_of_series(row, now) for row in rows]
    return min((moment for moment in moments if moment), default=None)
