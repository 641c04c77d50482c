"""Daily: delete accessibility reports closed longer than the retention period
(``PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS``), so that visitors' names, addresses and
messages are not kept longer than the privacy statement says."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from feedback.models import AccessibilityReport, ReportStatus


class Command(BaseCommand):
    help = "Delete accessibility reports closed more than N days ago (default: the setting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS,
            help="Keep closed reports this many days (default: "
            "PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must not be negative")
        expired = AccessibilityReport.objects.filter(
            status=ReportStatus.CLOSED, closed_at__lt=timezone.now() - timedelta(days=days)
        )
        count = expired.count()
        if not dry_run:
            expired.delete()
        if options["verbosity"] > 0:
            verb = "Would delete" if dry_run else "Deleted"
            self.stdout.write(f"{verb} {count} closed report(s) older than {days} days.")
