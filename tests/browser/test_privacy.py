"""In Chromium: an anonymous visitor of every public page type, German and English, gets no
cookie and no web storage entry, and the browser asks no other host for anything.

Every request of the browser context is recorded (pages, CSS, scripts, images, fonts,
frames), and every ``Set-Cookie`` header of every response. ``tests/browser/test_csp.py``
checks the CSP on a few pages; this test is the privacy promise over all page types. The
external film's player is tested in ``test_films.py`` and ``test_keyboard.py``: it is the
one request to another host, and only after the visitor asks for it.
"""

from urllib.parse import urlsplit

import pytest

from tests.site_pages import LABELS, public_paths

pytestmark = pytest.mark.browser

STORAGE = "() => [document.cookie, localStorage.length, sessionStorage.length]"


def test_no_cookie_no_storage_and_no_other_host_on_any_public_page(db, demo_server, browser):
    context = browser.new_context()
    requests, set_cookies = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.on(
        "response",
        lambda response: set_cookies.extend(
            f"{response.url}: {value}"
            for name, value in response.headers_array()
            if name.lower() == "set-cookie"
        ),
    )
    tab = context.new_page()
    visited = []
    for label, path, status in public_paths():
        response = tab.goto(demo_server + path)
        assert response.status == status, label
        tab.wait_for_load_state("networkidle")  # lazy images, the film script
        assert tab.evaluate(STORAGE) == ["", 0, 0], label
        visited.append(path)
    cookies = context.cookies()
    context.close()

    hosts = {
        urlsplit(url).hostname for url in requests if urlsplit(url).scheme in ("http", "https")
    }
    assert hosts == {"127.0.0.1"}
    assert set_cookies == []
    assert cookies == []
    assert len(visited) == len(LABELS)
    # The recording works: stylesheet and script of the pages were seen as requests.
    assert any(url.endswith(".css") for url in requests)
    assert any(url.endswith(".js") for url in requests)
