"""Every public URL has a language prefix; / redirects by Accept-Language; URL language and
page language always match."""

import pytest

from home.demo.loader import HOME_DE, HOME_EN
from tests.helpers import hreflangs, parse_links

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("", "/de/"), ("de-DE,de;q=0.9", "/de/"), ("en-GB,en;q=0.8", "/en/"), ("fr, pl", "/de/")],
)
def test_root_redirects_to_the_visitors_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert not response.cookies, "the language must live in the URL, not in a cookie"


@pytest.mark.parametrize(
    ("url", "lang", "headline"),
    [("/de/", "de", HOME_DE["headline"]), ("/en/", "en", HOME_EN[HOME_DE["headline"]])],
)
def test_home_pages_render_with_lang_hreflang_and_canonical(client, url, lang, headline):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    parsed = parse_links(html)
    assert parsed.html_attrs["lang"] == lang
    assert headline in html
    alternates = hreflangs(html)
    assert alternates["de"].endswith("/de/")
    assert alternates["en"].endswith("/en/")
    assert alternates["x-default"] == alternates["de"]
    canonical = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
    assert canonical == [alternates[lang]]
    assert canonical[0].startswith("http")


def test_english_pages_have_english_interface_and_german_pages_german(client):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Zum Inhalt springen" in german
    assert "Skip to content" in english


@pytest.mark.parametrize("url", ["/de/impressum/", "/en/legal-notice/"])
def test_legal_pages_exist_in_both_languages(client, url):
    assert client.get(url).status_code == 200


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
