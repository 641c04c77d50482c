"""Issue 21's acceptance: the editor's, the translator's and the reviewer's journeys in
Chromium, on the demo site with its demo people (``create_demo_admin``).

The three tests build on each other, in this order, on one demo server: the translator
translates what the editor sent, the reviewer reviews what the translator marked ready.
Each step asserts what the person sees (``journeys.py``). The click counts are printed for
the closing note (``pytest -s``)."""

import pytest

from tests import film_files
from tests.browser import journeys

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(browser, demo_server):
    """A fresh browser context at the size of an office screen, in German."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def report(journey):
    print(f"\n{journey.name}: {journey.clicks} clicks")


def test_editor_publishes_press_release_with_film_event_and_new_film(desk, demo_server, tmp_path):
    report(journeys.editor_writes_press_release_with_film(desk, demo_server))
    desk.context.clear_cookies()
    report(journeys.editor_plans_event(desk, demo_server))
    desk.context.clear_cookies()
    master = tmp_path / "tagebau-rand.mp4"
    master.write_bytes(film_files.mp4_h264_aac())
    captions = tmp_path / "tagebau-rand.srt"
    captions.write_bytes(journeys.CAPTIONS)
    report(journeys.editor_adds_film(desk, demo_server, master, captions))


def test_translator_inbox_translate_ready_and_refusals(desk, demo_server):
    report(journeys.translator_translates(desk, demo_server))


def test_reviewer_inbox_preview_send_back_and_publish(desk, demo_server):
    report(journeys.reviewer_sends_back(desk, demo_server))
    desk.context.clear_cookies()
    report(journeys.translator_sees_sent_back(desk, demo_server))
    desk.context.clear_cookies()
    report(journeys.reviewer_publishes(desk, demo_server))
    english = desk.goto(demo_server + "/en/news/")
    assert english.ok
    assert journeys.ENGLISH_TITLE in desk.content()
