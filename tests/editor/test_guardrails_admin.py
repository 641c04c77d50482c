"""Publishing rules in the admin's own views: a refusal shows the rule's message in the
editor's language next to the field, nothing goes live, and saving a draft still works."""

import datetime

import pytest
from django.utils import translation
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.editorial.publishing_rules import SEARCH_DESCRIPTION_MAX
from home.models import Film
from news.models import EventIndexPage, EventPage
from tests.factories.events import EventPageFactory
from tests.factories.images import ImageFactory
from tests.home.test_film_admin import film_form, video

pytestmark = pytest.mark.django_db

NO_CAPTIONS = (
    "The %(language)s version has no captions. Add a caption track of the kind “Captions” in "
    "%(language)s (a WebVTT file) before publishing, so that people who cannot hear the film "
    "can follow it."
)
NOT_CONFIRMED = (
    "An external film can only be published once you have checked that the video host shows "
    "captions for it: tick “Captions on the video host checked”."
)
NO_START = "Please enter when the event starts."
TOO_LONG = (
    "The %(what)s has %(length)s characters; at most %(limit)s are shown. Please shorten the text."
)
HERO_TOO_SMALL = (
    "The hero image is %(width)s × %(height)s px; it needs at least %(min_width)s × "
    "%(min_height)s px so that it stays sharp on large screens. Choose or upload a larger image."
)

FILM_ADD = "/admin/snippets/home/film/add/?locale=de"


def german(msgid: str) -> str:
    """The German text of ``msgid`` up to its first placeholder; fails if untranslated."""
    with translation.override("de"):
        text = translation.gettext(msgid).split("%(")[0]
    assert text != msgid.split("%(")[0], f"no German translation for {msgid!r}"
    return text


def page_state(page):
    page.refresh_from_db()
    return page.live, page.live_revision_id, page.has_unpublished_changes


# --- Films -----------------------------------------------------------------------------


def test_self_hosted_film_without_captions_is_not_published(editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    revisions = Revision.objects.filter(content_type__model="film").count()
    response = editor.post(FILM_ADD, film_form(sources=[{"file": video()}]))
    assert response.status_code == 200
    html = response.content.decode()
    assert german(NO_CAPTIONS) in html
    assert "Die Fassung „Deutsch“ hat keine Untertitel." in html
    assert not Film.objects.filter(title="Testfilm").exists()
    assert Revision.objects.filter(content_type__model="film").count() == revisions


def test_self_hosted_film_without_captions_may_be_saved_as_draft(editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = editor.post(FILM_ADD, film_form(sources=[{"file": video()}], publish=False))
    assert response.status_code == 302
    film = Film.objects.get(title="Testfilm")
    assert not film.live and film.sources.count() == 1


def test_external_film_needs_the_captions_confirmation(editor):
    data = film_form(sources=[{"external_url": "https://vimeo.com/123456"}])
    response = editor.post(FILM_ADD, data)
    assert response.status_code == 200
    assert german(NOT_CONFIRMED) in (response.content.decode())
    assert not Film.objects.filter(title="Testfilm").exists()
    data["host_captions_confirmed"] = "on"
    assert editor.post(FILM_ADD, data).status_code == 302
    assert Film.objects.get(title="Testfilm").live


def test_publishing_a_film_from_code_is_refused_without_captions(german_locale):
    from django.core.exceptions import ValidationError

    from home.models import FilmSource

    film = Film(locale=german_locale, title="Ohne", description="x", duration=1, transcript="Text.")
    film.sources = [FilmSource(language="de", external_url="https://vimeo.com/1")]
    film.live = False
    film.save()
    with pytest.raises(ValidationError):
        film.save_revision().publish()
    film.refresh_from_db()
    assert not film.live


@pytest.fixture
def german_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="de")


# --- Pages -----------------------------------------------------------------------------


def event_data(event, **overrides):
    data = {
        "title": event.title,
        "slug": event.slug,
        "start": "2030-06-01 10:00",
        "end": "2030-06-01 12:00",
        "status": "scheduled",
        "attendance": "in-person",
        "venue_name": "Saal",
        "venue_address": "Straße 1, 03046 Cottbus",
        "teaser": "Kurz.",
        "free_of_charge": "on",
        "hero_image": str(event.hero_image_id or ""),
        "search_description": "",
        "agenda": streamfield([]),
        "related_pages": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({k: v for k, v in data.items() if v is not None})


@pytest.fixture
def event():
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    page = EventPageFactory(parent=index, start=None, end=None, live=False)
    page.start = datetime.datetime(2030, 6, 1, 8, tzinfo=datetime.UTC)
    page.end = page.start + datetime.timedelta(hours=2)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def edit(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_event_without_a_date_is_not_published(editor, event):
    before = page_state(event)
    response = edit(editor, event, event_data(event, start="", end=""))
    assert response.status_code == 200
    form = response.context["form"]
    # The form's own "required" message, next to the start field, in German
    assert form.errors["start"] == ["Dieses Feld muss ausgefüllt werden."]
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert page_state(event) == before
    assert EventPage.objects.get(pk=event.pk).start is not None


def test_search_description_longer_than_shown_is_not_published(editor, event):
    before = page_state(event)
    long_text = ("Lausitz " * 30).strip()
    response = edit(editor, event, event_data(event, search_description=long_text))
    assert response.status_code == 200
    errors = response.context["form"].errors["search_description"]
    assert german(TOO_LONG) in errors[0]
    assert str(SEARCH_DESCRIPTION_MAX) in errors[0]
    assert page_state(event) == before
    # the same text can be kept in a draft: nothing typed is lost
    draft = event_data(event, search_description=long_text)
    draft.pop("action-publish")
    assert edit(editor, event, draft).status_code == 302
    event.refresh_from_db()
    assert event.live_revision_id == before[1]
    assert event.get_latest_revision_as_object().search_description == long_text


def test_hero_image_smaller_than_the_minimum_is_not_published(editor, event):
    small = ImageFactory(file__width=800, file__height=450)
    before = page_state(event)
    response = edit(editor, event, event_data(event, hero_image=str(small.pk)))
    assert response.status_code == 200
    errors = response.context["form"].errors["hero_image"]
    assert german(HERO_TOO_SMALL) in errors[0]
    assert "800 × 450" in errors[0]
    assert page_state(event) == before


def test_valid_event_is_published(editor, event):
    response = edit(editor, event, event_data(event, teaser="Neu und kurz."))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.live and event.teaser == "Neu und kurz."
