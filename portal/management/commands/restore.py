"""``manage.py restore PATH``: load a backup into a freshly migrated installation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the content of a freshly migrated database (and add the media files) with "
        "an archive written by `manage.py backup`. Run `migrate` first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Archive written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content even if the database is not a fresh installation.",
        )

    def handle(self, *args, path, force, **options):
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        try:
            restore(path, force=force, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
