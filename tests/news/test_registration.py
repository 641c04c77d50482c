"""Registration on the site (issue 29): the form, double opt-in by e-mail, places and the
waiting list, cancellation, reused and expired links, the export and the deletion."""

import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import EventRegistration, RegistrationStatus
from tests.news.registration_helpers import (
    VALID,
    cancel_link,
    confirm_link,
    form_url,
    mails_to,
    make_event,
    path_of,
    register,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def register_and_confirm(event, email, django_capture_on_commit_callbacks, language="de"):
    with django_capture_on_commit_callbacks(execute=True):
        register(event, language, email=email)
    request_mail = mails_to(email)[-1]
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().get(path_of(confirm_link(request_mail)))
    return response, EventRegistration.objects.get(email=email)


# --- The form ------------------------------------------------------------------------


def test_form_addresses_are_translated():
    event = make_event()
    assert form_url(event, "de") == f"/de/anmeldung/{event.pk}/"
    assert form_url(event, "en") == f"/en/registration/{event.pk}/"


def test_event_page_links_to_the_form_and_sets_no_cookie(client):
    event = make_event()
    response = client.get(event.url)
    assert response.status_code == 200
    assert soup(response).find("a", href=form_url(event)) is not None
    assert "csrftoken" not in response.cookies


def test_form_is_not_cached_and_sets_the_csrf_cookie_there(client):
    event = make_event()
    response = client.get(form_url(event))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "csrftoken" in response.cookies


def test_form_links_the_privacy_page_beside_the_consent(client):
    event = make_event()
    page = soup(client.get(form_url(event, "en")))
    consent = page.find("input", attrs={"name": "consent"})
    help_text = page.find(id=consent["aria-describedby"])
    assert help_text.find("a")["href"] == "/en/privacy/"


def test_errors_are_shown_at_their_fields_and_nothing_typed_is_lost():
    event = make_event()
    response = register(event, "en", email="not-an-address", consent="", name="  ")
    assert response.status_code == 200
    page = soup(response)
    for name, message in [
        ("name", "Please enter your name."),
        ("email", "Please enter an e-mail address like name@example.org."),
        ("consent", "Please agree, or we cannot register you."),
    ]:
        field = page.find("input", attrs={"name": name})
        assert field["aria-invalid"] == "true"
        error = page.find(id=f"{field['id']}_error")
        assert message in error.get_text()
    assert page.find("input", attrs={"name": "email"})["value"] == "not-an-address"
    assert page.find("input", attrs={"name": "organisation"})["value"] == VALID["organisation"]
    needs = page.find("textarea", attrs={"name": "accessibility_needs"})
    assert needs.get_text().strip() == VALID["accessibility_needs"]
    assert page.find(id="error-summary") is not None
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


def test_errors_are_in_german_on_the_german_form():
    event = make_event()
    page = soup(register(event, "de", email=""))
    field = page.find("input", attrs={"name": "email"})
    assert "Bitte geben Sie Ihre E-Mail-Adresse ein." in page.find(id=f"{field['id']}_error").text


def test_honeypot_stores_and_sends_nothing():
    event = make_event()
    response = register(event, website="http://spam.example")
    assert response.status_code == 302
    assert not EventRegistration.objects.exists()


def test_closed_registration_says_so(client):
    event = make_event(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    response = client.get(form_url(event, "en"))
    assert "Registration is closed" in response.content.decode()
    assert soup(response).find("form", class_="registration-form") is None


def test_event_without_on_site_registration_has_no_form(client):
    event = make_event()
    event.registration_on_site = False
    event.save()
    assert client.get(form_url(event)).status_code == 404


# --- Double opt-in -------------------------------------------------------------------


def test_double_opt_in_end_to_end_in_english(django_capture_on_commit_callbacks):
    event = make_event(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = register(event, "en")
    assert response.status_code == 302
    assert response["Location"] == f"/en/registration/{event.pk}/sent/"
    registration = EventRegistration.objects.get()
    assert registration.status == RegistrationStatus.PENDING
    assert registration.event_id == event.pk and registration.language == "en"
    assert registration.accessibility_needs == VALID["accessibility_needs"]
    [request_mail] = mail.outbox
    assert request_mail.to == ["erika@example.org"]
    assert request_mail.subject.startswith("Please confirm your registration")
    assert "48 hours" in request_mail.body
    with django_capture_on_commit_callbacks(execute=True):
        page = Client().get(path_of(confirm_link(request_mail)))
    assert page.status_code == 200
    assert "Your place is confirmed" in page.content.decode()
    assert "no-cache" in page["Cache-Control"] or "no-store" in page["Cache-Control"]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.place == 1
    outcome_mail = mail.outbox[-1]
    assert outcome_mail.subject.startswith("Your place is confirmed")
    assert "/en/registration/cancel/" in cancel_link(outcome_mail)


def test_mails_are_in_german_for_german_visitors(django_capture_on_commit_callbacks):
    event = make_event(capacity=5)
    response, registration = register_and_confirm(
        event, "a@example.org", django_capture_on_commit_callbacks
    )
    assert "Ihr Platz ist bestätigt" in response.content.decode()
    request_mail, outcome_mail = mail.outbox
    assert request_mail.subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")
    assert "/de/anmeldung/bestaetigen/" in confirm_link(request_mail)
    assert outcome_mail.subject.startswith("Ihr Platz ist bestätigt")


def test_reused_confirmation_link_changes_nothing_and_says_so(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=1)
    register_and_confirm(event, "a@example.org", django_capture_on_commit_callbacks)
    link = path_of(confirm_link(mail.outbox[0]))
    sent = len(mail.outbox)
    again = Client().get(
        link.replace("/de/", "/en/", 1).replace("anmeldung/bestaetigen", "registration/confirm")
    )
    assert again.status_code == 200
    assert "You had already used this link" in again.content.decode()
    assert len(mail.outbox) == sent
    assert EventRegistration.objects.get().place == 1


def test_expired_confirmation_link_explains_itself_in_the_visitors_language(
    django_capture_on_commit_callbacks,
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        register(event, "en")
    link = path_of(confirm_link(mail.outbox[0]))
    later = timezone.now().timestamp() + 49 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = Client().get(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert EventRegistration.objects.get().status == RegistrationStatus.PENDING
    with mock.patch("django.core.signing.time.time", return_value=later):
        german = Client().get(
            link.replace("/en/registration/confirm/", "/de/anmeldung/bestaetigen/")
        )
    assert "Dieser Link ist abgelaufen" in german.content.decode()


def test_changed_link_explains_itself(client):
    response = client.get(reverse("news_registration:confirm", args=["12:abc:def"]))
    assert response.status_code == 400
    assert "Dieser Link funktioniert nicht" in response.content.decode()


# --- Places, waiting list, cancellation ---------------------------------------------


def test_places_run_out_into_a_waiting_list_in_order_of_confirmation(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=2)
    for n in range(4):
        register_and_confirm(event, f"p{n}@example.org", django_capture_on_commit_callbacks)
    by_email = {r.email: r for r in EventRegistration.objects.all()}
    assert [by_email[f"p{n}@example.org"].status for n in range(4)] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
    ]
    assert mails_to("p2@example.org")[-1].subject.startswith("Sie stehen auf der Warteliste")


def test_cancelling_a_place_moves_the_first_waiting_person_up_with_a_mail(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=1)
    for email in ["first@example.org", "second@example.org", "third@example.org"]:
        register_and_confirm(event, email, django_capture_on_commit_callbacks)
    link = path_of(cancel_link(mails_to("first@example.org")[-1]))
    visitor = Client(enforce_csrf_checks=True)
    question = visitor.get(link)
    assert question.status_code == 200
    assert EventRegistration.objects.get(email="first@example.org").status == "confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(link, {"csrfmiddlewaretoken": question.context["csrf_token"]})
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": "cancelled",
        "second@example.org": "confirmed",
        "third@example.org": "waiting",
    }
    assert EventRegistration.objects.get(email="second@example.org").place == 1
    moved_mail = mails_to("second@example.org")[-1]
    assert moved_mail.subject.startswith("Ein Platz ist für Sie frei geworden")
    assert cancel_link(moved_mail)


def test_cancelling_from_the_waiting_list_moves_nobody(django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    for email in ["a@example.org", "b@example.org", "c@example.org"]:
        register_and_confirm(event, email, django_capture_on_commit_callbacks)
    link = path_of(cancel_link(mails_to("b@example.org")[-1]))
    visitor = Client(enforce_csrf_checks=True)
    token = visitor.get(link).context["csrf_token"]
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        again = visitor.post(link, {"csrfmiddlewaretoken": token})
    assert "Ihre Anmeldung ist storniert" in again.content.decode()
    assert len(mail.outbox) == sent
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses["a@example.org"] == "confirmed" and statuses["c@example.org"] == "waiting"


def test_registrations_in_both_languages_share_the_german_events_places(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=1)
    register_and_confirm(event, "de@example.org", django_capture_on_commit_callbacks)
    register_and_confirm(event, "en@example.org", django_capture_on_commit_callbacks, "en")
    assert EventRegistration.objects.get(email="en@example.org").status == "waiting"


def test_database_refuses_a_place_given_twice():
    from django.db import IntegrityError, transaction

    event = make_event(capacity=3)
    common = {"event": event, "name": "x", "language": "de", "status": "confirmed", "place": 1}
    EventRegistration.objects.create(email="a@example.org", **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventRegistration.objects.create(email="b@example.org", **common)


# --- Export --------------------------------------------------------------------------


def export_url(event):
    return reverse("news_registration_export", args=[event.pk])


def test_export_needs_the_permission(client, editor):
    event = make_event(capacity=1)
    EventRegistration.objects.create(
        event=event,
        name="=HYPERLINK()",
        email="a@example.org",
        language="de",
        status="confirmed",
        place=1,
        confirmed_at=timezone.now(),
    )
    client.force_login(editor)
    assert client.get(export_url(event)).status_code == 403
    editor.user_permissions.add(Permission.objects.get(codename="export_registrations"))
    response = client.get(export_url(event))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("status,place,name,email")
    assert "'=HYPERLINK()" in text


def test_export_is_not_for_anonymous_visitors(client):
    event = make_event()
    response = client.get(export_url(event))
    assert response.status_code in (302, 403)
    assert "text/csv" not in response.get("Content-Type", "")


# --- Deletion ------------------------------------------------------------------------


def test_registrations_are_deleted_after_the_retention_period(settings):
    settings.PORTAL_REGISTRATION_RETENTION_DAYS = 30
    now = timezone.now()
    old = make_event(start=now - datetime.timedelta(days=32), end=now - datetime.timedelta(days=31))
    recent = make_event(
        start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(days=2)
    )
    for event in (old, recent):
        EventRegistration.objects.create(
            event=event, name="x", email="x@example.org", language="de"
        )
    call_command("delete_old_registrations", verbosity=0)
    assert list(EventRegistration.objects.values_list("event_id", flat=True)) == [recent.pk]
    call_command("delete_old_registrations", "--days=1", "--dry-run", verbosity=0)
    assert EventRegistration.objects.count() == 1
    call_command("delete_old_registrations", "--days=1", verbosity=0)
    assert not EventRegistration.objects.exists()


def test_event_edit_page_offers_the_export_only_with_the_permission(client, editor):
    event = make_event()
    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])
    client.force_login(editor)
    assert export_url(event).encode() not in client.get(edit).content
    editor.user_permissions.add(Permission.objects.get(codename="export_registrations"))
    assert export_url(event).encode() in client.get(edit).content


def test_old_link_that_was_used_in_time_still_says_what_it_did(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=3)
    register_and_confirm(event, "a@example.org", django_capture_on_commit_callbacks)
    link = path_of(confirm_link(mail.outbox[0]))
    later = timezone.now().timestamp() + 72 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = Client().get(link)
    assert response.status_code == 200
    assert "Sie hatten diesen Link schon benutzt" in response.content.decode()
