"""In Chromium, with the keyboard only: skip link, main menu, Leichte Sprache link, language
switcher, transcript and both kinds of film are reached with Tab and work with Enter/Space.

Nothing is clicked or focused by script: every step is a key press, as for a visitor who
cannot use a mouse. Requests to other hosts are aborted (the external film's player).
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.test_films import EXTERNAL, FILMS, wait_until

pytestmark = pytest.mark.browser

ACTIVE = (
    "() => { const el = document.activeElement;"
    " return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim(),"
    " href: el.getAttribute('href'), inside: el.closest('nav, header, main, footer')"
    " ?.getAttribute('aria-label') || el.closest('nav, header, main, footer')?.tagName}; }"
)


@pytest.fixture
def local_only(page):
    foreign = []

    def route(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return foreign


def tab_to(page, matches, limit=60):
    """Press Tab until the focused element satisfies ``matches``; returns what is focused."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if matches(active):
            return active
    raise AssertionError(f"not reachable with {limit} Tab presses")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(demo_server, page):
    page.goto(f"{demo_server}/de/")
    page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE)
    assert (active["text"], active["href"]) == ("Zum Inhalt springen", "#main")
    # Visible when focused: it slides in over 0.15 s (no motion when the visitor asks for
    # less), so wait for the slide to end instead of measuring it half-way.
    wait_until(page, "document.querySelector('.skip-link').getBoundingClientRect().top >= 0", 2)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_main_menu_link_opens_with_enter(demo_server, page):
    """Links follow on Enter (Space scrolls the page, by the browser's design)."""
    page.goto(f"{demo_server}/de/")
    active = tab_to(page, lambda a: a["inside"] == "Hauptmenü" and a["text"] == "Aktuelles")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_server}{active['href']}")
    assert page.locator("h1").inner_text() == "Aktuelles"


def test_language_switcher_and_easy_read_link_work_with_the_keyboard(demo_server, page):
    page.goto(f"{demo_server}/de/")
    tab_to(page, lambda a: a["text"] == "Leichte Sprache")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_server}/de/leichte-sprache/")
    tab_to(page, lambda a: a["inside"] == "Sprache" and a["text"] == "English")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{demo_server}/en/easy-read/")
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_transcript_opens_with_enter_or_space(demo_server, page, local_only, key):
    page.goto(demo_server + FILMS["de"])
    tab_to(page, lambda a: a["tag"] == "SUMMARY")
    page.keyboard.press(key)
    assert page.evaluate("document.querySelector('details.film__transcript').open")


@pytest.mark.parametrize("key", ["Space", "Enter"])
def test_self_hosted_film_is_reached_with_tab_and_plays_with_the_keyboard(
    demo_server, page, local_only, key
):
    """The film's own play button (named after the film) stands in for the video's controls
    until the film first plays; then focus is on the video, whose controls take over."""
    page.goto(demo_server + FILMS["de"])
    active = tab_to(page, lambda a: a["tag"] in ("BUTTON", "VIDEO") and "Hier" in a["text"])
    assert (active["tag"], active["text"]) == ("BUTTON", "„Hier wächst was“ abspielen")
    page.keyboard.press(key)
    wait_until(page, "document.querySelector('video').currentTime > 0.3")
    assert page.evaluate("document.activeElement.tagName") == "VIDEO"
    assert page.evaluate("document.querySelector('video').controls")
    page.keyboard.press("Space")
    wait_until(page, "document.querySelector('video').paused")
    assert local_only == []


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_external_film_button_loads_the_player_only_on_a_key_press(
    demo_server, page, local_only, key
):
    page.goto(demo_server + EXTERNAL["en"])
    active = tab_to(page, lambda a: a["tag"] == "BUTTON" and a["text"].startswith("Play"))
    assert "YouTube" in active["text"] or "Vimeo" in active["text"]
    assert local_only == [] and page.locator("iframe").count() == 0
    page.keyboard.press(key)
    page.locator("iframe.film__iframe").wait_for(state="attached")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    for _ in range(50):  # the provider is asked only now (and the request is aborted)
        if local_only:
            break
        page.wait_for_timeout(100)
    assert local_only and all("youtube" in url or "vimeo" in url for url in local_only)


FOCUS_RING = (
    "() => { const s = getComputedStyle(document.activeElement);"
    " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
)


@pytest.mark.parametrize("path", ["/de/", FILMS["en"], "/en/search/?q=Lusatia"])
def test_every_tab_stop_shows_a_visible_focus_ring(demo_server, page, local_only, path):
    page.goto(demo_server + path)
    rings = []
    for _ in range(25):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        rings.append(page.evaluate(FOCUS_RING))
    assert len(rings) >= 10
    assert [r for r in rings if r[1:] != ["solid", "3px"]] == []
