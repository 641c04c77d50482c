"""Daily (deploy/systemd/portal-daily.timer): remind the responsible address of reports
whose one-month answer period ends soon, and of those overdue; each report once per stage."""

from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.mail import recipients, send_reminders


class Command(BaseCommand):
    help = (
        "E-mail reminders about open accessibility reports due within "
        "PORTAL_ACCESSIBILITY_FEEDBACK_REMIND_DAYS days or overdue (once per report and stage)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PORTAL_ACCESSIBILITY_FEEDBACK_REMIND_DAYS,
            help="Remind of reports due within this many days (default: the setting).",
        )

    def handle(self, *args, days, **options):
        if not recipients():
            self.stderr.write(
                "No address for accessibility reports: set PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL "
                "or the contact e-mail of the site settings. No reminder sent."
            )
            return
        soon, late = send_reminders(days)
        if options["verbosity"] > 0:
            self.stdout.write(f"Reminded: {soon} due soon, {late} overdue.")
