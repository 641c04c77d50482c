"""Create or repair the editorial roles (Redaktion, Übersetzung XX, Freigabe XX)."""

from django.core.management.base import BaseCommand

from home.translation.roles import setup_roles


class Command(BaseCommand):
    help = "Create the editorial groups and their per-language permissions. Idempotent."

    def handle(self, *args, **options):
        for name in setup_roles():
            self.stdout.write(f"Role ready: {name}")
