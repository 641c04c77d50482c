"""In Chromium, with more events than fit a screen (issue 31): the event index pages through
its upcoming events by a link and by keyboard, and axe finds nothing on either screen,
nor on a search whose results fill several screens."""

import pytest

from tests.browser.conftest import run_on_demo_site
from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

# Bulk inserts send no signals: the page cache is told itself (``invalidate``).
GENERATOR = (
    "import importlib.util; from portal.caching.generation import invalidate; "
    "spec = importlib.util.spec_from_file_location('scale', 'bench/scale_content.py'); "
    "scale = importlib.util.module_from_spec(spec); spec.loader.exec_module(scale); "
)


@pytest.fixture(scope="module")
def many_events(demo_server):
    """60 generated events in both languages (a third or so still to come), removed after."""
    run_on_demo_site(GENERATOR + "scale.generate(articles=15, events=60); invalidate(); print(1)")
    yield
    run_on_demo_site(GENERATOR + "print(scale.remove()); invalidate()")


def test_upcoming_events_page_through_by_link_and_keyboard(demo_server, page, many_events):
    page.goto(f"{demo_server}/de/veranstaltungen/")
    upcoming = page.locator('section[aria-labelledby="upcoming-heading"]')
    first_screen = upcoming.locator(".cards h3").all_inner_texts()
    assert len(first_screen) == 10
    pages_nav = page.get_by_role("navigation", name="Seiten der kommenden Veranstaltungen")
    later = pages_nav.get_by_role("link", name="Spätere Termine")
    later.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/veranstaltungen/?upcoming=2")
    second_screen = upcoming.locator(".cards h3").all_inner_texts()
    assert second_screen and not set(second_screen) & set(first_screen)
    assert "Seite 2 von" in pages_nav.inner_text()
    pages_nav.get_by_role("link", name="Frühere Termine").click()
    page.wait_for_url("**/veranstaltungen/?upcoming=1")
    assert upcoming.locator(".cards h3").all_inner_texts() == first_screen


@pytest.mark.parametrize(
    "path",
    ["/de/veranstaltungen/", "/de/veranstaltungen/?upcoming=2", "/en/events/?upcoming=2"],
)
def test_axe_finds_nothing_on_screens_of_many_events(
    demo_server,
    page,
    many_events,
    axe_source,
    path,
):
    assert page.goto(demo_server + path).status == 200
    result = run_axe(page, axe_source)
    assert describe(path, result["violations"]) == []


def test_axe_finds_nothing_on_a_search_of_several_screens(
    demo_server,
    page,
    many_events,
    axe_source,
):
    path = "/de/suche/?q=Skalentest&page=2"
    assert page.goto(demo_server + path).status == 200
    assert "Seite 2 von" in page.inner_text(".pagination")
    assert describe(path, run_axe(page, axe_source)["violations"]) == []
