"""In Chromium: the language switcher leads from the German to the English home page."""

import pytest

from home.demo.loader import HOME_DE, HOME_EN

pytestmark = pytest.mark.browser


def test_switcher_leads_from_german_to_english_home(demo_server, page):
    page.goto(f"{demo_server}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == HOME_DE["headline"]
    page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English").click()
    page.wait_for_url(f"{demo_server}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == HOME_EN[HOME_DE["headline"]]


def test_root_redirects_by_browser_language(demo_server, browser):
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.goto(f"{demo_server}/")
    assert tab.url == f"{demo_server}/en/"
    context.close()


def test_demo_admin_logs_in(demo_server, page):
    page.goto(f"{demo_server}/admin/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "lausitz-demo")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{demo_server}/admin/")
    assert page.locator("input[name=password]").count() == 0
    assert "Lausitz-Portal" in page.content()
