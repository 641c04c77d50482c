"""The film form's files in Chromium: Wagtail's autosave stores a chosen master and caption
file, and "Publish" afterwards neither sends their bytes again nor stores a second copy; a
refused publish keeps the stored files in the form (issue 21).

Counted on the demo server's disk (its MEDIA_ROOT) and on the wire (the bodies of the
browser's POST requests).
"""

import re

import pytest

from tests import film_files
from tests.browser.test_film_upload import open_new_film, publish

pytestmark = pytest.mark.browser


LISTING = re.compile(r"/admin/snippets/home/film/(\?.*)?$")


def wait_for_autosave(editor):
    """Until Wagtail's autosave stored both files and the form names them."""
    for field in ("sources-0-file", "caption_tracks-0-file"):
        editor.wait_for_selector(f"[data-stored-file='{field}']:not([hidden])", timeout=60_000)


def stored(media_root, folder, stem):
    return sorted(p.name for p in (media_root / folder).glob(f"{stem}*") if p.is_file())


def choose_files(editor, tmp_path, stem):
    # Wagtail's unsaved-changes watcher takes the form's first state after 2 s; a change
    # after that starts an autosave.
    editor.wait_for_timeout(2500)
    master = tmp_path / f"{stem}.mp4"
    master.write_bytes(film_files.mp4_h264_aac())
    captions = tmp_path / f"{stem}.srt"
    captions.write_bytes(film_files.SRT)
    editor.set_input_files("input[name='sources-0-file']", str(master))
    editor.click("text=Add Caption track")
    editor.set_input_files("input[name='caption_tracks-0-file']", str(captions))


def record_uploads(editor, size):
    """How many POST requests carried at least ``size`` bytes (the master). Playwright
    gives no body of a request with a file, so its Content-Length is counted (known only
    for requests not intercepted by ``route``)."""
    bodies = []

    def seen(request):
        if request.method == "POST":
            bodies.append(int(request.all_headers().get("content-length") or 0))

    editor.on("request", seen)
    return lambda: sum(1 for length in bodies if length >= size)


def test_autosave_then_publish_stores_each_file_once(
    editor, demo_server, demo_media_root, tmp_path
):
    open_new_film(editor, demo_server, "Einmal hochgeladen")
    uploads = record_uploads(editor, len(film_files.mp4_h264_aac()))
    choose_files(editor, tmp_path, "einmal")
    wait_for_autosave(editor)
    # The autosaved form says which file it holds and no longer holds the bytes.
    assert "einmal" in editor.locator("[data-stored-file='sources-0-file']").inner_text()
    assert editor.eval_on_selector("input[name='sources-0-file']", "i => i.files.length") == 0

    publish(editor)
    editor.wait_for_url(LISTING, timeout=120_000)
    assert "published" in editor.locator(".messages").inner_text()
    assert uploads() == 1, "the master was sent once, by the autosave"
    assert stored(demo_media_root, "films", "einmal") == ["einmal.mp4"]
    assert stored(demo_media_root, "films/captions", "einmal") == ["einmal.vtt"]


def test_a_refused_publish_keeps_the_stored_files(editor, demo_server, demo_media_root, tmp_path):
    open_new_film(editor, demo_server, "Fehler im Formular")
    editor.fill("#id_transcript", "")  # required for publishing, not for a draft
    uploads = record_uploads(editor, len(film_files.mp4_h264_aac()))
    choose_files(editor, tmp_path, "behalten")
    wait_for_autosave(editor)
    publish(editor)
    editor.wait_for_selector(".error-message", timeout=60_000)
    assert "behalten" in editor.locator("[data-stored-file='sources-0-file']").inner_text()
    assert "behalten" in editor.locator("[data-stored-file='caption_tracks-0-file']").inner_text()

    # The form shown again starts an autosave of its own (Wagtail: it has unsaved changes);
    # let the page settle before typing.
    editor.wait_for_load_state("networkidle")
    editor.fill("#id_transcript", "Ein grünes Bild, ein Ton.")
    publish(editor)
    editor.wait_for_url(LISTING, timeout=120_000)
    assert "published" in editor.locator(".messages").inner_text()
    assert uploads() == 1
    assert stored(demo_media_root, "films", "behalten") == ["behalten.mp4"]
    assert stored(demo_media_root, "films/captions", "behalten") == ["behalten.vtt"]


def test_the_poster_is_chosen_among_the_stills_with_the_keyboard(editor, demo_server):
    """The demo film's video was processed when the demo was loaded: its three stills are
    offered as a radio group; arrow keys choose one, "Save draft" makes it the poster."""
    editor.goto(demo_server + "/admin/snippets/home/film/")
    editor.locator("table a", has_text="Hier wächst was").first.click()
    editor.wait_for_url("**/edit/**")
    group = editor.get_by_role("radiogroup", name="Poster from the video")
    group.wait_for()
    assert group.get_by_role("radio").count() == 4  # keep, or one of three stills
    assert group.locator("img").count() == 3
    group.get_by_role("radio").first.focus()
    editor.keyboard.press("ArrowRight")
    editor.keyboard.press("ArrowRight")
    chosen = group.get_by_role("radio", checked=True)
    still = chosen.locator("xpath=..").inner_text().strip()
    assert still.startswith("Still 2") or still.startswith("Standbild 2"), still
    with editor.expect_navigation():  # a live film's draft: back to its edit view
        editor.get_by_role("button", name="Save draft").click()
    poster = editor.locator("[data-contentpath='poster']")
    assert still in poster.inner_text(), "the poster chooser now shows the still"


def test_publish_during_an_autosave_upload_waits_for_it(
    editor, demo_server, demo_media_root, tmp_path
):
    """The editor presses "Publish" while the autosave is still sending the master (held
    back here): the form is sent once the autosave is done, without the files."""
    size = len(film_files.mp4_h264_aac())
    held, holding = [], []

    def hold_autosave(route):
        # Playwright shows neither the body nor the length of a request with a file here:
        # the first autosave after the files were chosen is the one that carries them.
        json = route.request.all_headers().get("accept") == "application/json"
        if holding and json and route.request.method == "POST" and not held:
            held.append(route)
        else:
            route.continue_()

    editor.route("**/admin/snippets/home/film/**", hold_autosave)
    open_new_film(editor, demo_server, "Warten auf Autosave")
    choose_files(editor, tmp_path, "warten")
    holding.append(True)
    for _ in range(60):
        if held:
            break
        editor.wait_for_timeout(500)
    assert held, "the autosave sent the master"
    publish(editor)
    editor.wait_for_timeout(1500)
    assert "/add/" in editor.url, "publishing waits for the autosave"
    held[0].continue_()
    # From here on requests are not intercepted, and their length is known. The disk below
    # tells in any case: the server stores every upload it receives.
    editor.unroute("**/admin/snippets/home/film/**")
    uploads = record_uploads(editor, size)
    editor.wait_for_url(LISTING, timeout=120_000)
    assert "published" in editor.locator(".messages").inner_text()
    assert uploads() == 0, "publishing sent no file again"
    assert stored(demo_media_root, "films", "warten") == ["warten.mp4"]
    assert stored(demo_media_root, "films/captions", "warten") == ["warten.vtt"]
