"""The reports in the admin (who may see them, what the list shows), the daily reminder and
the deletion of closed reports."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback.models import AccessibilityReport, ReportStatus
from feedback.roles import GROUP
from home.translation.roles import EDITORS, setup_roles

pytestmark = pytest.mark.django_db

LIST = "/admin/accessibilityreport/"


def make_report(days_ago=0, status=ReportStatus.NEW, message="Kontrast zu schwach", **fields):
    return AccessibilityReport.objects.create(
        message=message,
        language="de",
        status=status,
        received_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


@pytest.fixture
def accessibility_officer(django_user_model):
    user = django_user_model.objects.create_user("barrierefrei", "b@example.org", "x")
    user.groups.add(Group.objects.get(name=GROUP))
    return user


@pytest.fixture
def plain_editor(django_user_model):
    setup_roles()
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_role_exists_after_migrate_with_only_the_reports_permissions():
    codenames = set(Group.objects.get(name=GROUP).permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "view_accessibilityreport", "change_accessibilityreport"}


def test_list_shows_received_status_due_date_and_overdue_marker(client, accessibility_officer):
    long_text = "Der Kontrast der grauen Schrift auf der Startseite ist zu schwach. " * 20
    make_report(days_ago=40, message=long_text)
    make_report(days_ago=1, status=ReportStatus.IN_PROGRESS, message="Untertitel fehlen")
    client.force_login(accessibility_officer)
    response = client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "überfällig" in html
    assert "Antwort fällig" in html and "in Bearbeitung" in html
    assert long_text.strip() not in html  # only an excerpt
    assert "Der Kontrast der grauen Schrift" in html
    # Sorted by due date: the overdue report comes first.
    assert html.index("Der Kontrast") < html.index("Untertitel fehlen")
    # Nobody adds reports in the admin; they come from the form.
    assert "/admin/accessibilityreport/new/" not in html


def test_list_filters_by_status(client, accessibility_officer):
    make_report(message="Offene Meldung")
    make_report(status=ReportStatus.CLOSED, message="Erledigte Meldung")
    client.force_login(accessibility_officer)
    html = client.get(LIST, {"status": "closed"}).content.decode()
    assert "Erledigte Meldung" in html and "Offene Meldung" not in html


def test_officer_sets_status_and_answered_at_is_recorded(client, accessibility_officer):
    report = make_report()
    client.force_login(accessibility_officer)
    response = client.post(
        f"{LIST}edit/{report.pk}/",
        {"status": "answered", "answered_at": "", "internal_note": "Per Mail beantwortet"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.ANSWERED and report.answered_at is not None
    assert report.message == "Kontrast zu schwach"  # read-only in the form


def test_plain_editor_without_the_permission_sees_nothing(client, plain_editor):
    report = make_report(message="Geheime Meldung")
    client.force_login(plain_editor)
    for url in (LIST, f"{LIST}edit/{report.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Geheime Meldung" not in response.content
    response = client.post(f"{LIST}edit/{report.pk}/", {"status": "closed"})
    report.refresh_from_db()
    assert report.status == ReportStatus.NEW
    assert b"accessibilityreport" not in client.get("/admin/").content


def test_superuser_cannot_add_reports_by_hand(admin_client):
    assert admin_client.get(f"{LIST}new/").status_code in (302, 403)


# --- Reminders -------------------------------------------------------------------------


def remind():
    call_command("remind_accessibility_feedback", verbosity=0)


def test_report_due_soon_gets_one_reminder_and_not_a_second(settings):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_REMIND_DAYS = 7
    report = make_report(days_ago=26)  # due in about four days
    remind()
    assert len(mail.outbox) == 1
    assert "bald fällig" in mail.outbox[0].subject
    assert f"/admin/accessibilityreport/edit/{report.pk}/" in mail.outbox[0].body
    remind()
    assert len(mail.outbox) == 1
    report.refresh_from_db()
    assert report.due_reminder_sent_at is not None


def test_report_not_yet_due_soon_gets_no_reminder():
    make_report(days_ago=2)
    remind()
    assert mail.outbox == []


def test_overdue_report_gets_one_overdue_reminder(settings):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL = "barrierefreiheit@example.org"
    report = make_report(days_ago=26)
    remind()
    report.due_date = timezone.localdate() - timedelta(days=1)  # the month has passed
    report.save()
    remind()
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Erinnerung", "Überfällig"]
    assert mail.outbox[1].to == ["barrierefreiheit@example.org"]
    remind()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("status", [ReportStatus.ANSWERED, ReportStatus.CLOSED])
def test_answered_or_closed_reports_get_no_reminder(status):
    make_report(days_ago=40, status=status)
    make_report(days_ago=27, status=status)
    remind()
    assert mail.outbox == []


def test_without_an_address_nothing_is_sent_or_marked(settings):
    from home.models import SiteSettings

    SiteSettings.objects.update(email="")
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL = ""
    report = make_report(days_ago=40)
    remind()
    report.refresh_from_db()
    assert mail.outbox == [] and report.overdue_reminder_sent_at is None


# --- Deletion --------------------------------------------------------------------------


def test_closed_reports_are_deleted_after_the_retention_period(settings):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS = 365
    old = make_report(status=ReportStatus.CLOSED)
    AccessibilityReport.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - timedelta(days=366)
    )
    recent = make_report(status=ReportStatus.CLOSED)
    still_open = make_report(days_ago=400)
    answered = make_report(days_ago=400, status=ReportStatus.ANSWERED)
    call_command("delete_closed_accessibility_feedback", verbosity=0)
    left = set(AccessibilityReport.objects.values_list("pk", flat=True))
    assert left == {recent.pk, still_open.pk, answered.pk}


def test_deletion_takes_days_from_the_command_line_and_has_a_dry_run():
    report = make_report(status=ReportStatus.CLOSED)
    AccessibilityReport.objects.filter(pk=report.pk).update(
        closed_at=timezone.now() - timedelta(days=10)
    )
    call_command("delete_closed_accessibility_feedback", days=5, dry_run=True, verbosity=0)
    assert AccessibilityReport.objects.count() == 1
    call_command("delete_closed_accessibility_feedback", days=5, verbosity=0)
    assert AccessibilityReport.objects.count() == 0


def test_reopening_a_closed_report_clears_its_closing_date():
    report = make_report(status=ReportStatus.CLOSED)
    assert report.closed_at is not None
    report.status = ReportStatus.IN_PROGRESS
    report.save()
    assert report.closed_at is None
