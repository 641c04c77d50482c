"""Delete uploaded film files that no film and no revision uses, once they are older than
the grace period (``home.films.orphans``): masters and caption files left over when an
editor replaced an autosaved file or abandoned a form.

Run by the scheduled-publishing timer (deploy/systemd/portal-scheduled.service).
"""

from django.core.management.base import BaseCommand

from home.films.orphans import remove_orphaned_uploads


class Command(BaseCommand):
    help = "Delete uploaded film files that no film or revision uses (after a grace period)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the files without deleting them."
        )

    def handle(self, *args, **options):
        removed = remove_orphaned_uploads(dry_run=options["dry_run"])
        verb = "would remove" if options["dry_run"] else "removed"
        for name in removed:
            self.stdout.write(f"{verb} {name}")
        if options["verbosity"]:
            self.stdout.write(f"{len(removed)} unused film upload(s) {verb}")
