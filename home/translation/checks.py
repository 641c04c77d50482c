"""System check: no workflow task that no one can approve (see ``workflows``).

Tagged ``database``: it reads groups and workflows, so it runs where Django checks the
database (``migrate``, ``check --database default``), not on every management command; a
worker's command must not stop because an administrator emptied a group.
"""

from django.core import checks
from django.db import DatabaseError

from home.translation.workflows import dead_tasks


@checks.register(checks.Tags.database)
def no_dead_workflow_tasks(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    try:
        dead = dead_tasks()
    except DatabaseError:  # tables not migrated yet: nothing to check
        return []
    return [
        checks.Error(
            str(task),
            hint="Add members with publishing rights to the group, or run "
            "`manage.py setup_roles`, which attaches each language's workflow to its "
            "approving group.",
            id="portal.E021",
        )
        for task in dead
    ]
