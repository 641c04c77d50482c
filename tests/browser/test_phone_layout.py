"""In Chromium at 390, 768 and 1280 px: no page type is wider than the window, in German and
English, even with long compounds and unbroken strings; on a phone the header takes at most
a fifth of the first screen, its menu folded into a toggle that needs no JavaScript
(issue 27).

German builds long compounds ("Fachkräftesicherungsstrategie"), and editors paste links and
identifiers without spaces. Neither may widen a page beyond the screen: text wraps, and
breaks inside a word where it must (``overflow-wrap: anywhere``; hyphens where the browser
has a dictionary).
"""

import json

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


# Beside every page type and form of tests/site_pages.py in both languages: the articles
# and the search with the long words.
LONG_WORD_PAGES = [
    "/de/aktuelles/lange-woerter/",
    "/en/news/long-words/",
    f"/de/suche/?q={COMPOUND}",
]


# Asked of the demo server's own database (not the test database: a ``db`` fixture would
# make pytest-django run these tests before the others, whose demo content they change).
EVERY_PAGE = """
import json
from tests.site_pages import form_paths, public_paths
print(json.dumps([path for _label, path, _status in public_paths()]
                 + [path for _label, path in form_paths()]))
"""


@pytest.fixture(scope="module")
def every_page(long_words):
    return [*json.loads(run_on_demo_site(EVERY_PAGE)), *LONG_WORD_PAGES]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window(long_words, every_page, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    too_wide, too_high = [], []
    for path in every_page:
        tab.goto(long_words + path)
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide.append(f"{path}: {scroll_width} px")
        if width == 390 and tab.locator(".site-header").count():  # 404 has none
            header = tab.locator(".site-header").bounding_box()["height"]
            if header > 0.2 * 844:
                too_high.append(f"{path}: {header} px")
    context.close()
    assert not too_wide, f"wider than {width} px: {too_wide}"
    assert not too_high, f"header higher than a fifth of 390 × 844: {too_high}"


def test_the_long_compound_is_on_the_article_page(long_words, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(long_words + "/de/aktuelles/lange-woerter/")
    assert COMPOUND in page.locator("h1").inner_text().replace("\\u00ad", "")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_phone_header_is_compact_and_its_menu_opens(demo_server, browser, language, javascript):
    """At 390 × 844 the header takes at most a fifth of the first screen; the menu, the
    search and Leichte Sprache are behind one toggle that works without JavaScript."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    tab = context.new_page()
    tab.goto(f"{demo_server}/{language}/")
    header = tab.locator(".site-header").bounding_box()
    assert header["height"] <= 0.2 * 844, f"header is {header['height']} px high"
    menu_name = "Hauptmenü" if language == "de" else "Main menu"
    navigation = tab.get_by_role("navigation", name=menu_name)
    assert not navigation.is_visible()
    toggle = tab.locator(".site-menu__toggle")
    assert toggle.inner_text().strip() == ("Menü" if language == "de" else "Menu")
    toggle.click()
    assert navigation.is_visible()
    assert tab.get_by_role("searchbox").is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_the_menu_is_always_shown_on_a_wide_screen(demo_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{demo_server}/de/")
    assert not page.locator(".site-menu__toggle").is_visible()
    navigation = page.get_by_role("navigation", name="Hauptmenü")
    assert navigation.is_visible()
    navigation.get_by_role("link", name="Aktuelles").click()
    page.wait_for_url(f"{demo_server}/de/aktuelles/")
    assert page.get_by_role("searchbox").is_visible()
