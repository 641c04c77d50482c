"""The editor's side of repeating events: the list of cancelled dates as a field, and the
rules a repeating event must follow, as messages at the field concerned.

Cancelled dates are a list of ISO dates in a ``JSONField``, edited as one date per line: a
fact copied to every language like the event's date (``EVENT_FACT_FIELDS``), readable in
the listing's row without the StreamField a block list would need (listings defer
StreamFields, so each card would cost a query).
"""

import datetime
import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from news.event_choices import BERLIN
from news.recurrence import (
    MAX_DATES,
    Repeat,
    all_starts,
    describe,
    is_recurring,
    next_occurrence,
    occurrences,
)
from news.recurrence import cancelled_dates as cancelled_set

GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_day(text: str) -> datetime.date:
    """``14.03.2026`` (as German editors write it) or ``2026-03-14``."""
    match = GERMAN_DATE.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    return datetime.date.fromisoformat(text)


class DateListFormField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3, "cols": 20})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(datetime.date.fromisoformat(day).strftime("%d.%m.%Y") for day in value)
        return value

    def to_python(self, value):
        days = []
        for line in (value or "").splitlines():
            if not line.strip():
                continue
            try:
                days.append(parse_day(line.strip()))
            except ValueError as error:
                raise forms.ValidationError(
                    _("“%(value)s” is not a date. Write one date per line, e.g. 03.03.2026."),
                    code="invalid",
                    params={"value": line.strip()[:40]},
                ) from error
        return sorted({day.isoformat() for day in days})

    def has_changed(self, initial, data):
        return (initial or []) != self.to_python(data)


class DateListField(models.JSONField):
    """A sorted list of dates (ISO strings), edited one per line."""

    def formfield(self, **kwargs):
        return DateListFormField(
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


def recurrence_errors(page) -> dict:
    """Messages, by field, for a repeating event (or cancelled dates without a rule)."""
    errors = {}
    cancelled = page.cancelled_dates or []
    if not page.repeat:
        if cancelled:
            errors["cancelled_dates"] = _(
                "Only a repeating event has cancelled dates. To cancel this event, set its "
                "status to “Cancelled”."
            )
        return errors
    if page.registration_on_site:
        errors["registration_on_site"] = _(
            "Registration on this website is not possible for a repeating event. Use a "
            "registration link or e-mail address, or create one event per date."
        )
    if page.repeat_count and page.repeat_until:
        errors["repeat_count"] = _("Please give either a number of dates or a last date, not both.")
    if not is_recurring(page):
        return errors  # start or end missing: their own messages say so
    local_start = timezone.localtime(page.start, BERLIN)
    if page.repeat_until and page.repeat_until < local_start.date():
        errors["repeat_until"] = _("The last date must not be before the first date.")
    if (page.end - page.start) > datetime.timedelta(days=1):
        errors["repeat"] = _("A repeating event must end on the day it starts.")
    if page.repeat == Repeat.MONTHLY_DAY and local_start.day > 28:
        errors["repeat"] = _(
            "Not every month has a %(day)d. day. Choose a start on the 28th or earlier, or "
            "repeat on the same weekday."
        ) % {"day": local_start.day}
    if errors:
        return errors
    starts = all_starts(page)
    if (page.repeat_count or page.repeat_until) and len(starts) >= MAX_DATES:
        errors["repeat_until"] = _("A series may have at most %(max)d dates.") % {"max": MAX_DATES}
    wrong = sorted(day for day in cancelled_set(page) if day not in set(starts))
    if wrong:
        errors["cancelled_dates"] = _(
            "%(dates)s is not a date of this event. Cancelled dates must be dates on which "
            "the event takes place according to its rule."
        ) % {"dates": ", ".join(date_format(day, "DATE_FORMAT") for day in wrong)}
    return errors


class RecurringEventMixin(models.Model):
    """The rule's fields on ``EventPage``, and what templates ask of them."""

    repeat = models.CharField(
        _("repeats"),
        max_length=20,
        choices=Repeat.choices,
        blank=True,
        default=Repeat.NONE,
        help_text=_(
            "The start and end above are the first date; each further date keeps its time "
            "of day. “Same weekday” takes it from the first date: a start on the first "
            "Tuesday of a month repeats on every first Tuesday."
        ),
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"),
        null=True,
        blank=True,
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1: every week or month; 2: every second week or month; up to 12."),
    )
    repeat_until = models.DateField(
        _("last date"),
        null=True,
        blank=True,
        help_text=_("The series ends on this day. Empty, with no number either: open-ended."),
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of dates"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(MAX_DATES - 1)],
        help_text=_("…or how many dates in all, the first included."),
    )
    cancelled_dates = DateListField(
        _("cancelled dates"),
        default=list,
        blank=True,
        help_text=_(
            "Single dates that do not take place, one per line (e.g. 03.03.2026). They stay "
            "listed, marked as cancelled, and calendars leave them out."
        ),
    )
    # When the last date ends (None: open-ended or not repeating); set by ``clean()``.
    series_end = models.DateTimeField(null=True, blank=True, editable=False)

    recurrence_panel = MultiFieldPanel(
        [
            FieldPanel("repeat"),
            FieldRowPanel(
                [
                    FieldPanel("repeat_interval"),
                    FieldPanel("repeat_until"),
                    FieldPanel("repeat_count"),
                ]
            ),
            FieldPanel("cancelled_dates"),
        ],
        heading=_("Repetition"),
        help_text=_(
            "For a regular event such as a monthly consultation hour: one page for all its "
            "dates. Registration on this website is not possible for a repeating event."
        ),
    )

    class Meta:
        abstract = True

    @property
    def is_recurring(self) -> bool:
        return is_recurring(self)

    def upcoming_dates(self):
        """The next dates for the event page, cancelled ones marked."""
        return occurrences(self)

    def next_date(self):
        """The date a listing shows: the next one that takes place."""
        return next_occurrence(self)

    def rule_in_words(self) -> str:
        return describe(self)

    def repeat_hint(self) -> str:
        """The short hint beside a listing's date."""
        if self.repeat == Repeat.WEEKLY:
            return _("repeats weekly") if self.repeat_interval == 1 else _("repeats regularly")
        if self.repeat:
            return _("repeats monthly") if self.repeat_interval == 1 else _("repeats regularly")
        return ""


def upcoming_q(now=None):
    """Not ended at ``now``: the (first) date, or a repeating event's series, open-ended or
    ending later. One indexed condition, thanks to the stored ``series_end``."""
    now = now or timezone.now()
    series = ~Q(repeat="") & (Q(series_end__isnull=True) | Q(series_end__gte=now))
    return Q(end__gte=now) | series


def next_date_key(event) -> tuple:
    """(the date ``event`` shows next, its id): a repeating event's next date, not its
    first; what listings of upcoming events sort by."""
    occurrence = event.next_date() if event.repeat else None
    return (occurrence.start if occurrence else event.start, event.pk)


def by_next_date(events, now=None) -> list:
    """``events`` (upcoming) as a list sorted by ``next_date_key``."""
    return sorted(events, key=next_date_key)
