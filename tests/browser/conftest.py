"""Browser tests: one demo server and one Chromium per test session.

The server is a separate process (``runserver`` with development settings) on its own SQLite
file with the demo content, so that browser tests see what ``make run`` serves and do not
fight pytest-django's transactions. Where Chromium is missing the tests skip with a reason,
unless ``PORTAL_REQUIRE_BROWSER`` is set (CI), where that is a failure.
"""

import contextlib
import os
from pathlib import Path

import pytest

from docs.demo_site import CHROMIUM, CHROMIUM_ARGS, demo_site

# Playwright's sync API keeps an event loop running in this thread for the rest of the
# session, so Django takes every later ORM call for one from async code and refuses it
# (SynchronousOnlyOperation in tests that run after the browser tests). The tests are
# synchronous; Playwright's documentation for Django test runners recommends this switch.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# The demo server's media folder, for tests that count what an upload left on disk.
DEMO_SITE = {}


@pytest.fixture(scope="session")
def demo_server():
    """Migrate a fresh SQLite file, load the demo content, serve it; yields the base URL.

    ``PORTAL_BROWSER_BASE_URL`` points the tests at a running site instead, e.g. the
    production stack of ``make prod`` (CI runs the film tests through nginx that way)."""
    if os.environ.get("PORTAL_BROWSER_BASE_URL"):
        yield os.environ["PORTAL_BROWSER_BASE_URL"].rstrip("/")
        return
    # WebP only: AVIF costs ~1 s per rendition made on first view.
    with demo_site(PORTAL_IMAGE_FORMATS="webp") as site:
        DEMO_SITE["media_root"] = Path(site.env["MEDIA_ROOT"])
        DEMO_SITE["site"] = site
        yield site.base


@pytest.fixture(scope="session")
def demo_media_root(demo_server):
    """MEDIA_ROOT of the demo server (not known for a site given by PORTAL_BROWSER_BASE_URL)."""
    if "media_root" not in DEMO_SITE:
        pytest.skip("the media folder of a site given by PORTAL_BROWSER_BASE_URL is not known")
    return DEMO_SITE["media_root"]


def run_on_demo_site(code: str) -> str:
    """Run Python ``code`` in a Django shell against the demo server's database (tests that
    need content the demo does not have, or facts of it); returns the last line it printed.
    Skips for a site given by PORTAL_BROWSER_BASE_URL."""
    if "site" not in DEMO_SITE:
        pytest.skip("the database of a site given by PORTAL_BROWSER_BASE_URL is not reachable")
    return DEMO_SITE["site"].shell(code)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(reason + "; PORTAL_REQUIRE_BROWSER is set, so this is a failure")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@contextlib.contextmanager
def admin_tab(browser, demo_server, locale):
    """A tab of the demo admin, 1280 px wide, logged in; the admin's language follows the
    browser's (``locale``)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    tab = context.new_page()
    tab.goto(demo_server + "/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", "lausitz-demo")
    tab.click("button[type=submit]")
    tab.wait_for_url(demo_server + "/admin/")
    yield tab
    context.close()


@pytest.fixture
def editor(browser, demo_server):
    """A logged-in admin tab, 1280 px wide, in English."""
    with admin_tab(browser, demo_server, "en-GB") as tab:
        yield tab


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source():
    """axe-core's source, injected by the accessibility tests (``run_axe``)."""
    if not AXE.exists():
        reason = f"axe-core missing at {AXE} (run `make node-tools`)"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(reason + "; PORTAL_REQUIRE_BROWSER is set, so this is a failure")
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")
