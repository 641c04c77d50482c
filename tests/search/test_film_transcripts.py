"""Film transcripts are searchable: a word only spoken in the film finds its film page."""

import pytest

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
