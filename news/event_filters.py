"""The filters of every machine-readable or embeddable event list: the events API, the
calendar feeds (``.ics``) and the embeddable calendar for partner sites.

One parser, so that ``?topic=energie-und-waerme&from=2026-03-01`` means the same in all
three. Bad input is answered with a ``BadFilter`` (the callers answer 400) whose message is
in the visitor's language and says what to write instead; nothing reaches the database
unchecked (PostgreSQL answers a NUL byte in a parameter with an error).
"""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.regions import District
from home.topics.localized import topic_for_slug
from news.event_choices import BERLIN, Attendance, EventStatus
from news.recurrence import RULE_FIELDS, occurrences

ATTENDANCE_FILTERS = {
    "online": Q(attendance__in=[Attendance.ONLINE, Attendance.MIXED])
    | Q(status=EventStatus.MOVED_ONLINE),
    "on-site": Q(attendance__in=[Attendance.IN_PERSON, Attendance.MIXED])
    & ~Q(status=EventStatus.MOVED_ONLINE),
}
FILTER_NAMES = ("from", "to", "topic", "district", "place", "attendance", "status")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PLACE_MAX = 100


class BadFilter(ValueError):
    """A filter the visitor must correct; ``message`` is shown (or sent) as it is."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class EventFilters:
    """Parsed filters, each optional: ``apply`` narrows a queryset of events, ``query``
    writes them back as a canonical query string (links, cache keys, embed codes)."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    topic: object = None
    district: str = ""
    place: str = ""
    attendance: str = ""
    status: str = ""

    def apply(self, events):
        after = _midnight(self.start) if self.start else None
        before = _midnight(self.end + datetime.timedelta(days=1)) if self.end else None
        if after:
            series = ~Q(repeat="") & (Q(series_end__isnull=True) | Q(series_end__gte=after))
            events = events.filter(Q(end__gte=after) | series)
        if before:
            events = events.filter(start__lt=before)
        if after or before:
            events = _without_series_outside(events, after, before)
        if self.topic is not None:
            events = events.filter(topics__translation_key=self.topic.translation_key).distinct()
        if self.district:
            events = events.filter(district=self.district)
        if self.place:
            events = events.filter(
                Q(venue_name__icontains=self.place) | Q(venue_address__icontains=self.place)
            )
        if self.attendance:
            events = events.filter(ATTENDANCE_FILTERS[self.attendance])
        if self.status:
            events = events.filter(status=self.status)
        return events

    def query(self) -> str:
        pairs = [
            ("from", self.start.isoformat() if self.start else ""),
            ("to", self.end.isoformat() if self.end else ""),
            ("topic", self.topic.slug if self.topic is not None else ""),
            ("district", self.district),
            ("place", self.place),
            ("attendance", self.attendance),
            ("status", self.status),
        ]
        return urlencode([(name, value) for name, value in pairs if value])


def _without_series_outside(events, after, before):
    """``events`` without the repeating ones that have no date in the range (a monthly
    event has none in most weeks): one query for the series' rules, computed here."""
    series = events.exclude(repeat="").select_related(None).only(*RULE_FIELDS)
    outside = []
    for page in series:
        found = occurrences(page, after or page.start, limit=1)
        if not found or (before and found[0].start >= before):
            outside.append(page.pk)
    return events.exclude(pk__in=outside) if outside else events


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BERLIN)


def _date(name: str, raw: str) -> datetime.date | None:
    if not raw:
        return None
    if DATE.fullmatch(raw):
        try:
            return datetime.date.fromisoformat(raw)
        except ValueError:
            pass
    raise BadFilter(
        _("“%(name)s” must be a date written as YYYY-MM-DD, e.g. 2026-03-14; got “%(value)s”.")
        % {"name": name, "value": raw[:40]}
    )


def _choice(name: str, raw: str, values) -> str:
    if raw and raw not in values:
        raise BadFilter(
            _("Unknown value “%(value)s” for “%(name)s”. Possible values: %(values)s.")
            % {"name": name, "value": raw[:40], "values": ", ".join(values)}
        )
    return raw


def parse_event_filters(params, language: str, also_allowed=()) -> EventFilters:
    """``params`` (a QueryDict) as ``EventFilters`` for events in ``language``. Parameters
    other than the filters and ``also_allowed`` (e.g. ``page``) are refused, so that a typo
    does not silently show every event."""
    unknown = sorted(set(params) - set(FILTER_NAMES) - set(also_allowed))
    if unknown:
        raise BadFilter(
            _("Unknown filter “%(name)s”. Known filters: %(names)s.")
            % {"name": unknown[0][:40], "names": ", ".join(FILTER_NAMES)}
        )
    for name in FILTER_NAMES:
        if len(params.getlist(name)) > 1:
            raise BadFilter(_("“%(name)s” may be given only once.") % {"name": name})
        if "\x00" in params.get(name, ""):
            raise BadFilter(
                _("“%(name)s” contains a character that is not allowed.") % {"name": name}
            )
    start = _date("from", params.get("from", ""))
    end = _date("to", params.get("to", ""))
    if start and end and end < start:
        raise BadFilter(_("“to” must not be before “from”."))
    topic = None
    if params.get("topic"):
        topic = topic_for_slug(params["topic"], language)
        if topic is None:
            raise BadFilter(
                _("Unknown topic “%(value)s” in this language.") % {"value": params["topic"][:40]}
            )
    place = params.get("place", "").strip()
    if len(place) > PLACE_MAX:
        raise BadFilter(_("“place” may be at most %(max)d characters long.") % {"max": PLACE_MAX})
    return EventFilters(
        start=start,
        end=end,
        topic=topic,
        district=_choice("district", params.get("district", ""), District.values),
        place=place,
        attendance=_choice("attendance", params.get("attendance", ""), list(ATTENDANCE_FILTERS)),
        status=_choice("status", params.get("status", ""), EventStatus.values),
    )
