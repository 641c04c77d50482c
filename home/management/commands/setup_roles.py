"""Create or repair the editorial roles (Redaktion, Übersetzung XX, Freigabe XX) and the
moderation workflows that go with them; refuse a workflow task no one can approve."""

from django.core.management.base import BaseCommand, CommandError

from home.translation.workflows import DeadWorkflowError, setup_roles_and_workflows


class Command(BaseCommand):
    help = (
        "Create the editorial groups, their per-language permissions and workflows. "
        "Idempotent. Fails if a workflow task is assigned to a group without members or rights."
    )

    def handle(self, *args, **options):
        try:
            names, notes = setup_roles_and_workflows()
        except DeadWorkflowError as error:
            raise CommandError(str(error)) from error
        for name in names:
            self.stdout.write(f"Role ready: {name}")
        for note in notes:
            self.stdout.write(note)
