"""Create the demo admin and fictional people for the editorial roles, for local
development only (refuses to run without DEBUG).

With members in Redaktion and Freigabe EN, ``setup_roles`` attaches the moderation
workflows of the German and English trees: the demo shows the workflows a real site has.
Two translators show both ways of working: ``uebersetzung`` in a German admin, and one per
translation language (``uebersetzung-en``) in the admin of the language they translate into.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

from home.translation.roles import (
    EDITORS,
    reviewer_group_name,
    setup_roles,
    translator_group_name,
)
from home.translation.workflows import setup_roles_and_workflows

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "lausitz-demo"

# (username, first name, last name, group, admin language): fictional people.
DEMO_ROLE_USERS = [
    ("redaktion", "Katrin", "Wendt", EDITORS, settings.LANGUAGE_CODE),
    ("uebersetzung", "Tom", "Reiche", translator_group_name("en"), settings.LANGUAGE_CODE),
    ("freigabe", "Anna", "Lehmann", reviewer_group_name("en"), settings.LANGUAGE_CODE),
    *[
        (f"uebersetzung-{code}", "Sam", "Carter", translator_group_name(code), code)
        for code in settings.PORTAL_TRANSLATION_LANGUAGES
    ],
    # A reviewer for each further language, so its approval workflow has someone to ask.
    *[
        (f"freigabe-{code}", "Alex", "Berg", reviewer_group_name(code), code)
        for code in settings.PORTAL_TRANSLATION_LANGUAGES
        if code != "en"
    ],
]


class Command(BaseCommand):
    help = (
        "Create the development-only demo admin (admin / lausitz-demo) and demo users per "
        "role (redaktion, uebersetzung, freigabe, uebersetzung-en; same password) if missing."
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
        setup_roles()  # the groups must exist before members join them
        for username, first_name, last_name, group_name, language in DEMO_ROLE_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username,
                f"{username}@example.org",
                DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.set([Group.objects.get(name=group_name)])
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            self.stdout.write(f"Demo user created: '{username}' ({group_name}, {language}).")
        _names, notes = setup_roles_and_workflows()  # now with members: workflows attach
        for note in notes:
            self.stdout.write(note)
