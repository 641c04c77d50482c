"""Mail to the people who answer reports: a new report, and reminders before and after the
due date.

The mails carry no personal data and not the message itself, only dates, the page address
and a link into the admin: mailboxes keep mail for years and forward it freely, while the
reports are deleted after their retention period. Mails are written in the site's main
language (the team answering reports works in it).
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from feedback.models import AccessibilityReport
from home.pages.site_settings import SiteSettings


def recipients() -> list[str]:
    """``PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL``, else the contact address of the site
    settings; empty when neither is set (then nothing is sent)."""
    address = settings.PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL
    if not address:
        site = Site.objects.filter(is_default_site=True).first()
        address = SiteSettings.for_site(site).email if site is not None else ""
    return [address] if address else []


def admin_url(report: AccessibilityReport) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("accessibilityreport:edit", args=[report.pk])


def list_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("accessibilityreport:index")


def _send(subject: str, template: str, context: dict) -> bool:
    to = recipients()
    if not to:
        return False
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
    return True


def send_new_report(report: AccessibilityReport) -> bool:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New accessibility report (answer due %(date)s)") % {
            "date": date_format(report.due_date, "SHORT_DATE_FORMAT")
        }
        context = {"report": report, "url": admin_url(report), "list_url": list_url()}
        return _send(subject, "feedback/mail/new_report.txt", context)


def due_soon(days: int):
    today = timezone.localdate()
    return AccessibilityReport.objects.open().filter(
        due_date__gte=today,
        due_date__lte=today + timedelta(days=days),
        due_reminder_sent_at__isnull=True,
    )


def overdue():
    return AccessibilityReport.objects.open().filter(
        due_date__lt=timezone.localdate(), overdue_reminder_sent_at__isnull=True
    )


def send_reminders(days: int) -> tuple[int, int]:
    """One mail for the reports due within ``days`` days and one for those overdue, each
    report at most once per stage. Returns (due soon, overdue) reminded."""
    sent = []
    stages = [
        (due_soon(days), "due_reminder_sent_at", False),
        (overdue(), "overdue_reminder_sent_at", True),
    ]
    for queryset, field, is_overdue in stages:
        reports = list(queryset.order_by("due_date", "received_at"))
        if not reports:
            sent.append(0)
            continue
        with translation.override(settings.LANGUAGE_CODE):
            if is_overdue:
                subject = ngettext(
                    "Overdue: %(count)d accessibility report not answered",
                    "Overdue: %(count)d accessibility reports not answered",
                    len(reports),
                ) % {"count": len(reports)}
            else:
                subject = ngettext(
                    "Reminder: %(count)d accessibility report due soon",
                    "Reminder: %(count)d accessibility reports due soon",
                    len(reports),
                ) % {"count": len(reports)}
            items = [{"report": r, "url": admin_url(r)} for r in reports]
            context = {"items": items, "overdue": is_overdue, "list_url": list_url()}
            delivered = _send(subject, "feedback/mail/reminder.txt", context)
        if delivered:
            AccessibilityReport.objects.filter(pk__in=[r.pk for r in reports]).update(
                **{field: timezone.now()}
            )
        sent.append(len(reports) if delivered else 0)
    return sent[0], sent[1]
