"""``manage.py backup PATH``: database content and media files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write one .tar.gz with the database content (portable between SQLite and "
        "PostgreSQL) and the media files. Restore it with `manage.py restore PATH`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Archive to write, e.g. backup.tar.gz")

    def handle(self, *args, path, **options):
        try:
            backup(path, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
