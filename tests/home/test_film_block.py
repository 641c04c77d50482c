"""A film in any page body (FilmBlock): the page's language decides the film's text, the
default caption track and nothing breaks when the film is a draft; and films go through
wagtail-localize with their sources and caption tracks synchronised, not translated."""

import uuid

import pytest
from bs4 import BeautifulSoup

from home.blocks import BaseStreamBlock
from home.models import Film, StandardPage
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def demo_film():
    return Film.objects.get(locale__language_code="de", title="Hier wächst was")


@pytest.fixture
def page_with_film(home_de):
    page = StandardPage(
        title="Pressemitteilung",
        slug="pressemitteilung",
        body=[{"type": "film", "value": {"film": demo_film().pk}}],
    )
    home_de.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_film_block_is_in_the_shared_library():
    assert "film" in BaseStreamBlock.base_blocks


def test_film_block_renders_poster_captions_and_transcript(client, page_with_film):
    html = BeautifulSoup(client.get("/de/pressemitteilung/").content, "html.parser")
    video = html.select_one(".stream video")
    assert video["poster"]
    default = [t["srclang"] for t in video.find_all("track") if t.has_attr("default")]
    assert default == ["de"]
    assert html.select_one(".stream details.film__transcript")
    assert html.select_one(".film__title").get_text() == "Hier wächst was"


def translate_published(source, capture):
    """wagtail-localize publishes in ``on_commit``: run those callbacks inside the test."""
    with capture(execute=True):
        target = translate_with_localize(source)
    target.refresh_from_db()
    return target


def test_translated_page_shows_the_english_film(
    client, page_with_film, django_capture_on_commit_callbacks
):
    english = translate_published(page_with_film, django_capture_on_commit_callbacks)
    response = client.get(english.url)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".film__title").get_text() == "Something is growing here"
    default = [t["srclang"] for t in html.select(".stream track") if t.has_attr("default")]
    assert default == ["en"]


def test_english_page_falls_back_to_the_live_original_when_the_english_film_is_a_draft(
    client, page_with_film, django_capture_on_commit_callbacks
):
    english = translate_published(page_with_film, django_capture_on_commit_callbacks)
    Film.objects.filter(locale__language_code="en", title="Something is growing here").update(
        live=False
    )
    html = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert html.select_one(".film__title").get_text() == "Hier wächst was"
    default = [t["srclang"] for t in html.select(".stream track") if t.has_attr("default")]
    assert default == ["en"], "captions still follow the page's language"


def test_film_translation_synchronises_sources_and_tracks(
    german, django_capture_on_commit_callbacks
):
    original = demo_film()
    film = Film.objects.get(pk=original.pk)
    film.pk = None
    film.id = None
    film.translation_key = uuid.uuid4()
    film.title = "Zweiter Film"
    film.sources = [type(s)(language=s.language, file=s.file.name) for s in original.sources.all()]
    film.caption_tracks = [
        type(t)(language=t.language, kind=t.kind, file=t.file.name)
        for t in original.caption_tracks.all()
    ]
    film.save()
    film.save_revision().publish()
    english = translate_published(film, django_capture_on_commit_callbacks)
    assert english.live and english.locale.language_code == "en"
    assert english.title == "EN Zweiter Film"
    assert [s.file.name for s in english.sources.all()] == [s.file.name for s in film.sources.all()]
    assert sorted(english.caption_tracks.values_list("language", "kind")) == sorted(
        original.caption_tracks.values_list("language", "kind")
    )
