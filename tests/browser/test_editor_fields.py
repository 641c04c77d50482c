"""The page editor in Chromium (issue 21): the slug Wagtail's script makes from a German
title is ASCII with the umlauts written out; limited text fields count their characters,
warn in words before the limit and no longer cut pasted text; the search-result preview
follows title, SEO title and descriptions as they are typed."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_tab

pytestmark = pytest.mark.browser


@pytest.fixture
def editor(browser, demo_server):
    """The demo admin, in the German admin (the interface follows the browser's language)."""
    with admin_tab(browser, demo_server, "de-DE") as tab:
        yield tab


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


# --- Character counters (static/js/editor-fields.js) --------------------------------------


def counter_of(editor, selector):
    """The counter the script put under ``selector``, found as a screen reader finds it:
    through the field's aria-describedby."""
    described_by = editor.locator(selector).get_attribute("aria-describedby").split()
    counter_id = next(name for name in described_by if name.startswith("portal-count-"))
    return editor.locator(f"#{counter_id}")


def test_title_counter_warns_before_the_limit_and_nothing_is_cut(editor, demo_server):
    open_new_standard_page(editor, demo_server)
    title = editor.locator("#id_title")
    counter = counter_of(editor, "#id_title")
    expect(counter).to_have_text("0 / 255 Zeichen")
    warning = counter.locator(".portal-count__warning")
    assert warning.get_attribute("aria-live") == "polite"

    title.fill("x" * 225)
    title.press_sequentially("abcd")  # 229: still below 90 %
    expect(counter).to_have_text("229 / 255 Zeichen")
    expect(warning).to_have_text("")
    title.press_sequentially("e")  # 230 of 255: the warning, in words
    expect(counter.locator(".portal-count__number")).to_have_text("230 / 255 Zeichen")
    expect(warning).to_have_text("Fast an der Grenze.")

    # A pasted 1,400-character title is no longer cut by the browser: it stays whole,
    # and the counter says it is too long.
    title.fill("Lausitz " * 175)
    assert len(title.input_value()) == 1400
    expect(counter.locator(".portal-count__number")).to_have_text(
        "1400 / 255 Zeichen – 1145 zu viel"
    )
    expect(warning).to_have_text(
        "Zu lang: Bitte kürzen Sie den Text, so lässt er sich nicht speichern."
    )


def test_saving_too_long_a_title_is_refused_at_the_field_and_keeps_the_text(editor, demo_server):
    open_new_standard_page(editor, demo_server)
    editor.locator("#id_title").fill("Lausitz " * 175)
    editor.get_by_role("button", name="Entwurf speichern").click()
    field_error = editor.locator(".w-field__errors", has_text="höchstens 255 Zeichen")
    expect(field_error).to_contain_text("Er besteht aus 1399 Zeichen")  # the form strips " "
    # Nothing was cut: the editor gets the whole text back to shorten it.
    assert editor.locator("#id_title").input_value().strip() == ("Lausitz " * 175).strip()
    expect(counter_of(editor, "#id_title").locator(".portal-count__warning")).to_have_text(
        "Zu lang: Bitte kürzen Sie den Text, so lässt er sich nicht speichern."
    )


def test_search_description_counts_against_the_publishing_rule(editor, demo_server):
    open_new_standard_page(editor, demo_server)
    editor.get_by_role("tab", name="Veröffentlichung").click()
    counter = counter_of(editor, "#id_search_description")
    editor.locator("#id_search_description").fill("Wärme " * 30)
    expect(counter.locator(".portal-count__number")).to_have_text("180 / 160 Zeichen – 20 zu viel")
    expect(counter.locator(".portal-count__warning")).to_have_text(
        "Zu lang: Bitte kürzen Sie den Text, so lässt er sich nicht veröffentlichen."
    )


def test_search_result_preview_follows_title_and_descriptions(editor, demo_server):
    open_new_standard_page(editor, demo_server)
    editor.locator("#id_title").press_sequentially("Fachkräfte-Sicherung")
    editor.locator("#id_intro").fill("Wie Betriebe in der Lausitz Fachkräfte finden.")
    editor.get_by_role("tab", name="Veröffentlichung").click()
    preview = editor.get_by_role("region", name="Vorschau im Suchergebnis")
    expect(preview.locator(".portal-serp__title")).to_have_text(
        re.compile(r"^Fachkräfte-Sicherung – \S")
    )
    expect(preview.locator(".portal-serp__url")).to_contain_text("fachkraefte-sicherung")
    expect(preview.locator(".portal-serp__description")).to_have_text(
        "Wie Betriebe in der Lausitz Fachkräfte finden."
    )

    editor.locator("#id_seo_title").press_sequentially("Fachkräfte finden")
    expect(preview.locator(".portal-serp__title")).to_have_text(
        re.compile(r"^Fachkräfte finden – ")
    )
    # A description longer than search engines show is cut there, at a word.
    editor.locator("#id_search_description").fill("Strukturwandel braucht Menschen. " * 8)
    description = preview.locator(".portal-serp__description")
    expect(description).to_have_text(re.compile(r"^Strukturwandel braucht Menschen\. .* …$"))
    assert len(description.inner_text()) <= 162
