"""Create the demo admin for local development. Refuses to run without DEBUG."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "lausitz-demo"


class Command(BaseCommand):
    help = "Create the development-only demo admin (admin / lausitz-demo) if missing."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin exists for development only (DEBUG is off).")
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(f"Demo admin '{DEMO_USERNAME}' exists.")
            return
        User.objects.create_superuser(DEMO_USERNAME, "admin@example.org", DEMO_PASSWORD)
        self.stdout.write(
            f"Demo admin created: user '{DEMO_USERNAME}', password '{DEMO_PASSWORD}' "
            "(development only)."
        )
