"""Repeating events (issue 29): a structured rule an editor understands, its dates, and the
rule in words.

Not django-recurrence (not tried in the Wagtail 8 admin): its field accepts any rule of
its RFC 5545 subset, which the event page would have to put into words and the API into
schema.org's ``Schedule``; its widget needs Django's JavaScript translation catalogue, with
open reports about translations and several widgets on a page (jazzband/django-recurrence
#185, #218, #269). The few rules a regional calendar needs (weekly, monthly on a weekday
such as "first Tuesday", monthly on a day) are three fields; ``dateutil.rrule`` (pinned in
``pyproject.toml``) computes their dates.

Dates are computed in Europe/Berlin wall-clock time: the first date is the event's start,
each further one keeps its local time (16:00 stays 16:00 across the change to summer time)
and its local duration.
"""

import datetime
import itertools
from dataclasses import dataclass

from dateutil import rrule
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from news.event_choices import BERLIN

# How many dates an event page lists, and how many an open-ended rule may reach at most.
SHOWN_DATES = 6
MAX_DATES = 500
# Queries that sort by the next date fetch running series first, up to this many, then
# single events (the home page's teaser, the page cache's clock); beyond it they approximate.
SERIES_SLOTS = 12
# The columns the dates are computed from (a query may load only these).
RULE_FIELDS = (
    "start",
    "end",
    "all_day",
    "status",
    "repeat",
    "repeat_interval",
    "repeat_until",
    "repeat_count",
    "cancelled_dates",
    "series_end",
)
RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Repeat(models.TextChoices):
    NONE = "", gettext_lazy("Does not repeat")
    WEEKLY = "weekly", gettext_lazy("Weekly, on the same weekday")
    MONTHLY_WEEKDAY = (
        "monthly-weekday",
        gettext_lazy("Monthly, on the same weekday (e.g. the first Tuesday)"),
    )
    MONTHLY_DAY = "monthly-day", gettext_lazy("Monthly, on the same day (e.g. the 14th)")


@dataclass(frozen=True)
class Occurrence:
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    all_day: bool = False  # so that ``components/event_when.html`` shows it like a page


def is_recurring(page) -> bool:
    return bool(getattr(page, "repeat", "")) and page.start is not None and page.end is not None


def week_of_month(day: datetime.date) -> int:
    """1 for the first Tuesday of a month … 4; -1 ("last") for a fifth one, which not
    every month has."""
    week = (day.day - 1) // 7 + 1
    return -1 if week == 5 else week


def _local(value: datetime.datetime) -> datetime.datetime:
    """Wall-clock time in Berlin, without a zone: what the rule repeats."""
    return timezone.localtime(value, BERLIN).replace(tzinfo=None)


def build_rule(page) -> rrule.rrule | None:
    """The page's rule as a ``dateutil`` rule over naive Berlin wall-clock times."""
    if not is_recurring(page):
        return None
    first = _local(page.start)
    options = {"dtstart": first, "interval": page.repeat_interval or 1}
    if page.repeat == Repeat.WEEKLY:
        freq = rrule.WEEKLY
        options["byweekday"] = RRULE_WEEKDAYS[first.weekday()]
    elif page.repeat == Repeat.MONTHLY_WEEKDAY:
        freq = rrule.MONTHLY
        options["byweekday"] = RRULE_WEEKDAYS[first.weekday()](week_of_month(first.date()))
    else:
        freq = rrule.MONTHLY
        options["bymonthday"] = first.day
    if page.repeat_count:
        options["count"] = page.repeat_count
    elif page.repeat_until:
        options["until"] = datetime.datetime.combine(page.repeat_until, datetime.time.max)
    return rrule.rrule(freq, **options)


def cancelled_dates(page) -> set[datetime.date]:
    return {datetime.date.fromisoformat(value) for value in (page.cancelled_dates or [])}


def _occurrence(page, local_start: datetime.datetime, cancelled: set) -> Occurrence:
    length = _local(page.end) - _local(page.start)
    return Occurrence(
        start=local_start.replace(tzinfo=BERLIN),
        end=(local_start + length).replace(tzinfo=BERLIN),
        cancelled=local_start.date() in cancelled,
        all_day=page.all_day,
    )


def occurrences(page, after=None, limit=SHOWN_DATES) -> list[Occurrence]:
    """The next ``limit`` dates of ``page`` that have not ended at ``after`` (now by
    default), cancelled ones included and marked. A page without a rule has one date."""
    after = after or timezone.now()
    if not is_recurring(page):
        if page.start is None or page.end is None or page.end < after:
            return []
        return [Occurrence(page.start, page.end, page.status == "cancelled", page.all_day)]
    rule, cancelled = build_rule(page), cancelled_dates(page)
    length = _local(page.end) - _local(page.start)
    found = []
    # An occurrence that began before ``after`` but has not ended still counts.
    for local_start in rule.xafter(_local(after) - length, count=MAX_DATES, inc=True):
        occurrence = _occurrence(page, local_start, cancelled)
        if occurrence.end >= after:
            found.append(occurrence)
        if len(found) >= limit:
            break
    return found


