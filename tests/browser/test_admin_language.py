"""The admin in Chromium, in the user's language: topics as checkboxes of the page's
language, and wagtail-localize's React translation editor without its English literals.

Screenshots at a phone's and a desktop's width land in ``PORTAL_SHOTS_DIR`` when it is set
(for a person to look at), else in the test's temporary folder.
"""

import os
import re
from pathlib import Path

import pytest

from tests.editor.test_admin_language import english_words

pytestmark = pytest.mark.browser

PASSWORD = "lausitz-demo"
WIDTHS = (390, 1280)


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("PORTAL_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_in(browser, demo_server, username, width, locale):
    """A tab logged in through the login form; ``locale`` is the browser's language, which
    the admin follows when the user has chosen none (the demo admin)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    tab = context.new_page()
    tab.goto(demo_server + "/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(demo_server + "/admin/")
    return tab


def first_edit_url(tab, listing_url):
    tab.goto(listing_url)
    return tab.locator("table a[href$='/edit/']").first.get_attribute("href")


def visible_text(tab):
    return tab.locator("body").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_german_admin_ticks_german_topics_without_ctrl(browser, demo_server, shots, width):
    tab = log_in(browser, demo_server, "admin", width, "de-DE")
    edit_url = first_edit_url(tab, demo_server + "/admin/news_articles/?locale=de")
    tab.goto(demo_server + edit_url)
    boxes = tab.locator("input[type=checkbox][name=topics]")
    labels = [
        label.strip() for label in tab.locator("label:has(input[name=topics])").all_inner_texts()
    ]
    assert boxes.count() == len(labels) >= 3
    assert "Energie und Wärme" in labels and "Energy and heat" not in labels
    assert tab.locator("select[name=topics]").count() == 0
    # Two ticks with plain clicks: both stay ticked (a multi-select would need Ctrl).
    unticked = [box for box in boxes.all() if not box.is_checked()][:2]
    for box in unticked:
        box.click()
    assert all(box.is_checked() for box in unticked)
    panel = boxes.first.locator("xpath=ancestor::section[1]")
    panel.scroll_into_view_if_needed()
    panel.screenshot(path=shots / f"de-admin-topics-{width}.png")
    tab.screenshot(path=shots / f"de-admin-article-edit-{width}.png")
    tab.context.close()


def test_german_page_editor_reads_german_once_its_scripts_ran(browser, demo_server, shots):
    """What Wagtail's scripts render (the block picker from the StreamField's JSON, the
    side panels) is checked in the browser, after the page has settled."""
    tab = log_in(browser, demo_server, "admin", 1280, "de-DE")
    tab.goto(demo_server + first_edit_url(tab, demo_server + "/admin/news_articles/?locale=de"))
    add_block = tab.locator(".c-sf-add-button").first
    add_block.scroll_into_view_if_needed()
    add_block.click()
    picker = tab.locator(".w-combobox").first
    picker.wait_for()
    assert "Text" in picker.inner_text()
    picker.screenshot(path=shots / "de-admin-block-picker-1280.png")
    assert english_words(tab.locator("body").inner_text()) == {}
    tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_translation_editor_speaks_the_admins_language(browser, demo_server, shots, width):
    """The German admin and the English translator open the same English page: each reads
    the editor in their own language, the React bundle's literals included."""
    for username, locale, heading, more in [
        ("admin", "de-DE", "Übersetzung Deutsch → Englisch", "Mehr Aktionen"),
        ("uebersetzung-en", "en-GB", "German to English translation", "More actions"),
    ]:
        tab = log_in(browser, demo_server, username, width, locale)
        edit_url = first_edit_url(tab, demo_server + "/admin/news_articles/?locale=en")
        tab.goto(demo_server + edit_url)
        tab.get_by_text(heading).first.wait_for()
        text = visible_text(tab)
        sr_only = " ".join(tab.locator(".js-translation-editor .w-sr-only").all_inner_texts())
        if locale == "de-DE":
            assert not re.search(r"\b\w+ to \w+ translation\b", text)
            assert "More actions" not in sr_only
            assert more in sr_only
        tab.screenshot(path=shots / f"{username}-translation-editor-{width}.png")
        tab.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_changed_admin_views_for_the_record(browser, demo_server, shots, width):
    """The other views this change touched, as the German admin and the English translator
    see them: the login form, the film library's status column, the news listing, the
    topics of an event."""
    for locale, password in [("de-DE", "Passwort"), ("en-GB", "Password")]:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
        login = context.new_page()
        login.goto(demo_server + "/admin/login/")
        assert login.get_by_label(password).count() == 1
        login.screenshot(path=shots / f"login-{locale}-{width}.png")
        context.close()

    tab = log_in(browser, demo_server, "admin", width, "de-DE")
    tab.goto(demo_server + "/admin/snippets/home/film/")
    assert not re.search(r"\b(True|False)\b", visible_text(tab))
    tab.screenshot(path=shots / f"de-admin-films-{width}.png")
    tab.goto(demo_server + "/admin/news_articles/?locale=de")
    assert "Nachrichtenartikel" not in visible_text(tab)
    tab.screenshot(path=shots / f"de-admin-news-listing-{width}.png")
    tab.goto(demo_server + first_edit_url(tab, demo_server + "/admin/events/?locale=de"))
    boxes = tab.locator("input[type=checkbox][name=topics]")
    boxes.first.scroll_into_view_if_needed()
    boxes.first.locator("xpath=ancestor::div[contains(@class, 'w-field__wrapper')][1]").screenshot(
        path=shots / f"de-admin-event-topics-{width}.png"
    )
    tab.context.close()

    tab = log_in(browser, demo_server, "uebersetzung-en", width, "en-GB")
    tab.goto(demo_server + "/admin/news_articles/?locale=en")
    tab.screenshot(path=shots / f"en-translator-news-listing-{width}.png")
    tab.goto(demo_server + "/admin/snippets/home/topic/?locale=en")
    tab.screenshot(path=shots / f"en-translator-topics-{width}.png")
    tab.context.close()
