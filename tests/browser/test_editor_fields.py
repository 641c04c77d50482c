"""The page editor in Chromium (issue 21): the slug Wagtail's script makes from a German
title is ASCII with the umlauts written out."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def editor(browser, demo_server):
    """The demo admin, in the German admin (the interface follows the browser's language)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    tab = context.new_page()
    tab.goto(demo_server + "/admin/login/")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", "lausitz-demo")
    tab.click("button[type=submit]")
    tab.wait_for_url(demo_server + "/admin/")
    yield tab
    context.close()


def home_page_id(editor, demo_server, language):
    """The id of the home page in ``language``, from the admin's own page API."""
    response = editor.request.get(
        f"{demo_server}/admin/api/main/pages/?child_of=root&locale={language}"
    )
    (item,) = response.json()["items"]
    return item["id"]


def open_new_standard_page(editor, demo_server, language="de"):
    parent = home_page_id(editor, demo_server, language)
    editor.goto(f"{demo_server}/admin/pages/add/home/standardpage/{parent}/")
    return editor


@pytest.mark.parametrize(
    "language, title, slug",
    [
        ("de", "Fachkräfte-Sicherung", "fachkraefte-sicherung"),
        ("de", "Größere Übergänge", "groessere-uebergaenge"),
        ("en", "Skilled workers in Lusatia", "skilled-workers-in-lusatia"),
    ],
)
def test_typing_a_title_fills_the_ascii_slug(editor, demo_server, language, title, slug):
    open_new_standard_page(editor, demo_server, language)
    editor.locator("#id_title").press_sequentially(title)
    editor.locator("#id_title").press("Tab")
    # Wagtail's sync waits 100 ms after the last key; expect() retries until then.
    expect(editor.locator("#id_slug")).to_have_value(slug)


def test_a_slug_typed_with_umlauts_is_cleaned_when_leaving_the_field(editor, demo_server):
    open_new_standard_page(editor, demo_server)
    editor.get_by_role("tab", name="Veröffentlichung").click()
    editor.locator("#id_slug").fill("Fachkräfte-Sicherung")
    editor.locator("#id_slug").press("Tab")
    expect(editor.locator("#id_slug")).to_have_value("fachkraefte-sicherung")
