"""An editor uploads a film master in Chromium: the size limit is checked before anything is
sent, the upload shows its progress, "Publish" ends with the film processed and live, the
panel "Video processing" names the renditions, and the film plays on the public site.

The demo server of these tests runs tasks inside the request (PORTAL_TASKS=immediate, no
worker), so the film is processed by the time the form comes back; the waiting path ("it
will be published automatically") runs with a real worker in tests/films/test_worker.py.
"""

import pytest

from tests import film_files

pytestmark = pytest.mark.browser


def open_new_film(editor, demo_server, title):
    editor.goto(demo_server + "/admin/snippets/home/film/add/?locale=de")
    editor.fill("#id_title", title)
    editor.fill("#id_description", "Ein Film aus dem Browsertest.")
    editor.fill("#id_transcript", "Ein grünes Bild, ein Ton.")
    editor.click("text=Add Source")


def publish(editor):
    editor.locator(
        "footer [data-w-dropdown-target='toggle'], footer button[aria-expanded]"
    ).last.click()
    editor.click("button[name='action-publish']")


def test_an_editor_uploads_a_master_and_the_film_goes_live(editor, demo_server, tmp_path):
    master = tmp_path / "reise.mkv"
    master.write_bytes(film_files.mkv_mpeg4_part2())  # a codec no browser plays
    captions = tmp_path / "reise.srt"
    captions.write_bytes(film_files.SRT)
    open_new_film(editor, demo_server, "Browserfilm")
    editor.set_input_files("input[name='sources-0-file']", str(master))
    editor.click("text=Add Caption track")
    editor.set_input_files("input[name='caption_tracks-0-file']", str(captions))
    upload_progress = []
    editor.on(
        "request",
        lambda request: request.method == "POST" and upload_progress.append(request.resource_type),
    )
    publish(editor)
    editor.wait_for_url("**/admin/snippets/home/film/?**", timeout=120_000)
    # Sent once, by the upload script (whose progress events drive the bar), not the browser.
    assert upload_progress == ["xhr"]
    assert "created and published" in editor.locator(".messages").inner_text()
    row = editor.locator("tr", has_text="Browserfilm")
    assert "ready" in row.inner_text()

    row.locator("a", has_text="Browserfilm").first.click()
    panel = editor.locator("[data-film-processing]")
    assert "The video is ready." in panel.inner_text()
    assert "270p" in panel.inner_text()  # the ladder of a 480 × 270 master
    assert editor.locator(".film-stills img").count() == 3  # offered as the poster


def test_a_master_above_the_size_limit_is_refused_before_it_is_sent(editor, demo_server, tmp_path):
    open_new_film(editor, demo_server, "Zu groß")
    limit = int(editor.get_attribute("[data-film-processing]", "data-max-upload-bytes"))
    big = tmp_path / "gross.mp4"
    with big.open("wb") as file:
        file.truncate(limit + 1)
    editor.set_input_files("input[name='sources-0-file']", str(big))
    alert = editor.locator("[role=alert]", has_text="at most")
    assert alert.is_visible()
    posts = []
    editor.on("request", lambda request: request.method == "POST" and posts.append(request))
    publish(editor)
    editor.wait_for_timeout(1000)
    assert posts == [], "nothing was uploaded"
    assert "/add/" in editor.url