def next_occurrence(page, after=None, skip_cancelled=True) -> Occurrence | None:
    """The next date that takes place (the first one if all of the next are cancelled)."""
    upcoming = occurrences(page, after, limit=SHOWN_DATES + len(page.cancelled_dates or []))
    running = [item for item in upcoming if not item.cancelled] if skip_cancelled else upcoming
    return (running or upcoming or [None])[0]


def all_starts(page) -> list[datetime.date]:
    """Every date of a finite rule, or the first ``MAX_DATES`` of an open-ended one."""
    return [moment.date() for moment in itertools.islice(build_rule(page), MAX_DATES)]


def series_end(page) -> datetime.datetime | None:
    """When the last date of the series ends; None for a rule without an end. Stored on the
    page (``EventPage.series_end``) so that "upcoming" stays one indexed query."""
    if not is_recurring(page) or not (page.repeat_count or page.repeat_until):
        return None
    dates = list(build_rule(page))
    return _occurrence(page, dates[-1] if dates else _local(page.start), set()).end


def ical_rule(page) -> dict:
    """The rule as icalendar ``vRecur`` parts (``RRULE`` in a calendar file)."""
    first = _local(page.start)
    weekday = ICAL_WEEKDAYS[first.weekday()]
    parts = {"freq": "WEEKLY" if page.repeat == Repeat.WEEKLY else "MONTHLY"}
    if (page.repeat_interval or 1) > 1:
        parts["interval"] = page.repeat_interval
    if page.repeat == Repeat.WEEKLY:
        parts["byday"] = weekday
    elif page.repeat == Repeat.MONTHLY_WEEKDAY:
        parts["byday"] = f"{week_of_month(first.date())}{weekday}"
    else:
        parts["bymonthday"] = first.day
    if page.repeat_count:
        parts["count"] = page.repeat_count
    elif page.repeat_until and page.all_day:
        parts["until"] = page.repeat_until  # a DATE, as DTSTART is (RFC 5545, 3.3.10)
    elif page.repeat_until:
        # UNTIL must be in UTC when DTSTART has a time zone (RFC 5545, 3.3.10).
        until = datetime.datetime.combine(page.repeat_until, datetime.time(23, 59, 59))
        parts["until"] = until.replace(tzinfo=BERLIN).astimezone(datetime.UTC)
    return parts


def _ordinal(week: int) -> str:
    return {
        1: pgettext("weekday in month", "first"),
        2: pgettext("weekday in month", "second"),
        3: pgettext("weekday in month", "third"),
        4: pgettext("weekday in month", "fourth"),
        -1: pgettext("weekday in month", "last"),
    }[week]


def describe(page) -> str:
    """The rule in words in the active language: "every first Tuesday of the month,
    16:00–17:00", with its end ("until …", "12 dates") when it has one."""
    if not is_recurring(page):
        return ""
    first = _local(page.start)
    values = {
        "weekday": WEEKDAYS[first.weekday()],
        "interval": page.repeat_interval or 1,
        "ordinal": _ordinal(week_of_month(first.date())),
        "day": first.day,
    }
    every = values["interval"] == 1
    if page.repeat == Repeat.WEEKLY:
        text = _("every %(weekday)s") if every else _("every %(interval)d weeks on %(weekday)s")
    elif page.repeat == Repeat.MONTHLY_WEEKDAY:
        text = (
            _("every %(ordinal)s %(weekday)s of the month")
            if every
            else _("every %(interval)d months on the %(ordinal)s %(weekday)s")
        )
    else:
        text = (
            _("on day %(day)d of every month")
            if every
            else _("every %(interval)d months on day %(day)d")
        )
    text %= values
    if not page.all_day:
        times = {"start": f"{first:%H:%M}", "end": f"{_local(page.end):%H:%M}"}
        # German adds "Uhr" in its translation.
        text = _("%(rule)s, %(start)s–%(end)s") % {"rule": text, **times}
    if page.repeat_count:
        text = _("%(rule)s (%(count)d dates)") % {"rule": text, "count": page.repeat_count}
    elif page.repeat_until:
        until = date_format(page.repeat_until, "DATE_FORMAT")
        text = _("%(rule)s, until %(date)s") % {"rule": text, "date": until}
    return text


def next_change_of_series(page, now) -> datetime.datetime | None:
    """The next start or end of one of ``page``'s dates at or after ``now``."""
    upcoming = occurrences(page, now, limit=2)
    moments = [moment for item in upcoming for moment in (item.start, item.end) if moment >= now]
    return min(moments, default=None)
