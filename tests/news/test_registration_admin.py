"""Registrations in the admin (issue 29): organisers with the export permission see them per
event, read one in full, and cancel one on a person's behalf, which moves the waiting list
up; nobody adds, edits or deletes them by hand."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import EventRegistration, RegistrationStatus
from tests.news.registration_helpers import make_event

pytestmark = pytest.mark.django_db

INDEX = "news_registrations:index"


def add(event, email, status=RegistrationStatus.CONFIRMED, place=None, **fields):
    return EventRegistration.objects.create(
        event=event,
        name=fields.pop("name", email.split("@")[0].title()),
        email=email,
        language=fields.pop("language", "de"),
        status=status,
        place=place,
        confirmed_at=timezone.now() if status != RegistrationStatus.PENDING else None,
        **fields,
    )


def rows(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(row.get_text().split()) for row in page.select("tbody tr")]


def test_listing_needs_the_permission(client, editor):
    client.force_login(editor)
    response = client.get(reverse(INDEX))
    assert response.status_code == 302  # Wagtail sends those without it to the dashboard
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in menu


def test_organiser_sees_registrations_filtered_by_event_and_searched(client, organiser):
    heat_day, other = make_event(capacity=2, title="Wärmetag"), make_event(title="Anderes")
    add(heat_day, "anna@example.org", place=1, organisation="Amt Peitz")
    add(heat_day, "ben@example.org", RegistrationStatus.WAITING)
    add(other, "carla@example.org", place=1)
    client.force_login(organiser)
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()
    listed = rows(client.get(reverse(INDEX), {"event": heat_day.pk}))
    assert len(listed) == 2
    assert "anna@example.org" in listed[0] and "Amt Peitz" in listed[0]
    assert "Warteliste" in listed[1]
    searched = rows(client.get(reverse(INDEX), {"q": "carla"}))
    assert len(searched) == 1 and "Anderes" in searched[0]


def test_inspect_shows_the_accessibility_needs(client, organiser):
    registration = add(
        make_event(capacity=1), "anna@example.org", place=1, accessibility_needs="Rampe"
    )
    client.force_login(organiser)
    response = client.get(reverse("news_registrations:inspect", args=[registration.pk]))
    assert response.status_code == 200
    assert "Rampe" in response.content.decode()


def test_nobody_adds_edits_or_deletes_registrations_by_hand(client, organiser):
    registration = add(make_event(capacity=1), "anna@example.org", place=1)
    client.force_login(organiser)
    for url in [
        reverse("news_registrations:add"),
        reverse("news_registrations:edit", args=[registration.pk]),
        reverse("news_registrations:delete", args=[registration.pk]),
    ]:
        assert client.get(url).status_code == 302, url
        assert client.post(url, {"name": "changed"}).status_code == 302, url
    registration.refresh_from_db()
    assert registration.name == "Anna" and registration.status == RegistrationStatus.CONFIRMED


def test_cancelling_in_the_admin_moves_the_waiting_list_up_and_tells_both(
    client, organiser, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    anna = add(event, "anna@example.org", place=1)
    ben = add(event, "ben@example.org", RegistrationStatus.WAITING, language="en")
    cancel = reverse("news_registrations:cancel_registration", args=[anna.pk])
    client.force_login(organiser)
    ask = client.get(cancel)
    assert ask.status_code == 200
    assert "anna@example.org" in ask.content.decode()
    anna.refresh_from_db()
    assert anna.status == RegistrationStatus.CONFIRMED  # asking changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel, follow=True)
    assert "Ben rückt von der Warteliste nach" in done.content.decode()
    anna.refresh_from_db()
    ben.refresh_from_db()
    assert anna.status == RegistrationStatus.CANCELLED and anna.place is None
    assert ben.status == RegistrationStatus.CONFIRMED and ben.place == 1
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["anna@example.org"].startswith("Ihre Anmeldung ist storniert")
    assert subjects["ben@example.org"].startswith("A place has become free for you")


def test_cancelling_needs_the_permission(client, editor):
    registration = add(make_event(capacity=1), "anna@example.org", place=1)
    client.force_login(editor)
    url = reverse("news_registrations:cancel_registration", args=[registration.pk])
    assert client.post(url).status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_event_header_links_to_its_registrations(client, organiser):
    event = make_event(capacity=1)
    client.force_login(organiser)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert f"{reverse(INDEX)}?event={event.pk}" in edit
