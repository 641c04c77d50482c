"""Polish, the third language, as the demo has it: its pages answer in Polish with a Polish
interface, the campaign film plays with Polish captions by default, and search uses the
unstemmed configuration PostgreSQL has for a language without a stemmer."""

import pytest
from django.conf import settings
from wagtail.models import Page

from home.search.backend import LocalizedPostgresSearchBackend
from tests.helpers import hreflangs, parse_links

pytestmark = pytest.mark.django_db

POLISH_PAGES = ["krasse-gegend", "hier-waechst-was", "impressum", "datenschutz"]


def polish(slug: str) -> Page:
    german = Page.objects.get(slug=slug, locale__language_code="de")
    return german.get_translation(Page.objects.get(depth=2, locale__language_code="pl").locale)


def test_polish_is_configured_with_its_own_roles_and_search():
    assert "pl" in dict(settings.LANGUAGES)
    assert "pl" in settings.PORTAL_TRANSLATION_LANGUAGES
    # Without a Polish stemmer the backend indexes and searches Polish unstemmed.
    backend = LocalizedPostgresSearchBackend({})
    assert backend.config_for_language("pl") == "simple"
    assert backend.config_for_language("de") == "german"
    configured = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIGS")
    if configured is not None:  # PostgreSQL
        assert configured["pl"] == "simple"


@pytest.mark.parametrize("slug", POLISH_PAGES)
def test_polish_pages_answer_in_polish(client, slug):
    page = polish(slug)
    assert page.live and page.url.startswith("/pl/")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert parse_links(html).html_attrs["lang"] == "pl"
    assert set(hreflangs(html)) >= {"de", "en", "pl"}
    assert "Przejdź do treści" in html  # the skip link, from the Polish interface catalogue


def test_the_campaign_film_plays_with_polish_captions_by_default(client):
    html = client.get(polish("hier-waechst-was").url).content.decode()
    tracks = [line for line in html.splitlines() if "<track" in line]
    assert any('srclang="pl"' in track and " default" in track for track in tracks), tracks
    assert not any('srclang="de"' in track and " default" in track for track in tracks)


def test_polish_has_its_sitemap_and_events_api(client):
    sitemap = client.get("/pl/sitemap-pages.xml")
    assert sitemap.status_code == 200
    assert polish("impressum").url in sitemap.content.decode()
    api = client.get("/pl/api/events/")
    assert api.status_code == 200 and api["Content-Type"].startswith("application/")
    assert api.json()["items"] == []  # the demo has no Polish events; English has
    assert client.get("/en/api/events/").json()["count"] > 0
