"""Workflows match the roles, and no task waits for a group that cannot approve (issue 21).

Also: after "Absenden" a German editor lands where she may be, and her dashboard lists only
drafts she can open."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import checks
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from home.translation.workflows import dead_tasks, setup_roles_and_workflows
from tests.factories.pages import StandardPageFactory

pytestmark = pytest.mark.django_db


def attached(language):
    home = Page.objects.get(depth=2, locale__language_code=language)
    link = WorkflowPage.objects.filter(page=home).select_related("workflow").first()
    return link.workflow.name if link else None


def test_without_members_no_tree_has_a_workflow_and_the_default_is_off(roles):
    setup_roles_and_workflows()
    assert attached("de") is None
    assert attached("en") is None
    default = Workflow.objects.get(name="Moderators approval")
    assert not default.active
    assert not default.workflow_pages.exists()
    assert dead_tasks() == []


def test_each_tree_gets_the_workflow_of_its_approving_group(editor, reviewer):
    setup_roles_and_workflows()
    assert attached("de") == "Freigabe durch die Redaktion"
    assert attached("en") == "Freigabe EN"
    task = Workflow.objects.get(name="Freigabe EN").tasks.specific().get()
    assert list(task.groups.values_list("name", flat=True)) == ["Freigabe EN"]


def test_editor_is_offered_the_redaktion_workflow_not_moderators(editor, reviewer, german):
    setup_roles_and_workflows()
    page = Page.objects.get(slug="impressum", locale=german)
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Freigabe durch die Redaktion" in html
    assert "Moderators" not in html


def test_removing_the_last_reviewer_detaches_the_english_workflow(editor, reviewer):
    setup_roles_and_workflows()
    reviewer.user.groups.clear()
    _names, notes = setup_roles_and_workflows()
    assert attached("en") is None
    assert any("Freigabe EN" in note and "keine Mitglieder" in note for note in notes)


def hand_made_workflow_for(group):
    workflow = Workflow.objects.create(name="Sonderprüfung")
    task = GroupApprovalTask.objects.create(name="Prüfung Justiziariat")
    task.groups.set([group])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page = StandardPageFactory(parent=Page.objects.get(depth=2, locale__language_code="de"))
    WorkflowPage.objects.create(page=page, workflow=workflow)


def test_setup_roles_refuses_a_task_for_a_group_without_members(roles):
    hand_made_workflow_for(Group.objects.create(name="Justiziariat"))
    with pytest.raises(CommandError, match="Justiziariat.*keine Mitglieder"):
        call_command("setup_roles")


def test_system_check_refuses_a_task_for_a_group_without_rights(roles, django_user_model):
    lawyers = Group.objects.create(name="Justiziariat")
    django_user_model.objects.create_user("jura", "jura@example.org", "pw").groups.add(lawyers)
    hand_made_workflow_for(lawyers)
    errors = checks.run_checks(databases=["default"])
    ours = [error for error in errors if error.id == "portal.E021"]
    assert len(ours) == 1
    assert "Justiziariat" in ours[0].msg and "veröffentlichen" in ours[0].msg
    assert ours[0].level == checks.ERROR


def test_after_submitting_the_editor_stays_on_her_page_without_an_error(editor, english, german):
    page = StandardPageFactory(parent=Page.objects.get(depth=2, locale=german), title="Neu")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = editor.post(url, {"locales": [english.pk]}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Übersetzung" in message for message in shown), shown
    assert response.status_code == 200
    assert "keinen Zugang" not in response.content.decode()


def test_my_drafts_lists_only_pages_the_editor_can_open(editor, english, german):
    page = StandardPageFactory(parent=Page.objects.get(depth=2, locale=german), title="Entwurf")
    page.save_revision(user=editor.user)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    editor.post(url, {"locales": [english.pk]})
    english_draft = page.get_translation(english)
    assert english_draft.latest_revision.user == editor.user  # why she saw it before
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[english_draft.pk]) not in html
