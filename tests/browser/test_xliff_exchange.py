"""In Chromium: the translator's XLIFF journey. She ticks two pages in the translation
status overview, downloads them as one XLIFF file, a CAT tool (translate-toolkit here)
translates a segment, she uploads the file and is told what arrived; a file for another
language is refused with the reason. axe finds nothing on the overview and the page's
exchange screen."""

import re

import pytest
from playwright.sync_api import expect
from translate.storage.xliff import xlifffile

from tests.browser.journeys import PASSWORD
from tests.browser.test_accessibility import describe, run_axe
from tests.browser.test_films import wait_until

pytestmark = pytest.mark.browser

PAGES = ("Radstation am Hauptbahnhof Cottbus", "Uferradweg am Großräschener See")
NEW_TITLE = "Bike station at Cottbus main station (CAT tool)"


@pytest.fixture
def translator_tab(browser, demo_server):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="de-DE", accept_downloads=True
    )
    tab = context.new_page()
    tab.goto(f"{demo_server}/admin/login/")
    tab.fill("input[name=username]", "uebersetzung")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{demo_server}/admin/")
    yield tab
    context.close()


def test_translator_exports_a_batch_translates_and_imports(
    translator_tab, demo_server, tmp_path, axe_source
):
    tab = translator_tab
    tab.goto(f"{demo_server}/admin/translation-status/")
    for title in PAGES:
        tab.get_by_role("checkbox", name=f"„{title}“ exportieren").check()
    with tab.expect_download() as download_info:
        tab.get_by_role("button", name="XLIFF herunterladen").click()
    exported = tmp_path / "export.xlf"
    download_info.value.save_as(exported)
    assert download_info.value.suggested_filename == "seiten-2-en.xlf"

    store = xlifffile(exported.read_bytes())
    files = {unit.getid().split("\x04")[0] for unit in store.units}
    assert len(files) == 2
    title = next(
        unit for unit in store.units if unit.source == PAGES[0] and unit.getid().endswith("title")
    )
    title.target = NEW_TITLE
    returned = tmp_path / "returned.xlf"
    returned.write_bytes(bytes(store))

    tab.locator("#xliff-import-file").set_input_files(str(returned))
    tab.get_by_role("button", name="Importieren", exact=True).click()
    expect(tab.locator(".messages")).to_contain_text(re.compile(r"1 Segment in .* importiert"))

    # The same file claiming to be Polish: refused, with the reason.
    wrong = tmp_path / "wrong-language.xlf"
    wrong.write_bytes(bytes(store).replace(b'target-language="en"', b'target-language="pl"'))
    tab.locator("#xliff-import-file").set_input_files(str(wrong))
    tab.get_by_role("button", name="Importieren", exact=True).click()
    expect(tab.locator(".messages")).to_contain_text("nicht importiert, nichts wurde geändert")
    expect(tab.locator(".messages")).to_contain_text("„pl“")

    # Wagtail fades its message bar in (opacity, 0.5 s): axe reads colours once it is shown.
    wait_until(tab, "getComputedStyle(document.querySelector('.messages > ul')).opacity === '1'")
    violations = run_axe(tab, axe_source)["violations"]
    assert not violations, describe("status overview, with the refusal shown", violations)
    tab.get_by_role("link", name=f"XLIFF für „{PAGES[0]}“").click()
    expect(tab.get_by_role("heading", name="Export für ein CAT-Tool")).to_be_visible()
    violations = run_axe(tab, axe_source)["violations"]
    assert not violations, describe("page exchange", violations)
