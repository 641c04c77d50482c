"""Invalid events are refused in the admin with field errors and nothing is saved."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from news.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    data = {
        "title": "Neue Veranstaltung",
        "slug": "neue-veranstaltung",
        "start": "2030-06-01 10:00",
        "end": "2030-06-01 12:00",
        "status": "scheduled",
        "attendance": "in-person",
        "venue_name": "Saal",
        "venue_address": "Straße 1, 03046 Cottbus",
        "teaser": "Kurz.",
        "free_of_charge": "on",
        "agenda": streamfield([]),
        "related_pages": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({k: v for k, v in data.items() if v is not None})


def post(client, data):
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    url = reverse("wagtailadmin_pages:add", args=["news", "eventpage", index.pk])
    return client.post(url, data)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language="de"
    )
    client.force_login(user)
    return client


def test_valid_event_is_created(editor):
    before = EventPage.objects.count()
    response = post(editor, event_form())
    assert response.status_code == 302
    assert EventPage.objects.count() == before + 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end": "2030-06-01 09:00"}, "end", "Das Ende muss nach dem Beginn liegen."),
        (
            {"registration_deadline": "2030-06-02 10:00"},
            "registration_deadline",
            "Die Anmeldefrist muss vor dem Beginn der Veranstaltung liegen.",
        ),
        (
            {"attendance": "online", "venue_name": "", "venue_address": ""},
            "online_url",
            "Eine Online-Veranstaltung braucht einen Link für die Teilnahme.",
        ),
        ({"venue_address": ""}, "venue_address", "Bitte geben Sie die Adresse des Ortes an."),
        ({"start": "", "end": ""}, "start", "Bitte geben Sie an, wann die Veranstaltung beginnt."),
        ({"start": "kein Datum"}, "start", "Datum"),
    ],
)
def test_invalid_event_is_refused_with_field_errors(editor, overrides, field, message):
    before = EventPage.objects.count()
    response = post(editor, event_form(**overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert any(message in error for error in form.errors[field]), form.errors[field]
    assert EventPage.objects.count() == before


def test_empty_draft_gives_field_errors_not_a_server_error(editor):
    before = EventPage.objects.count()
    data = nested_form_data(
        {
            "title": "",
            "slug": "",
            "agenda": streamfield([]),
            "related_pages": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = post(editor, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert EventPage.objects.count() == before


def test_model_clean_copes_with_missing_dates():
    from django.core.exceptions import ValidationError

    page = EventPage(title="Leer", slug="leer", teaser="x")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert {"start", "end"} <= set(error.value.message_dict)


def test_places_cannot_go_below_the_confirmed_registrations(editor):
    """Two people hold a place: 1 place is refused at the field, in German, and nothing is
    saved; 2 places are fine."""
    from django.utils import timezone

    from news.models import EventRegistration
    from tests.news.registration_helpers import make_event

    event = make_event(capacity=3)
    for n in (1, 2):
        EventRegistration.objects.create(
            event=event,
            name=f"P{n}",
            email=f"p{n}@example.org",
            language="de",
            status="confirmed",
            place=n,
            confirmed_at=timezone.now(),
        )
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    form = {
        "title": event.title,
        "slug": event.slug,
        "start": timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(event.end).strftime("%Y-%m-%d %H:%M"),
        "registration_on_site": "on",
    }
    refused = editor.post(url, event_form(**form, capacity="1"))
    assert refused.status_code == 200
    errors = refused.context["form"].errors
    assert "2 Plätze sind bereits bestätigt" in errors["capacity"][0]
    event.refresh_from_db()
    assert event.capacity == 3 and EventPage.objects.get(pk=event.pk).capacity == 3
    accepted = editor.post(url, event_form(**form, capacity="2"))
    assert accepted.status_code == 302
    assert EventPage.objects.get(pk=event.pk).capacity == 2
