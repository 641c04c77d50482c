"""In Chromium: the self-hosted film plays (started with the keyboard, or a tap anywhere on
its poster on a phone), captions follow the page's language, seeking works (HTTP Range), an
external film contacts nobody before the click and its play button is legible. Every
request to another host is aborted, so nothing reaches the internet."""

import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser


def wait_until(page, expression, timeout=15.0):
    """Poll ``expression`` from Python. Playwright's ``wait_for_function`` evaluates its
    predicate with ``eval`` inside the page, which the portal's CSP (no 'unsafe-eval')
    rightly blocks; ``page.evaluate`` runs through the debugging protocol instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"timed out waiting for {expression}")


FILMS = {
    "de": "/de/krasse-gegend/hier-waechst-was/",
    "en": "/en/krasse-gegend/something-is-growing-here/",
}
EXTERNAL = {
    "de": "/de/krasse-gegend/stimmen-aus-der-region/",
    "en": "/en/krasse-gegend/voices-from-the-region/",
}
# The middle title card's caption: the demo film's cues split it 30 / 32 / 38 % (whatever its
# length: the tests' small master, or make prod's 20-second one).
MIDDLE_CUE = {
    "de": "Krasse Gegend – Seen, Wald und Platz für Ideen.",
    "en": "Quite a place – lakes, forest and room for ideas.",
}

TRACKS_JS = """() => Array.from(document.querySelector('video').textTracks).map(t => ({
    language: t.language, mode: t.mode,
    isDefault: document.querySelector(`track[srclang="${t.language}"]`).default}))"""


def abort_other_hosts(tab):
    tab.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )


@pytest.fixture
def local_only(page):
    """Record every request; abort any that would leave 127.0.0.1."""
    requests = []

    def route(route):
        requests.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    page.route("**/*", route)
    return requests


@pytest.mark.parametrize("language", ["de", "en"])
def test_film_plays_from_the_keyboard_with_the_page_languages_captions(
    demo_server, page, local_only, language
):
    page.goto(demo_server + FILMS[language])
    page.locator("[data-film-start]").focus()
    page.keyboard.press("Space")
    wait_until(page, "document.querySelector('video').currentTime > 0.5")
    assert not page.evaluate("document.querySelector('video').paused")
    tracks = page.evaluate(TRACKS_JS)
    assert {t["language"] for t in tracks} == {code for code, _name in settings.LANGUAGES}
    showing = [t["language"] for t in tracks if t["mode"] == "showing"]
    default = [t["language"] for t in tracks if t["isDefault"]]
    assert showing == default == [language]
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in local_only)


@pytest.mark.parametrize("language", ["de", "en"])
def test_seeking_to_the_middle_shows_the_cue_there(demo_server, page, local_only, language):
    page.goto(demo_server + FILMS[language])
    page.locator("[data-film-start]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('video').currentTime > 0")
    cue = page.evaluate(
        """() => new Promise(resolve => {
            const video = document.querySelector('video');
            video.pause();
            video.addEventListener('seeked', () => {
                const track = Array.from(video.textTracks).find(t => t.mode === 'showing');
                const read = () => track.activeCues && track.activeCues.length
                    ? resolve({time: video.currentTime, text: track.activeCues[0].text})
                    : setTimeout(read, 50);
                read();
            }, {once: true});
            video.currentTime = video.duration * 0.46;
        })"""
    )
    duration = page.evaluate("document.querySelector('video').duration")
    assert cue["time"] == pytest.approx(duration * 0.46, abs=0.3)
    assert cue["text"] == MIDDLE_CUE[language]


@pytest.mark.parametrize("language", ["de", "en"])
def test_external_film_loads_only_after_the_click(demo_server, page, local_only, language):
    page.goto(demo_server + EXTERNAL[language])
    page.wait_for_load_state("networkidle")
    assert local_only, "requests are recorded"
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in local_only), local_only
    assert page.locator("iframe").count() == 0
    button = page.locator("[data-film-embed] button")
    assert button.count() == 1, "the script turns the link into a button"
    button.focus()
    page.keyboard.press("Enter")
    iframe = page.locator("[data-film-embed] iframe")
    iframe.wait_for(state="attached")
    src = iframe.get_attribute("src")
    assert urlsplit(src).hostname == "www.youtube-nocookie.com"
    assert iframe.get_attribute("title")
    assert iframe.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    assert "fullscreen" in iframe.get_attribute("allow")


def test_external_film_without_javascript_is_a_plain_link(demo_server, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    abort_other_hosts(tab)
    tab.goto(demo_server + EXTERNAL["de"])
    link = tab.locator("[data-film-embed] a[data-film-play]")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=LausitzDemo"
    assert tab.locator("iframe").count() == 0
    context.close()


NO_NATIVE_HLS = """
const canPlayType = HTMLMediaElement.prototype.canPlayType;
HTMLMediaElement.prototype.canPlayType = function (type) {
    return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
};
"""


@pytest.mark.parametrize("path", ["native", "hls.js"])
def test_the_film_streams_its_hls_ladder_with_captions(demo_server, page, local_only, path):
    """The worker's ladder, played natively where the browser can (Chromium says "maybe")
    and through the vendored hls.js otherwise; the MP4 is only the fallback."""
    if path == "hls.js":
        page.add_init_script(NO_NATIVE_HLS)
    page.goto(demo_server + FILMS["de"])
    playlist = page.get_attribute("video", "data-film-hls")
    assert playlist and playlist.endswith("/hls/master.m3u8")
    before = list(local_only)
    # (The default caption track, a few hundred bytes, is the browser's to load at once.)
    assert not [url for url in before if "/films/encoded/" in url], "no video before play"
    page.locator("[data-film-start]").focus()
    page.keyboard.press("Space")
    wait_until(page, "document.querySelector('video').currentTime > 1")
    films = [urlsplit(url).path for url in local_only if "/films/encoded/" in url]
    assert any(p.endswith("master.m3u8") for p in films)
    assert any(p.endswith(".m4s") for p in films), "segments of a rendition were fetched"
    assert any("hls.light" in url for url in local_only) == (path == "hls.js")
    showing = page.evaluate(TRACKS_JS)
    assert [t["language"] for t in showing if t["mode"] == "showing"] == ["de"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_tap_on_the_poster_starts_the_film_on_a_phone(demo_server, browser, language):
    """On phones a tap on a video only shows its controls; here a tap anywhere on the poster
    (not only on the play icon) starts the film, and the controls then appear."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    tab = context.new_page()
    tab.goto(demo_server + FILMS[language])
    video = tab.locator("video")
    assert not tab.evaluate("document.querySelector('video').controls"), "the button instead"
    box = video.bounding_box()
    tab.touchscreen.tap(box["x"] + box["width"] * 0.85, box["y"] + box["height"] * 0.2)
    wait_until(tab, "document.querySelector('video').currentTime > 0.3")
    assert tab.evaluate("document.querySelector('video').controls")
    assert tab.locator("[data-film-start]").is_hidden()
    context.close()


def test_without_javascript_the_video_keeps_its_own_controls(demo_server, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server + FILMS["de"])
    assert tab.locator("video[controls]").count() == 1
    assert tab.locator("[data-film-start]").is_hidden()
    context.close()


LEGIBLE_JS = """() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    const label = box('.film__play-label'), notice = box('.film__notice');
    const stage = box('.film__stage');
    const text = document.querySelector('.film__play-label');
    const overlaps = label.bottom > notice.top && label.top < notice.bottom;
    return {overlaps, inside: label.left >= stage.left && label.right <= stage.right
                              && label.top >= stage.top && label.bottom <= stage.bottom,
            clipped: text.scrollWidth > text.clientWidth || text.scrollHeight > text.clientHeight,
            words: text.innerText};
}"""


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
@pytest.mark.parametrize("language", ["de", "en"])
def test_the_external_films_play_button_is_fully_legible(demo_server, browser, width, language):
    """The privacy notice sits under the poster, never over the button's words."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    abort_other_hosts(tab)
    tab.goto(demo_server + EXTERNAL[language])
    found = tab.evaluate(LEGIBLE_JS)
    assert not found["overlaps"] and found["inside"] and not found["clipped"], found
    assert "YouTube" in found["words"]
    context.close()
