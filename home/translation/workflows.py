"""Moderation workflows that match the roles, and the rule that no task waits forever.

Wagtail's migrations create "Moderators approval" on the root page, with a task for the
"Moderators" group. The portal empties that group (``roles.strip_default_groups``), so a page
submitted there waited forever: nobody could approve it. Instead:

- German pages: "Freigabe durch die Redaktion", a colleague from Redaktion approves;
- each translation language: "Freigabe EN" approves English pages. (Synced translations go
  through the portal's own "ready for review" step, because wagtail-localize's editor has
  no "submit for moderation"; this workflow covers English pages edited in Wagtail's own
  editor.)

A workflow is attached only to a tree whose approving group has active members and may
publish there. ``dead_tasks`` finds every active, attached workflow task that no one can
approve; ``setup_roles`` and the system check ``portal.E021`` refuse them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.translation.roles import (
    EDITORS,
    reviewer_group_name,
    setup_roles,
    translation_languages,
)

DEFAULT_WORKFLOW = "Moderators approval"


def workflow_name(language: str) -> str:
    if language == settings.LANGUAGE_CODE:
        return "Freigabe durch die Redaktion"
    return f"Freigabe {language.upper()}"


def approving_group_name(language: str) -> str:
    return EDITORS if language == settings.LANGUAGE_CODE else reviewer_group_name(language)


@dataclass(frozen=True)
class DeadTask:
    workflow: str
    task: str
    group: str
    reason: str

    def __str__(self):
        return (
            f"Workflow „{self.workflow}“, Schritt „{self.task}“: die Gruppe „{self.group}“ "
            f"{self.reason}. Eingereichte Seiten würden nie freigegeben."
        )


def _has_members(group: Group) -> bool:
    return group.user_set.filter(is_active=True).exists()


def _may_publish_pages(group: Group) -> bool:
    return GroupPagePermission.objects.filter(
        group=group, permission__codename="publish_page"
    ).exists()


def _may_publish_snippets(group: Group, content_types) -> bool:
    codenames = [f"publish_{ct.model}" for ct in content_types]
    return group.permissions.filter(codename__in=codenames).exists()


def _why_dead(group: Group, covers_pages: bool, snippet_types) -> str | None:
    if not _has_members(group):
        return "hat keine Mitglieder"
    if covers_pages and not _may_publish_pages(group):
        return "darf keine Seiten veröffentlichen"
    if snippet_types and not _may_publish_snippets(group, snippet_types):
        return "darf nichts veröffentlichen"
    return None


def dead_tasks() -> list[DeadTask]:
    """Tasks of active workflows, attached to pages or snippet types, whose approving
    group has no active members or no right to publish what the workflow covers."""
    attached = Workflow.objects.filter(active=True).filter(
        Q(workflow_pages__isnull=False) | Q(workflow_content_types__isnull=False)
    )
    dead = []
    for workflow in attached.distinct().prefetch_related("workflow_content_types__content_type"):
        snippet_types = [link.content_type for link in workflow.workflow_content_types.all()]
        covers_pages = WorkflowPage.objects.filter(workflow=workflow).exists()
        for task in workflow.tasks.filter(active=True).specific():
            if not isinstance(task, GroupApprovalTask):
                continue
            groups = list(task.groups.all())
            if not groups:
                dead.append(DeadTask(workflow.name, task.name, "–", "fehlt"))
            for group in groups:
                reason = _why_dead(group, covers_pages, snippet_types)
                if reason:
                    dead.append(DeadTask(workflow.name, task.name, group.name, reason))
    return dead


def _workflow_for(language: str, group: Group) -> Workflow:
    name = workflow_name(language)
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task, _ = GroupApprovalTask.objects.get_or_create(name=name, defaults={"active": True})
    task.groups.set([group])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    return workflow


def setup_workflows() -> list[str]:
    """Attach one workflow per language tree, to the group that approves it, where that
    group can; detach Wagtail's default from the root. Idempotent. Returns notes for the
    operator about trees left without a workflow."""
    notes = []
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW).first()
    if default is not None:
        WorkflowPage.objects.filter(workflow=default).delete()
        WorkflowContentType.objects.filter(workflow=default).delete()
        if default.active:
            default.deactivate()
    for language in [settings.LANGUAGE_CODE, *translation_languages()]:
        home = Page.objects.filter(depth=2, locale__language_code=language).first()
        group = Group.objects.filter(name=approving_group_name(language)).first()
        if home is None or group is None:
            continue
        workflow = _workflow_for(language, group)
        if _has_members(group) and _may_publish_pages(group):
            WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
        else:
            WorkflowPage.objects.filter(page=home, workflow=workflow).delete()
            notes.append(
                f"„{workflow.name}“ ist nicht zugeordnet: die Gruppe „{group.name}“ hat keine "
                "Mitglieder. Mitglieder zuordnen und setup_roles erneut ausführen."
            )
    return notes


class DeadWorkflowError(Exception):
    """A workflow task that no one can approve is attached to content."""


def setup_roles_and_workflows() -> tuple[list[str], list[str]]:
    """Roles first (workflows name their groups), then workflows; refuse what stays dead,
    e.g. a workflow an administrator made by hand for an empty group. Returns the role names
    and notes on trees left without a workflow."""
    names = list(setup_roles())
    notes = setup_workflows()
    dead = dead_tasks()
    if dead:
        raise DeadWorkflowError("\n".join(str(task) for task in dead))
    return names, notes


def load_roles(log):
    """Demo loader (registered in ``HomeConfig.ready``): roles and workflows exist on
    every demo site."""
    _names, notes = setup_roles_and_workflows()
    for note in notes:
        log(f"  {note}")
    log("  editorial roles ready")
