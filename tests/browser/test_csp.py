"""In Chromium: the public site and Wagtail's admin run under their Content Security Policies
without a single violation.

Requests to any other host than the demo server count as violations too. Violations are
caught twice: a ``securitypolicyviolation`` listener installed before any page
script runs (in every frame), and the console, where Chromium reports blocked resources and
header errors. The policy is never bypassed (no ``bypass_csp``); each test also checks that
the policy it expects was really sent, so that "no violation" cannot come from no policy.
"""

import re
from urllib.parse import urlsplit

import pytest

from home.demo.loader import HOME_DE, HOME_EN

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(
    `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
}, true);
"""
PUBLIC_PATHS = [
    "/de/",
    "/en/",
    "/de/impressum/",
    "/de/datenschutz/",
    "/de/barrierefreiheit/",
    "/en/legal-notice/",
    "/en/privacy/",
    "/en/accessibility/",
]
SUSPICIOUS = re.compile(
    r"Content Security Policy|Content-Security-Policy|Permissions[- ]Policy|Refused to",
    re.IGNORECASE,
)


class Watcher:
    """Collects CSP violations of every frame and suspicious console messages of a tab."""

    def __init__(self, tab):
        self.tab = tab
        self.console = []
        self.foreign = []
        tab.on("console", self._on_console)
        tab.on("request", self._on_request)
        tab.add_init_script(RECORD_VIOLATIONS)

    def _on_console(self, message):
        if SUSPICIOUS.search(message.text):
            self.console.append(f"{message.type}: {message.text}")

    def _on_request(self, request):
        """Neither the public site nor the admin may call another host (no CDN, no
        Gravatar, no update check)."""
        local = urlsplit(request.url).hostname in ("127.0.0.1", None)
        if not local and not request.url.startswith(("data:", "blob:", "about:")):
            self.foreign.append(f"request to {request.url}")

    def violations(self):
        found = self.console + self.foreign
        for frame in self.tab.frames:
            try:
                found += frame.evaluate("window.__csp || []")
            except Exception:  # a frame that navigated away meanwhile  # noqa: BLE001
                continue
        return found

    def assert_clean(self):
        self.tab.wait_for_timeout(300)  # let late reports (fonts, lazy images) arrive
        assert self.violations() == []


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield Watcher(tab)
    context.close()


def log_in(tab, base_url):
    tab.goto(f"{base_url}/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", "lausitz-demo")
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(f"{base_url}/admin/")


def edit_url_from_userbar(tab):
    href = tab.locator("wagtail-userbar a[href*='/edit/']").first.get_attribute("href")
    match = re.search(r"/admin/pages/\d+/edit/", href or "")
    assert match, f"the userbar offers no edit link: {href!r}"
    return match.group(0)


def assert_public_policy(response):
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy + ";" and "unsafe" not in policy


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_show_no_csp_violation_for_visitors(demo_server, watched, path):
    response = watched.tab.goto(f"{demo_server}{path}")
    assert response.status == 200
    assert_public_policy(response)
    watched.assert_clean()


def test_public_pages_with_userbar_show_no_csp_violation(demo_server, watched):
    tab = watched.tab
    log_in(tab, demo_server)
    for path in PUBLIC_PATHS:
        response = tab.goto(f"{demo_server}{path}")
        assert_public_policy(response)
        tab.locator("wagtail-userbar").wait_for(state="attached")
        # The userbar renders into its shadow root from its own script and stylesheet.
        trigger = tab.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
        trigger.wait_for()
        assert trigger.is_visible()
    # Open the userbar menu, which runs its scripts (and the accessibility checker).
    tab.goto(f"{demo_server}/de/")
    tab.locator("wagtail-userbar").locator("#wagtail-userbar-trigger").click()
    tab.locator("wagtail-userbar").locator("#wagtail-userbar-items").wait_for()
    watched.assert_clean()


def test_permissions_policy_reaches_the_browser(demo_server, watched):
    tab = watched.tab
    tab.goto(f"{demo_server}/de/")
    allows = tab.evaluate(
        "(features) => Object.fromEntries(features.map("
        "f => [f, document.featurePolicy.allowsFeature(f)]))",
        ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen"],
    )
    assert allows == {
        "camera": False,
        "microphone": False,
        "geolocation": False,
        "payment": False,
        "usb": False,
        "fullscreen": True,
    }
    video_host = tab.evaluate(
        "document.featurePolicy.allowsFeature('fullscreen', 'https://player.vimeo.com')"
    )
    assert video_host is True
    watched.assert_clean()


def test_admin_screens_show_no_csp_violation(demo_server, watched):
    tab = watched.tab
    log_in(tab, demo_server)
    dashboard = tab.goto(f"{demo_server}/admin/")
    assert "'unsafe-inline'" in dashboard.headers["content-security-policy"]
    assert "unsafe-eval" not in dashboard.headers["content-security-policy"]
    tab.get_by_role("main").wait_for()

    tab.goto(f"{demo_server}/de/")
    editor = tab.goto(demo_server + edit_url_from_userbar(tab))
    assert editor.status == 200
    tab.locator("form[data-edit-form]").wait_for()
    assert HOME_DE["headline"] in tab.input_value("input[name=headline]")

    # The hero image chooser opens Wagtail's image chooser modal (HTML fetched by XHR).
    chooser = tab.locator("#id_hero_image-chooser")
    chooser.get_by_role("button", name=re.compile("Actions|Aktionen")).click()
    chooser.locator("[data-chooser-action-choose]:visible").first.click()
    modal = tab.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("a.image-choice, [data-chooser-modal-choice]").first.wait_for()
    watched.assert_clean()


def test_translation_editor_shows_no_csp_violation(demo_server, watched):
    tab = watched.tab
    log_in(tab, demo_server)
    tab.goto(f"{demo_server}/en/")
    # For a translated page, Wagtail's edit view is wagtail-localize's React editor.
    response = tab.goto(demo_server + edit_url_from_userbar(tab))
    assert response.status == 200
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    tab.get_by_text(HOME_EN[HOME_DE["headline"]]).first.wait_for()
    watched.assert_clean()


def test_the_watcher_does_see_a_violation(demo_server, watched):
    """Guards the tests above: an inline script added to a public page is blocked and seen."""
    tab = watched.tab
    tab.goto(f"{demo_server}/de/")
    tab.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in watched.violations())
