"""In Chromium: the barrier report form with the keyboard only, its error summary (focused
without JavaScript, linking to the field), axe on the form with errors, and the way from a
page's footer to the confirmation."""

import pytest

from tests.browser.test_accessibility import describe, run_axe

pytestmark = pytest.mark.browser

FORM = "/de/barriere-melden/"


def test_empty_form_focuses_the_error_summary_which_links_to_the_field(
    demo_server,
    browser,
    axe_source,  # noqa: F811
):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server + FORM)
    tab.click(".feedback-form button[type=submit]")
    tab.wait_for_load_state()
    assert tab.title().startswith("Fehler: ")
    assert tab.evaluate("document.activeElement.id") == "error-summary"
    link = tab.locator("#error-summary a").first
    assert link.get_attribute("href") == "#id_message"
    link.click()
    assert tab.evaluate("location.hash") == "#id_message"
    context.close()


def test_form_with_errors_passes_axe(demo_server, page, axe_source):  # noqa: F811
    page.goto(demo_server + FORM)
    page.fill("#id_email", "kaputt")
    page.click(".feedback-form button[type=submit]")
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    result = run_axe(page, axe_source)
    assert describe(FORM, result["violations"]) == []


def test_report_with_the_keyboard_only_from_a_pages_footer(demo_server, page):
    page.goto(demo_server + "/de/impressum/")
    page.locator(".site-footer__legal a", has_text="Barriere melden").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/barriere-melden/**")
    assert page.input_value("#id_page_address") == "/de/impressum/"
    # Tab order: skip link, header, ... then the form's fields in order; start from the field.
    page.focus("#id_message")
    page.keyboard.type("Die Tabelle hat keine Überschriften.")
    for field, text in [("id_page_address", None), ("id_name", "Erika"), ("id_email", "e@x.org")]:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == field
        if text:
            page.keyboard.type(text)
    page.keyboard.press("Tab")  # the honeypot is skipped
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/barriere-melden/eingegangen/")
    assert "innerhalb eines Monats" in page.inner_text("main")
    assert page.locator(".arbitration a").count() == 1
