"""Every public URL has a language prefix; / redirects by Accept-Language; URL language and
page language always match. The tests iterate over ``settings.LANGUAGES``: a language added
by configuration is covered without a change here."""

import pytest
from django.conf import settings
from wagtail.models import Page

from home.demo.loader import HOME_DE
from tests.helpers import hreflangs, parse_links

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DEFAULT = f"/{settings.LANGUAGE_CODE}/"


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("", DEFAULT),
        *[(f"{code}-XX,{code};q=0.9", f"/{code}/") for code in LANGUAGES],
        ("fr, it;q=0.5", DEFAULT),
    ],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert not response.cookies, "the language must live in the URL, not in a cookie"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_pages_render_with_lang_hreflang_and_canonical(client, lang):
    home = Page.objects.get(depth=2, locale__language_code=lang).specific
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    parsed = parse_links(html)
    assert parsed.html_attrs["lang"] == lang
    assert home.headline in html
    alternates = hreflangs(html)
    for code in LANGUAGES:
        assert alternates[code].endswith(f"/{code}/")
    assert alternates["x-default"] == alternates[settings.LANGUAGE_CODE]
    canonical = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
    assert canonical == [alternates[lang]]
    assert canonical[0].startswith("http")


def test_english_pages_have_english_interface_and_german_pages_german(client):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Zum Inhalt springen" in german
    assert "Skip to content" in english


@pytest.mark.parametrize("lang", LANGUAGES)
def test_legal_pages_exist_in_every_language(client, lang):
    german = Page.objects.get(slug="impressum", locale__language_code=settings.LANGUAGE_CODE)
    page = german.get_translation(Page.objects.get(depth=2, locale__language_code=lang).locale)
    assert page.url.startswith(f"/{lang}/")
    assert client.get(page.url).status_code == 200


def test_english_url_never_serves_a_german_page_when_the_english_home_is_a_draft(client, home_en):
    home_en.unpublish()
    for url in ["/en/", "/en/impressum/", "/en/legal-notice/"]:
        # /en/impressum may redirect (wagtail-localize renamed the page from its German slug)
        response = client.get(url, follow=True)
        html = response.content.decode()
        assert all(hop.startswith("/en/") for hop, _status in response.redirect_chain)
        assert response.status_code == 404, url
        assert parse_links(html).html_attrs["lang"] == "en"
        assert HOME_DE["headline"] not in html
    # The English 404 offers the German page that Wagtail found for the URL.
    html = client.get("/en/").content.decode()
    assert 'href="/de/"' in html
    assert "not available in this language" in html


def test_german_url_with_english_slug_is_not_found(client):
    response = client.get("/de/legal-notice/")
    assert response.status_code == 404
    assert parse_links(response.content.decode()).html_attrs["lang"] == "de"


def test_unknown_english_url_gives_english_404(client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert parse_links(html).html_attrs["lang"] == "en"
    assert "Page not found" in html


def test_unprefixed_page_url_redirects_to_a_prefixed_one(client):
    response = client.get("/impressum/")
    assert response.status_code in (301, 302)
    assert response["Location"] == "/de/impressum/"
