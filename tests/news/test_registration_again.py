"""Registering twice, registering too often, and the places the form announces (issue 29):
one address holds one registration per event; a second form sends that registration's links
again and takes no place; one connection cannot flood strangers' mailboxes."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

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


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    """The rate counter lives in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def register_now(event, callbacks, language="de", **data):
    with callbacks(execute=True):
        return register(event, language, **data)


def confirm(message, callbacks):
    with callbacks(execute=True):
        return Client().get(path_of(confirm_link(message)))


def test_second_form_with_the_same_address_takes_no_second_place(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=5)
    register_now(event, django_capture_on_commit_callbacks)
    confirm(mails_to(VALID["email"])[-1], django_capture_on_commit_callbacks)
    response = register_now(
        event, django_capture_on_commit_callbacks, email="Erika@Example.org", name="E. Beispiel"
    )
    # The visitor sees what anybody sees: nothing tells a stranger who is registered.
    assert response.status_code == 302
    with translation.override("de"):
        assert response["Location"] == reverse("news_registration:sent", args=[event.pk])
    [registration] = EventRegistration.objects.all()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.place == 1
    assert registration.name == VALID["name"]  # the first registration is kept as it was
    again = mail.outbox[-1]
    assert again.to == [VALID["email"]]  # to the address as first registered
    assert again.subject.startswith("Ihre Anmeldung")
    assert "Ihr Platz ist bestätigt" in again.body
    assert "/bestaetigen/" not in again.body  # nothing left to confirm
    assert path_of(cancel_link(again)) == path_of(cancel_link(mails_to(VALID["email"])[-1]))


def test_unconfirmed_registration_gets_a_fresh_confirmation_link(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=5)
    register_now(event, django_capture_on_commit_callbacks, language="en")
    register_now(event, django_capture_on_commit_callbacks, language="en")
    assert EventRegistration.objects.count() == 1
    first, again = mail.outbox
    assert again.subject.startswith("Your registration")
    assert "not confirmed your registration yet" in again.body
    page = confirm(again, django_capture_on_commit_callbacks)
    assert page.status_code == 200
    assert EventRegistration.objects.get().status == RegistrationStatus.CONFIRMED


def test_waiting_person_is_told_so_again(django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    register_now(event, django_capture_on_commit_callbacks, email="first@example.org")
    confirm(mails_to("first@example.org")[-1], django_capture_on_commit_callbacks)
    register_now(event, django_capture_on_commit_callbacks, email="second@example.org")
    confirm(mails_to("second@example.org")[-1], django_capture_on_commit_callbacks)
    register_now(event, django_capture_on_commit_callbacks, email="second@example.org")
    assert "Warteliste" in mails_to("second@example.org")[-1].body
    assert EventRegistration.objects.filter(status=RegistrationStatus.WAITING).count() == 1


def test_after_cancelling_the_same_address_may_register_anew(
    django_capture_on_commit_callbacks,
):
    event = make_event(capacity=5)
    register_now(event, django_capture_on_commit_callbacks)
    link = path_of(cancel_link(mail.outbox[-1]))
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(link)
    register_now(event, django_capture_on_commit_callbacks)
    assert sorted(EventRegistration.objects.values_list("status", flat=True)) == [
        RegistrationStatus.CANCELLED,
        RegistrationStatus.PENDING,
    ]
    assert mail.outbox[-1].subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")


def test_database_refuses_a_second_active_registration_of_one_address():
    event = make_event(capacity=3)
    common = {"event": event, "name": "x", "language": "de"}
    EventRegistration.objects.create(email="a@example.org", **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventRegistration.objects.create(email="A@EXAMPLE.ORG", **common)
    # Another event, or a cancelled one, does not count.
    EventRegistration.objects.create(email="a@example.org", **{**common, "event": make_event()})
    EventRegistration.objects.filter(email="a@example.org", event=event).update(
        status=RegistrationStatus.CANCELLED
    )
    EventRegistration.objects.create(email="a@example.org", **common)


def test_too_many_registrations_from_one_connection_are_refused_keeping_the_entries(
    settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_REGISTRATION_RATE = "2/h"
    event = make_event(capacity=10)
    for n in range(2):
        assert (
            register_now(
                event, django_capture_on_commit_callbacks, email=f"p{n}@example.org"
            ).status_code
            == 302
        )
    refused = register_now(event, django_capture_on_commit_callbacks, email="p2@example.org")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    page = BeautifulSoup(refused.content, "html.parser")
    assert "Ihre Anmeldung ist noch nicht abgeschickt" in text(refused)
    assert page.find("input", {"name": "email"})["value"] == "p2@example.org"
    assert page.find("input", {"name": "organisation"})["value"] == VALID["organisation"]
    assert EventRegistration.objects.count() == 2
    assert mails_to("p2@example.org") == []


def test_invalid_forms_do_not_count_against_the_limit(settings, django_capture_on_commit_callbacks):
    settings.PORTAL_REGISTRATION_RATE = "1/h"
    event = make_event(capacity=10)
    for _ in range(3):
        assert register_now(event, django_capture_on_commit_callbacks, email="x").status_code == 200
    assert register_now(event, django_capture_on_commit_callbacks).status_code == 302


def test_form_says_how_many_places_are_free(client, django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    assert "2 Plätze sind noch frei" in text(client.get(form_url(event)))
    register_now(event, django_capture_on_commit_callbacks, email="p@example.org")
    confirm(mails_to("p@example.org")[-1], django_capture_on_commit_callbacks)
    assert "1 Platz ist noch frei" in text(client.get(form_url(event)))
    register_now(event, django_capture_on_commit_callbacks, email="q@example.org")
    confirm(mails_to("q@example.org")[-1], django_capture_on_commit_callbacks)
    full = text(client.get(form_url(event, "en")))
    assert "All places are taken." in full
    assert "you go on the waiting list" in full


def test_form_without_a_limit_announces_no_places(client):
    page = BeautifulSoup(client.get(form_url(make_event(capacity=None))).content, "html.parser")
    assert page.select(".registration__places") == []
