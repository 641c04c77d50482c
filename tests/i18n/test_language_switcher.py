"""The switcher links to the live translation, or says plainly that there is none."""

import pytest
from django.conf import settings
from wagtail.models import Page

from tests.factories.pages import StandardPageFactory
from tests.helpers import hreflangs, parse_links, translate_with_localize

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def homes_except(*codes) -> list[str]:
    """The home pages of every configured language but ``codes``, in settings order: where
    the switcher sends a visitor from a page that has no translation."""
    return [f"/{code}/" for code in LANGUAGES if code not in codes]


def impressum_except(*codes) -> list[tuple[str, str]]:
    """(address, language) of Impressum in every configured language but ``codes``."""
    german = Page.objects.get(slug="impressum", locale__language_code=settings.LANGUAGE_CODE)
    versions = {p.locale.language_code: p.url for p in german.get_translations(inclusive=True)}
    return [(versions[code], code) for code in LANGUAGES if code not in codes]


def switcher_links(html):
    start = html.index('class="language-switcher"')
    section = html[start : html.index("</nav>", start)]
    return section, [a for a in parse_links(section).anchors if "hreflang" in a]


def test_switcher_links_to_the_live_translation(client):
    section, links = switcher_links(client.get("/de/impressum/").content.decode())
    assert [(a["href"], a["hreflang"]) for a in links] == impressum_except("de")
    assert ("/en/legal-notice/", "en") in impressum_except("de")
    assert "only available" not in section
    section, links = switcher_links(client.get("/en/legal-notice/").content.decode())
    assert [(a["href"], a["hreflang"]) for a in links] == impressum_except("en")


def test_switcher_on_a_german_only_page_points_to_the_english_home_and_says_so(client, home_de):
    page = StandardPageFactory(parent=home_de, title="Nur Deutsch", slug="nur-deutsch")
    html = client.get("/de/nur-deutsch/").content.decode()
    section, links = switcher_links(html)
    assert [a["href"] for a in links] == homes_except("de")
    assert "This page is only available in German" in section
    assert set(hreflangs(html)) == {"de", "x-default"}
    assert page.live


def test_a_draft_english_translation_counts_as_missing(
    client, home_de, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_de, title="Entwurf", slug="entwurf")
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_with_localize(page, publish=False)
    assert english is not None and not english.live
    html = client.get("/de/entwurf/").content.decode()
    section, links = switcher_links(html)
    assert [a["href"] for a in links] == homes_except("de")
    assert "This page is only available in German" in section
    assert "en" not in hreflangs(html)
    # The draft itself is not reachable under its English URL.
    assert client.get(english.url_path.replace("/home/", "/en/", 1)).status_code == 404


def test_english_only_page_says_so_in_german(client, home_en):
    StandardPageFactory(parent=home_en, title="English only", slug="english-only")
    section, links = switcher_links(client.get("/en/english-only/").content.decode())
    assert [a["href"] for a in links] == homes_except("en")
    assert "Diese Seite gibt es nur auf Englisch" in section


def test_switcher_on_404_page_links_to_other_home(client):
    section, links = switcher_links(client.get("/de/gibt-es-nicht/").content.decode())
    assert [a["href"] for a in links] == homes_except("de")


def test_view_restricted_pages_are_not_offered_as_translations(client, home_de, english):
    from wagtail.models import PageViewRestriction

    from home.i18n import live_public_pages

    legal_en = Page.objects.get(slug="legal-notice", locale=english)
    PageViewRestriction.objects.create(page=legal_en, restriction_type="login")
    child = StandardPageFactory(parent=legal_en, title="Unterseite", slug="unterseite")
    public_ids = set(live_public_pages().values_list("pk", flat=True))
    assert legal_en.pk not in public_ids and child.pk not in public_ids
    assert home_de.pk in public_ids
    section, links = switcher_links(client.get("/de/impressum/").content.decode())
    # The English Impressum is restricted: its place goes to the English home page.
    expected = [url if code != "en" else "/en/" for url, code in impressum_except("de")]
    assert [a["href"] for a in links] == expected
