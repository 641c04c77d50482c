"""Site settings feed the footer; legal links point at the current language's live pages."""

import pytest

from tests.helpers import parse_links

pytestmark = pytest.mark.django_db


def footer(html):
    return html[html.index('<footer class="site-footer"') :]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/de/", ["/de/impressum/", "/de/datenschutz/", "/de/barrierefreiheit/"]),
        ("/en/", ["/en/legal-notice/", "/en/privacy/", "/en/accessibility/"]),
    ],
)
def test_footer_links_legal_pages_in_the_current_language(client, url, expected):
    html = footer(client.get(url).content.decode())
    hrefs = [a["href"] for a in parse_links(html).anchors]
    for href in expected:
        assert href in hrefs
    assert "Lausitz-Entwicklungsagentur (Demo)" in html
    assert 'href="mailto:kontakt@example.org"' in html
    assert 'href="tel:+49355000000"' in html


def test_footer_leaves_out_a_legal_page_without_live_translation(client, english):
    from wagtail.models import Page

    Page.objects.get(slug="privacy", locale=english).unpublish()
    hrefs = [a["href"] for a in parse_links(footer(client.get("/en/").content.decode())).anchors]
    assert "/en/privacy/" not in hrefs and "/de/datenschutz/" not in hrefs
    assert "/en/legal-notice/" in hrefs


def test_hero_image_has_translated_alt_text_and_high_priority(client):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'alt="Windräder auf einem Hügel über einem gefluteten Tagebausee im Sommer"' in german
    assert 'alt="Wind turbines on a hill above a flooded former open-cast mine in summer"' in (
        english
    )
    assert 'fetchpriority="high"' in german
