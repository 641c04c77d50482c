"""In Chromium: the self-hosted film plays (started with the keyboard), captions follow the
page's language, seeking works (HTTP Range) and an external film contacts nobody before the
click. Every request to another host is aborted, so nothing reaches the internet."""

import time
from urllib.parse import urlsplit

import pytest

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
    video = page.locator("video")
    video.focus()
    assert page.evaluate("document.activeElement.tagName") == "VIDEO"
    page.keyboard.press("Space")
    wait_until(page, "document.querySelector('video').currentTime > 0.5")
    assert not page.evaluate("document.querySelector('video').paused")
    tracks = page.evaluate(TRACKS_JS)
    assert {t["language"] for t in tracks} == {"de", "en"}
    showing = [t["language"] for t in tracks if t["mode"] == "showing"]
    default = [t["language"] for t in tracks if t["isDefault"]]
    assert showing == default == [language]
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in local_only)


@pytest.mark.parametrize("language", ["de", "en"])
def test_seeking_to_the_middle_shows_the_cue_there(demo_server, page, local_only, language):
    page.goto(demo_server + FILMS[language])
    page.locator("video").focus()
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
    tab.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )
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
    page.locator("video").focus()
    page.keyboard.press("Space")
    wait_until(page, "document.querySelector('video').currentTime > 1")
    films = [urlsplit(url).path for url in local_only if "/films/encoded/" in url]
    assert any(p.endswith("master.m3u8") for p in films)
    assert any(p.endswith(".m4s") for p in films), "segments of a rendition were fetched"
    assert any("hls.light" in url for url in local_only) == (path == "hls.js")
    showing = page.evaluate(TRACKS_JS)
    assert [t["language"] for t in showing if t["mode"] == "showing"] == ["de"]
