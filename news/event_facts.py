"""Facts of an event (date, status, place, registration) reach every language at once when
the German event is published (``home.translation.facts``)."""

from home.translation.facts import copy_facts
from news.models.events import EVENT_FACT_FIELDS, EventPage


def copy_event_facts(source: EventPage) -> int:
    """Copy the facts of ``source`` (German) to its translations; returns how many changed."""
    return copy_facts(source, EVENT_FACT_FIELDS)


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        copy_event_facts(instance)
