"""load_demo_content is idempotent: a second run creates and changes nothing."""

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.films.posters import COLLECTION_NAME
from home.models import (
    CustomImage,
    CustomRendition,
    Film,
    FilmCaptionTrack,
    FilmEncoding,
    FilmSource,
    SiteSettings,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "renditions": CustomRendition.objects.count(),
        "translation_sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "last_published": dict(Page.objects.values_list("pk", "last_published_at")),
        "settings": SiteSettings.objects.count(),
        "films": Film.objects.count(),
        "film_sources": FilmSource.objects.count(),
        "caption_tracks": FilmCaptionTrack.objects.count(),
        "film_files": sorted(
            name for name in FilmSource.objects.values_list("file", flat=True) if name
        ),
    }


def test_second_run_changes_nothing():
    before = snapshot()
    assert before["pages"] > 5 and before["translations"] > 0
    # Three demo films (campaign, YouTube, DGS), each also in English; where Polish is
    # configured, the two self-hosted ones in Polish too.
    polish = 2 if "pl" in dict(settings.LANGUAGES) else 0
    assert before["films"] == 6 + polish
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before


def test_demo_images_are_photo_sized_and_detailed():
    # The film's stills are the worker's poster candidates, sized like the demo master.
    for image in CustomImage.objects.exclude(collection__name=COLLECTION_NAME):
        assert image.width >= 1600, image.title
        # A flat gradient compresses to a few KB; a photo-like image does not.
        assert image.file.size > 150_000, image.title
        assert image.credit and image.description


def test_english_pages_are_real_wagtail_localize_translations():
    english_pages = Page.objects.filter(locale__language_code="en", depth__gt=1)
    assert english_pages.exists()
    for page in english_pages:
        source = TranslationSource.objects.get(object_id=page.translation_key)
        translation = Translation.objects.get(source=source, target_locale=page.locale)
        progress_total, progress_done = translation.get_progress()
        assert progress_total > 0 and progress_total == progress_done, page.title
        assert page.live


def test_demo_organisation_is_marked_fictional():
    site_settings = SiteSettings.objects.get()
    assert "Demo" in site_settings.organisation_name
    assert "fiktiv" in site_settings.postal_address
    assert site_settings.email.endswith("@example.org")


def test_demo_film_went_through_the_pipeline_and_has_captions_in_both_languages(settings):
    width, height, seconds = (
        int(n) for n in settings.PORTAL_DEMO_FILM.replace(":", "x").split("x")
    )
    source = FilmSource.objects.filter(file__contains="krasse-gegend").first()
    encoding = FilmEncoding.objects.get(master=source.file.name)
    assert encoding.status == FilmEncoding.Status.READY
    assert (encoding.width, encoding.height) == (width, height)
    assert encoding.duration == pytest.approx(seconds, abs=0.2)
    assert source.film.duration == seconds
    assert encoding.hls_master.endswith("master.m3u8") and encoding.mp4.endswith(".mp4")
    languages = set(source.film.caption_tracks.values_list("language", flat=True))
    assert languages == {code for code, _name in settings.LANGUAGES}


def test_the_sign_language_placeholder_is_small_and_labelled():
    """The start page's DGS slot holds a short, small placeholder that says what it is."""
    source = FilmSource.objects.filter(file__contains="dgs-platzhalter").first()
    encoding = FilmEncoding.objects.get(master=source.file.name)
    assert encoding.status == FilmEncoding.Status.READY
    assert encoding.height <= 360 and encoding.duration == pytest.approx(6, abs=0.2)
    assert "Platzhalter" in source.film.title and "kein echter" in source.film.credits
    languages = set(source.film.caption_tracks.values_list("language", flat=True))
    assert languages == {code for code, _name in settings.LANGUAGES}
