"""Publishing rules hold in wagtail-localize's translation editor: a reviewer's Publish is
refused with the rule's own message (not "New validation errors were found"), and nothing
goes live. A control shows that a translation meeting the rules is published."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.films.tasks import run
from home.models import Film, FilmCaptionTrack, FilmEncoding, FilmSource
from news.models import EventIndexPage, EventPage
from tests import film_files
from tests.factories.events import EventPageFactory
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def german(msgid):
    with translation.override("de"):
        return translation.gettext(msgid)


def publish_in_translation_editor(client, url, capture):
    with capture(execute=True):
        response = client.post(url, {"action": "publish"})
    return response, [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def uncaptioned_film_translation(settings, tmp_path):
    """A German draft film (self-hosted, no captions yet) translated into an English draft."""
    settings.MEDIA_ROOT = tmp_path
    german_locale = Locale.objects.get(language_code="de")
    film = Film(
        locale=german_locale,
        title="Ohne Untertitel",
        description="Ein Film.",
        duration=1,
        transcript="Ein grünes Bild.",
        live=False,
    )
    film.sources = [
        FilmSource(language="de", file=ContentFile(film_files.mp4_h264_aac(), name="f.mp4"))
    ]
    film.save()
    # Its video processed, as the worker would: only the captions are missing.
    run(FilmEncoding.objects.get(master=film.sources.get().file.name).pk)
    film.save_revision()
    english = translate_with_localize(film, publish=False)
    assert not english.live
    return film, english


def test_film_without_captions_is_not_published_from_the_translation_editor(
    reviewer, uncaptioned_film_translation, django_capture_on_commit_callbacks
):
    film, english = uncaptioned_film_translation
    url = reverse("wagtailsnippets_home_film:edit", args=[english.pk])
    response, messages = publish_in_translation_editor(
        reviewer, url, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    expected = german("Not published: %(problem)s") % {
        "problem": german(
            "The %(language)s version has no captions. Add a caption track of the kind "
            "“Captions” in %(language)s (a WebVTT file) before publishing, so that people who "
            "cannot hear the film can follow it."
        )
        % {"language": "Deutsch"}
    }
    assert expected in messages, messages
    assert not any("New validation errors" in m or "Validierungsfehler" in m for m in messages)
    english.refresh_from_db()
    assert not english.live and english.live_revision_id is None

    # Control: once the German film has its captions and is synced, the reviewer publishes.
    FilmCaptionTrack.objects.create(
        film=film,
        language="de",
        kind="captions",
        file=ContentFile(film_files.VALID_VTT, name="f.de.vtt"),
    )
    TranslationSource.objects.get(object_id=film.translation_key).update_from_db()
    response, messages = publish_in_translation_editor(
        reviewer, url, django_capture_on_commit_callbacks
    )
    english.refresh_from_db()
    assert english.live, messages


def test_event_without_a_date_is_not_published_from_the_translation_editor(
    reviewer, django_capture_on_commit_callbacks
):
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    event = EventPageFactory(parent=index)
    event.save_revision().publish()
    english = translate_with_localize(event, publish=False)
    # The German event loses its date (as a broken import or a shell edit could) and the
    # translation source is synced from it: the English translation would have no date.
    EventPage.objects.filter(pk=event.pk).update(start=None, end=None)
    TranslationSource.objects.get(object_id=event.translation_key).update_from_db()
    url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    response, messages = publish_in_translation_editor(
        reviewer, url, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert (
        german("Not published: %(problem)s")
        % {"problem": "Beginn: " + german("Please enter when the event starts.")}
        in messages
    ), messages
    english = EventPage.objects.get(pk=english.pk)
    assert not english.live and english.start is not None


def test_a_translator_who_may_not_publish_is_refused_by_permission_not_by_the_rules(
    translator, uncaptioned_film_translation, django_capture_on_commit_callbacks
):
    _film, english = uncaptioned_film_translation
    url = reverse("wagtailsnippets_home_film:edit", args=[english.pk])
    response, messages = publish_in_translation_editor(
        translator, url, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert not any(m.startswith("Nicht veröffentlicht") for m in messages), messages
    english.refresh_from_db()
    assert not english.live
