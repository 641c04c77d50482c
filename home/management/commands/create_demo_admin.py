"""Create the demo admin, and a demo user per editorial role, for local development.
Refuses to run without DEBUG."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

from home.translation.roles import EDITORS, setup_roles, translator_group_name

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "lausitz-demo"
# (username, role, admin language): the editors work in German, the translators in the
# language they translate into, so a trial of the admin sees both.
DEMO_ROLE_USERS = [
    ("redaktion", EDITORS, settings.LANGUAGE_CODE),
    *[
        (f"uebersetzung-{code}", translator_group_name(code), code)
        for code in settings.PORTAL_TRANSLATION_LANGUAGES
    ],
]


class Command(BaseCommand):
    help = (
        "Create the development-only demo admin (admin / lausitz-demo) and one demo user "
        "per editorial role (same password) if missing."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin exists for development only (DEBUG is off).")
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(f"Demo admin '{DEMO_USERNAME}' exists.")
        else:
            User.objects.create_superuser(DEMO_USERNAME, "admin@example.org", DEMO_PASSWORD)
            self.stdout.write(
                f"Demo admin created: user '{DEMO_USERNAME}', password '{DEMO_PASSWORD}' "
                "(development only)."
            )
        setup_roles()
        for username, role, language in DEMO_ROLE_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(username, f"{username}@example.org", DEMO_PASSWORD)
            user.groups.set([Group.objects.get(name=role)])
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            self.stdout.write(f"Demo user created: '{username}' ({role}, admin in '{language}').")
