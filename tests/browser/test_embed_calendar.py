"""In Chromium: a partner page on another origin frames the embeddable calendar, and the
browser shows it; the same partner page framing an ordinary portal page is refused by the
browser. axe finds nothing on the calendar; the admin's embed code builder updates its code
and its preview as the editor chooses. Screenshots (390 and 1280 px) go to
``var/screenshots/embed/``.

The partner is a small ``http.server`` on another port of 127.0.0.1: another origin. The
demo server runs the development settings, whose ``PORTAL_EMBED_FRAME_ANCESTORS`` admit
``http://127.0.0.1:*`` besides every HTTPS site.
"""

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from tests.browser.test_accessibility import AXE, AXE_TAGS, RUN_AXE, describe

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "var" / "screenshots" / "embed"
WIDTHS = (390, 1280)
PARTNER_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partnerseite</title></head>
<body><main><h1>Gemeinde Beispieldorf</h1>
<p>Termine aus dem Lausitz-Portal:</p>
<iframe id="portal" src="{src}" title="Veranstaltungen im Lausitz-Portal" width="100%"
 height="560" loading="lazy" style="border:0"></iframe>
</main></body></html>
"""


@pytest.fixture(scope="module")
def partner(demo_server, tmp_path_factory):
    """Serves ``embed.html`` (the calendar) and ``page.html`` (the German home page) from
    another origin; yields its base URL."""
    if os.environ.get("PORTAL_BROWSER_BASE_URL"):
        pytest.skip("a site given by PORTAL_BROWSER_BASE_URL admits HTTPS partners only")
    folder = tmp_path_factory.mktemp("partner")
    embed = f"{demo_server}/de/embed/events/?limit=4"
    (folder / "embed.html").write_text(PARTNER_PAGE.format(src=embed), encoding="utf-8")
    (folder / "page.html").write_text(PARTNER_PAGE.format(src=f"{demo_server}/de/"))
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def tab_of_width(browser, width, locale="de-DE"):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    try:
        yield context.new_page()
    finally:
        context.close()


def portal_frame(tab):
    return tab.frame_locator("#portal")


def test_a_partner_on_another_origin_shows_the_calendar(browser, partner, demo_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        with tab_of_width(browser, width) as tab:
            refusals = []
            tab.on("console", lambda message, seen=refusals: seen.append(message.text))
            tab.goto(f"{partner}/embed.html")
            frame = portal_frame(tab)
            frame.locator("h1").wait_for()
            assert frame.locator("h1").inner_text() == "Kommende Veranstaltungen"
            events = frame.locator(".embed-event")
            assert 1 <= events.count() <= 4
            first = events.first.locator("a")
            assert first.get_attribute("target") == "_blank"
            assert first.get_attribute("href").startswith(f"{demo_server}/de/veranstaltungen/")
            assert not [text for text in refusals if "Refused" in text]
            # Nothing in the frame is wider than the frame.
            scroll, client = frame.locator("html").evaluate(
                "(html) => [html.scrollWidth, html.clientWidth]"
            )
            assert scroll <= client
            tab.screenshot(path=str(SHOTS / f"partner-embed-{width}.png"), full_page=True)
    # A partner's narrow sidebar: 300 px, still nothing wider than the frame.
    with tab_of_width(browser, 1280) as tab:
        tab.goto(f"{partner}/embed.html")
        tab.locator("#portal").evaluate("(frame) => { frame.width = '300'; }")
        frame = portal_frame(tab)
        frame.locator("h1").wait_for()
        scroll, client = frame.locator("html").evaluate(
            "(html) => [html.scrollWidth, html.clientWidth]"
        )
        assert client <= 300 and scroll <= client
        tab.locator("#portal").screenshot(path=str(SHOTS / "partner-embed-300.png"))


def test_a_partner_cannot_frame_an_ordinary_portal_page(browser, partner):
    with tab_of_width(browser, 1280) as tab:
        messages = []
        tab.on("console", lambda message: messages.append(message.text))
        tab.goto(f"{partner}/page.html")
        tab.wait_for_timeout(1500)
        frame = tab.frame(url=lambda url: "127.0.0.1" in url and "/de/" in url) or next(
            frame for frame in tab.frames if frame is not tab.main_frame
        )
        assert frame.locator("header, main").count() == 0
        assert any("frame-ancestors" in text or "X-Frame-Options" in text for text in messages), (
            messages
        )
        tab.screenshot(path=str(SHOTS / "partner-blocked-page-1280.png"))


def test_axe_finds_nothing_on_the_calendar(page, demo_server):
    if not AXE.exists():
        pytest.skip(f"axe-core missing at {AXE} (run `make node-tools`)")
    source = AXE.read_text(encoding="utf-8")
    violations = []
    for path in (
        "/de/embed/events/",
        "/en/embed/events/?limit=20",
        "/de/embed/events/?district=mars",
        "/en/embed/events/?status=postponed&to=2000-01-01",
    ):
        page.goto(demo_server + path)
        page.evaluate(source)
        result = page.evaluate(RUN_AXE, AXE_TAGS)
        assert len(result["passes"]) > 5, f"{path}: axe ran almost no rules"
        violations += describe(path, result["violations"])
    assert violations == []


def test_the_builder_updates_code_and_preview_as_the_editor_chooses(browser, demo_server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
        tab = context.new_page()
        try:
            tab.goto(demo_server + "/admin/login/")
            tab.fill("input[name=username]", "admin")
            tab.fill("input[name=password]", "lausitz-demo")
            tab.click("button[type=submit]")
            tab.wait_for_url(demo_server + "/admin/")
            tab.goto(demo_server + "/admin/news/embed/")
            code = tab.locator("#embed-code")
            assert f'src="{demo_server}/de/embed/events/"' in code.input_value()
            preview = tab.frame_locator("[data-embed-preview]")
            preview.locator("h1").wait_for()
            tab.select_option("select[name=attendance]", "online")
            tab.fill("input[name=limit]", "2")
            expected = f"{demo_server}/de/embed/events/?attendance=online&amp;limit=2"
            assert f'src="{expected}"' in code.input_value()
            src = tab.locator("[data-embed-preview]").get_attribute("src")
            assert src == "/de/embed/events/?attendance=online&limit=2"
            frame = tab.locator("[data-embed-preview]").element_handle().content_frame()
            frame.wait_for_url("**/de/embed/events/?attendance=online&limit=2")
            frame.wait_for_load_state()
            assert 1 <= frame.locator(".embed-event").count() <= 2
            places = frame.locator(".embed-event__where").all_inner_texts()
            assert all(place.startswith("Online") for place in places)
            tab.screenshot(path=str(SHOTS / f"builder-{width}.png"))
            result = tab.locator(".embed-builder__result")
            result.scroll_into_view_if_needed()
            result.screenshot(path=str(SHOTS / f"builder-result-{width}.png"))
            # The code a partner pastes is the code the server writes for the same choice.
            tab.click(".embed-builder__form button[type=submit]")
            tab.wait_for_load_state()
            assert f'src="{expected}"' in tab.locator("#embed-code").input_value()
        finally:
            context.close()
