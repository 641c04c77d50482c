"""Reports of accessibility barriers sent through the public form (BGG § 12b, BbgBITV).

Why a model of its own and not Wagtail's form builder: the law asks for an answer within one
month, so every report carries its due date, a status and what was done, and is shown to a
dedicated role only (it holds personal data). Reports are kept for a limited time after
they are closed (``delete_closed_accessibility_feedback``).
"""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000
ADDRESS_MAX_LENGTH = 500
# Shown in the admin's list instead of the whole message (personal data, long texts).
EXCERPT_LENGTH = 60


class ReportStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")


OPEN_STATUSES = (ReportStatus.NEW, ReportStatus.IN_PROGRESS)


def due_date_for(received_at: datetime):
    """One calendar month after the day of receipt in the site's time zone (31 January ->
    28/29 February: relativedelta keeps to the end of a shorter month)."""
    return timezone.localdate(received_at) + relativedelta(months=1)


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class AccessibilityReport(models.Model):
    message = models.TextField(_("barrier described"), max_length=MESSAGE_MAX_LENGTH)
    page_address = models.CharField(
        _("page address"),
        max_length=ADDRESS_MAX_LENGTH,
        blank=True,
        help_text=_("As the visitor gave it; a path of this site, shown as text only."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    due_date = models.DateField(
        _("answer due"), blank=True, help_text=_("One calendar month after receipt.")
    )
    answered_at = models.DateTimeField(
        _("answered"),
        null=True,
        blank=True,
        help_text=_("Filled in when the status is set to answered, if left empty."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("What was done and who answered. Never shown to the visitor."),
    )
    # One reminder before the due date and one when overdue (remind_accessibility_feedback).
    due_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    overdue_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "received_at"]
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")

    def __str__(self):
        return Truncator(" ".join(self.message.split())).chars(EXCERPT_LENGTH)

    def save(self, *args, **kwargs):
        if self.due_date is None:
            self.due_date = due_date_for(self.received_at)
        now = timezone.now()
        if self.status == ReportStatus.ANSWERED and self.answered_at is None:
            self.answered_at = now
        if self.status == ReportStatus.CLOSED and self.closed_at is None:
            self.closed_at = now
        elif self.status != ReportStatus.CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date < timezone.localdate()

    def overdue_label(self) -> str:
        return str(_("overdue")) if self.is_overdue else ""

    overdue_label.short_description = _("overdue")

    def received_display(self) -> str:
        return date_format(timezone.localtime(self.received_at), "SHORT_DATETIME_FORMAT")

    def due_display(self) -> str:
        return date_format(self.due_date, "SHORT_DATE_FORMAT")

    def language_name(self) -> str:
        try:
            return get_language_info(self.language)["name_translated"]
        except KeyError:
            return self.language

    language_name.short_description = _("language")
