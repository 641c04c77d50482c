"""Accessibility, privacy and legal promises that the served HTML must keep, page type by
page type in both languages (Django's test client on the demo content).

The browser tests (``tests/browser/test_accessibility.py``, ``test_keyboard.py``,
``test_privacy.py``) check what only a browser shows; these run without one.
"""

import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from home.demo.legal import DEMO_LEGAL_NOTE
from home.models import SiteSettings
from tests.site_pages import FORM_LABELS, LABELS, form_paths, path_and_status

pytestmark = pytest.mark.django_db

FOOTER_LINKS = {
    "de": ["/de/impressum/", "/de/datenschutz/", "/de/barrierefreiheit/"],
    "en": ["/en/legal-notice/", "/en/privacy/", "/en/accessibility/"],
}
REPORT_FORM = {"de": "/de/barriere-melden/", "en": "/en/report-a-barrier/"}
EASY_READ = {
    "de": ("/de/leichte-sprache/", "Leichte Sprache"),
    "en": ("/en/easy-read/", "Easy read"),
}


def soup_of(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("label", LABELS)
def test_page_structure_and_links_every_visitor_needs(client, label):
    path, status = path_and_status(label)
    response, soup = soup_of(client, path, status)
    language = path.split("/")[1]
    assert soup.html["lang"] == language
    assert len(soup.find_all("h1")) == 1
    skip = soup.find("a", class_="skip-link")
    assert skip["href"] == "#main" and soup.find("main", id="main") is not None
    assert [soup.find(tag) is not None for tag in ("header", "main", "footer")] == [True] * 3
    legal = soup.find("nav", class_="site-footer__legal")
    *pages, report = [a["href"] for a in legal.find_all("a")]
    assert pages == FOOTER_LINKS[language]
    # The barrier report form, told which page the visitor was on.
    assert report == f"{REPORT_FORM[language]}?{urlencode({'page': path.split('?')[0]})}"
    easy = soup.find("a", class_="easy-read-link")
    assert (easy["href"], easy.get_text(strip=True)) == EASY_READ[language]
    # No autoplay anywhere; every image says what it shows or is marked decorative (alt="").
    assert not soup.find(attrs={"autoplay": True})
    assert all(img.has_attr("alt") for img in soup.find_all("img"))
    # Headings never skip a level (h1 → h3 without an h2).
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("label", LABELS)
def test_anonymous_visitor_gets_no_cookie(client, label):
    path, status = path_and_status(label)
    response = client.get(path)
    assert response.status_code == status
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    assert client.cookies == {}


@pytest.mark.parametrize("label", FORM_LABELS)
def test_only_the_report_form_sets_a_cookie_and_only_the_csrf_cookie(client, label):
    """Opening the form is the one moment the site sets a cookie (the CSRF token its POST
    needs); its confirmation sets none."""
    path = dict(form_paths())[label]
    response = client.get(path)
    assert response.status_code == 200
    if label.startswith("report a barrier"):
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
        cookie = response.cookies[settings.CSRF_COOKIE_NAME]
        assert cookie["httponly"] and cookie["samesite"] == "Lax" and not cookie["max-age"]
    else:
        assert response.cookies == {} and "Set-Cookie" not in response.headers


@pytest.mark.parametrize("language", ["de", "en"])
def test_accessibility_statement_links_the_form_and_names_the_arbitration_body(client, language):
    path = FOOTER_LINKS[language][2]
    _, soup = soup_of(client, path)
    box = soup.find("section", class_="statement-feedback")
    assert box.find("a", class_="button")["href"].startswith(REPORT_FORM[language])
    arbitration = box.find("p", class_="arbitration").find("a")
    assert arbitration["href"] == SiteSettings.objects.get().arbitration_body_url
    # Only on the statement.
    _, impressum = soup_of(client, FOOTER_LINKS[language][0])
    assert impressum.find("section", class_="statement-feedback") is None


@pytest.mark.parametrize("language", ["de", "en"])
def test_legal_and_easy_read_pages_exist_live_and_marked_as_demo(client, language):
    note = DEMO_LEGAL_NOTE[0 if language == "de" else 1]
    for path in [*FOOTER_LINKS[language], EASY_READ[language][0]]:
        response, soup = soup_of(client, path)
        assert note in soup.find("main").get_text(" ", strip=True), path


def test_accessibility_statement_names_missing_sign_language_film_and_enforcement(client):
    _, soup = soup_of(client, "/de/barrierefreiheit/")
    text = soup.find("main").get_text(" ", strip=True)
    assert "keinen Film in Deutscher Gebärdensprache" in text
    assert "Durchsetzungsstelle für digitale Barrierefreiheit" in text
    link = soup.find("a", href=re.compile(r"^https://msgiv\.brandenburg\.de/.+durchsetzungsstelle"))
    assert link is not None and "Durchsetzungsstelle" in link.get_text()
    _, soup = soup_of(client, "/en/accessibility/")
    assert "no film in German Sign Language" in soup.find("main").get_text(" ", strip=True)


def test_privacy_statement_covers_cookies_logs_and_external_videos(client):
    _, soup = soup_of(client, "/en/privacy/")
    headings = [h.get_text(strip=True) for h in soup.find("main").find_all("h2")]
    assert {"No cookies, no tracking", "Server logs", "External videos"} <= set(headings)


@pytest.mark.parametrize(
    ("path", "heading"), [("/de/impressum/", "Anbieter"), ("/en/legal-notice/", "Provider")]
)
def test_impressum_shows_the_site_settings_in_both_languages(client, path, heading):
    site_settings = SiteSettings.objects.get()
    site_settings.organisation_name = "Musteragentur Niederlausitz (Test)"
    site_settings.represented_by = "Erika Beispiel (fiktiv)"
    site_settings.content_responsible = "Presseteam, Beispiel-Adresse 2, 03046 Cottbus"
    site_settings.save()
    _, soup = soup_of(client, path)
    details = soup.find("section", class_="provider-details")
    assert details.find("h2").get_text(strip=True) == heading
    text = details.get_text(" ", strip=True)
    for value in (
        "Musteragentur Niederlausitz (Test)",
        "Erika Beispiel (fiktiv)",
        "Presseteam, Beispiel-Adresse 2, 03046 Cottbus",
        site_settings.register_entry,
        site_settings.vat_id,
        site_settings.email,
        site_settings.phone,
    ):
        assert value in text


def test_provider_details_appear_on_the_impressum_only(client):
    for path in ("/de/datenschutz/", "/en/accessibility/", "/de/leichte-sprache/"):
        _, soup = soup_of(client, path)
        assert soup.find("section", class_="provider-details") is None, path


def test_english_quote_on_the_german_home_page_is_marked_english(client):
    _, soup = soup_of(client, "/de/")
    quote = soup.find("blockquote", lang="en")
    assert quote is not None and "stayed for a job" in quote.get_text()
    # The attribution is German and stays outside the English part.
    caption = quote.find_parent("figure").find("figcaption")
    assert caption.find_parent(attrs={"lang": "en"}) is None


@pytest.mark.parametrize(
    ("path", "heading", "easy_read", "facts"),
    [
        (
            "/de/",
            "Informationen in Deutscher Gebärdensprache (DGS)",
            "/de/leichte-sprache/",
            r"^\(MP4, [\d,]+\s(KB|MB), 0:\d\d Min\.\)$",
        ),
        (
            "/en/",
            "Information in German Sign Language (DGS)",
            "/en/easy-read/",
            r"^\(MP4, [\d.]+\s(KB|MB), 0:\d\d min\)$",
        ),
    ],
)
def test_the_start_page_explains_the_site_in_easy_read_and_sign_language(
    client, path, heading, easy_read, facts
):
    """BITV 2.0 § 4: on the start page, the Leichte Sprache page and the DGS film, which can
    be downloaded with its format, size and length shown."""
    import re

    _, soup = soup_of(client, path)
    section = soup.find("section", class_="accessible-info")
    assert section.find("a", href=easy_read) is not None
    part = section.find(id="sign-language")
    assert part.find("h3").get_text(strip=True) == heading
    assert part.find("video") is not None
    download = part.find(class_="film__download")
    link = download.find("a", download=True)
    assert link["download"].endswith(".mp4") and link["download"].isascii()
    assert re.match(facts, download.find(class_="film__download-facts").get_text(strip=True))
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "video/mp4"


def test_without_a_dgs_film_the_start_page_keeps_the_easy_read_part(client, home_de):
    type(home_de).objects.filter(locale__language_code__in=["de", "en"]).update(
        sign_language_film=None
    )
    _, soup = soup_of(client, "/de/")
    section = soup.find("section", class_="accessible-info")
    assert section.find("a", href="/de/leichte-sprache/") is not None
    assert section.find(id="sign-language") is None
    assert section.find("video") is None


def test_sign_language_film_is_kept_when_the_home_page_is_translated_again(
    home_de, home_en, django_capture_on_commit_callbacks
):
    """A DGS film is the same in every language: a sync copies it, nobody must translate it."""
    from wagtail_localize.models import Translation, TranslationSource

    from home.models import Film

    film = Film.objects.filter(live=True, locale=home_de.locale).first()
    home_de.sign_language_film = film
    home_de.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(home_de)
    translation = Translation.objects.get(source=source, target_locale=home_en.locale)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    home_en.refresh_from_db()
    assert home_en.sign_language_film_id == film.pk
