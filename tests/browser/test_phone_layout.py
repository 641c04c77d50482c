"""In Chromium at 390, 768 and 1280 px: no page type is wider than the window, in German and
English, even with long compounds and unbroken strings (issue 27).

German builds long compounds ("Fachkräftesicherungsstrategie"), and editors paste links and
identifiers without spaces. Neither may widen a page beyond the screen: text wraps, and
breaks inside a word where it must (``overflow-wrap: anywhere``; hyphens where the browser
has a dictionary).
"""

import pytest

from tests.browser.conftest import run_on_demo_site

pytestmark = pytest.mark.browser

COMPOUND = "Fachkräftesicherungsstrategieentwicklungsprogrammbegleitausschuss"
UNBROKEN = "https://example.org/" + "x" * 180
WIDTHS = (390, 768, 1280)

LONG_CONTENT = f"""
from wagtail.models import Page
from wagtail.rich_text import RichText
from news.models import NewsPage, EventPage

for slug, title in (("lange-woerter", "{COMPOUND} im {COMPOUND}"),
                    ("long-words", "The {COMPOUND} of the {COMPOUND}")):
    if not NewsPage.objects.filter(slug=slug).exists():
        language = "de" if slug == "lange-woerter" else "en"
        index = Page.objects.get(depth=3, slug="aktuelles" if language == "de" else "news",
                                 locale__language_code=language)
        article = NewsPage(title=title, slug=slug, teaser="{UNBROKEN}",
                           body=[("paragraph", RichText("<p>{COMPOUND} {UNBROKEN}</p>"))],
                           source_line="{UNBROKEN}")
        index.add_child(instance=article)
        article.save_revision().publish()
event = EventPage.objects.filter(locale__language_code="de").order_by("path").first()
event.venue_name = "{COMPOUND}"
event.save_revision().publish()
"""


@pytest.fixture(scope="module")
def long_words(demo_server):
    run_on_demo_site(LONG_CONTENT)
    return demo_server


PAGES = [
    "/de/",
    "/de/aktuelles/",
    "/de/aktuelles/lange-woerter/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/informations-und-diskussionstag-strukturentwicklung/",
    "/de/krasse-gegend/",
    "/de/krasse-gegend/hier-waechst-was/",
    "/de/impressum/",
    f"/de/suche/?q={COMPOUND}",
    "/de/gibt-es-nicht/",
    "/en/",
    "/en/news/",
    "/en/news/long-words/",
    "/en/events/",
    "/en/krasse-gegend/something-is-growing-here/",
    "/en/legal-notice/",
    "/en/search/?q=Lausitz",
]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window(long_words, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    too_wide = []
    for path in PAGES:
        tab.goto(long_words + path)
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide.append(f"{path}: {scroll_width} px")
    context.close()
    assert not too_wide, f"wider than {width} px: {too_wide}"


def test_the_long_compound_is_on_the_article_page(long_words, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(long_words + "/de/aktuelles/lange-woerter/")
    assert COMPOUND in page.locator("h1").inner_text().replace("\\u00ad", "")
