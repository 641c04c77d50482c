"""The event index's upcoming events, a screen at a time, by the date each shows next.

A repeating event is listed by its next date, which only Python knows (``next_date``), so
``by_next_date`` sorted every upcoming event in memory. With 2,000 upcoming events, the
index page rendered all of them: 526 KB and 74 ms, growing with the calendar. Here the
single events stay in the database's order (``start``, on the index ``news_event_by_start``).
Only their (start, id) keys up to the end of the screen are read, and the series, a
handful, are merged in by their next date (``next_date_key``). Then the cards of the
screen's events alone are loaded. ``Paginator`` slices and counts this like a queryset.
"""

import heapq

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404

from home.listings.pages import PAGE_SIZE, card_items
from home.listings.pagination import parse_page_number
from news.recurrence_fields import next_date_key

PARAM = "upcoming"


class UpcomingEvents:
    """Upcoming events (a queryset of ``EventPage``) sorted by next date, sliceable."""

    def __init__(self, events):
        self.singles = events.filter(repeat="")
        self.series = events.exclude(repeat="")

    def count(self) -> int:
        return self.singles.count() + self.series.count()

    def __getitem__(self, window: slice) -> list:
        start, stop = window.start or 0, window.stop
        # A single event's key is its (start, id), as next_date_key gives it.
        singles = self.singles.order_by("start", "pk").values_list("start", "pk")[:stop]
        series = sorted(next_date_key(event) for event in self.series)
        keys = list(heapq.merge(singles, series))[start:stop]
        cards = card_items(self.singles.model.objects.filter(pk__in=[pk for _when, pk in keys]))
        by_pk = {event.pk: event for event in cards}
        return [by_pk[pk] for _when, pk in keys if pk in by_pk]


def upcoming_page(request, events):
    """The screen of upcoming events that ``?upcoming=`` asks for (a bad number: 404)."""
    paginator = Paginator(UpcomingEvents(events), PAGE_SIZE)
    try:
        return paginator.page(parse_page_number(request.GET.get(PARAM)))
    except EmptyPage as error:
        raise Http404("no such page") from error
