"""Film transcripts are searchable: a word only spoken in the film finds its film page."""

import pytest
from wagtail.models import Page

from tests.search.conftest import slugs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("/de/suche/?q=Sonnengelb", "hier-waechst-was"),
        ("/en/search/?q=sunny", "something-is-growing-here"),
    ],
)
def test_word_from_the_transcript_finds_the_film_page(client, url, slug):
    response = client.get(url)
    assert response.status_code == 200
    assert slug in slugs(response)


@pytest.mark.parametrize(
    ("language", "search", "slug"),
    [
        ("de", "/de/suche/?q=Tagebaurandkiefer", "hier-waechst-was"),
        ("en", "/en/search/?q=Pinewoodledger", "something-is-growing-here"),
    ],
)
def test_a_published_transcript_edit_is_found_at_once(client, language, search, slug):
    """Publishing a film re-indexes the pages that show it (the page itself is untouched)."""
    word = search.rsplit("=", 1)[1]
    film = Page.objects.get(slug=slug, locale__language_code=language).specific.film
    assert slug not in slugs(client.get(search))
    film.transcript = f"{film.transcript}\n{word}"
    film.save_revision().publish()
    assert slug in slugs(client.get(search))
