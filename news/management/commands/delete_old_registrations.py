"""Daily: delete event registrations N days after their event ended
(``PORTAL_REGISTRATION_RETENTION_DAYS``), so that names, addresses and needs are kept no
longer than the privacy statement says. Pending and cancelled ones go the same way."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from news.models import EventRegistration


class Command(BaseCommand):
    help = "Delete registrations of events that ended more than N days ago (default: setting)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PORTAL_REGISTRATION_RETENTION_DAYS,
            help="Keep registrations this many days after the event's end (default: "
            "PORTAL_REGISTRATION_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must not be negative")
        expired = EventRegistration.objects.filter(
            event__end__lt=timezone.now() - timedelta(days=days)
        )
        count = expired.count()
        if not dry_run:
            expired.delete()
        if options["verbosity"] > 0:
            verb = "Would delete" if dry_run else "Deleted"
            self.stdout.write(
                f"{verb} {count} registration(s) of events that ended more than {days} days ago."
            )
