"""A film's files are stored once and kept by the form (issue 21), through the real snippet
views: a refused submit shows the stored files again and the next submit uses them, an
autosave hands the open form a reference instead of the bytes, and a reference cannot be
pointed at any other file."""

import re

import pytest
from django.core import signing

from home.films.kept_uploads import sign
from home.models import Film
from tests.home.test_film_admin import ADD_URL, MSG_NO_SOURCE, expected, film_form, video, vtt

pytestmark = pytest.mark.django_db

SRT = b"1\n00:00:00,000 --> 00:00:01,000\nHallo Lausitz.\n"


def stored(media_root):
    return sorted(
        p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()
    )


def references(html):
    return dict(re.findall(r'name="([\w-]+-file-kept)" value="([^"]+)"', html))


def test_a_refused_submit_keeps_its_valid_files_and_the_next_submit_uses_them(
    admin_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(sources=[{"file": video("reise.mp4")}], tracks=[{"file": vtt()}], title="")
    response = admin_client.post(ADD_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-stored-file="sources-0-file"' in html
    assert "reise.mp4" in html and "film.de.vtt" in html, "the form names the stored files"
    kept = references(html)
    assert set(kept) == {"sources-0-file-kept", "caption_tracks-0-file-kept"}
    assert stored(tmp_path) == ["films/captions/film.de.vtt", "films/reise.mp4"]

    # Refused once more: the references, not the bytes, carry the files on.
    still_refused = film_form(sources=[{"file": ""}], tracks=[{"file": ""}], title="")
    still_refused.update(kept)
    html = admin_client.post(ADD_URL, still_refused).content.decode()
    assert references(html) == kept and "reise.mp4" in html

    again = film_form(sources=[{"file": ""}], tracks=[{"file": ""}], publish=False)
    again.update(kept)
    response = admin_client.post(ADD_URL, again)
    assert response.status_code == 302
    film = Film.objects.get(title="Testfilm")
    assert film.sources.get().file.name == "films/reise.mp4"
    assert film.caption_tracks.get().file.name == "films/captions/film.de.vtt"
    assert stored(tmp_path) == ["films/captions/film.de.vtt", "films/reise.mp4"], "no copy"


def test_a_kept_subrip_file_is_stored_as_webvtt(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    srt = vtt(SRT, name="reise.srt")
    data = film_form(sources=[{"file": video()}], tracks=[{"file": srt}], title="")
    admin_client.post(ADD_URL, data)
    assert (tmp_path / "films/captions/reise.vtt").read_text().startswith("WEBVTT")
    assert not (tmp_path / "films/captions/reise.srt").exists()


def test_autosave_hands_the_form_a_reference_instead_of_the_file(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(sources=[{"file": video("auto.mp4")}], tracks=[{"file": vtt()}], publish=False)
    answer = admin_client.post(ADD_URL, data, HTTP_ACCEPT="application/json").json()
    assert answer["success"]
    updates = answer["field_updates"]
    assert updates["sources-0-file"] == "", "the script empties the file input"
    assert updates["caption_tracks-0-file"] == ""
    assert "auto.mp4" in updates["sources-0-file-kept-label"]

    # "Publish" from the still open form, with Wagtail's field updates applied.
    publish = film_form(sources=[{"file": ""}], tracks=[{"file": ""}])
    publish.update({key: value for key, value in updates.items() if "label" not in key})
    response = admin_client.post(answer["url"], publish)
    assert response.status_code == 302
    film = Film.objects.get(pk=answer["pk"])
    assert film.sources.get().file.name == "films/auto.mp4"
    assert stored(tmp_path)[:2] == ["films/auto.mp4", "films/captions/film.de.vtt"]
    assert [name for name in stored(tmp_path) if "auto" in name] == ["films/auto.mp4"]


@pytest.mark.parametrize(
    "reference",
    [
        signing.dumps("films/encoded/1/abc/master.m3u8", salt="home.films.kept-upload:films"),
        signing.dumps("films/../secret.mp4", salt="home.films.kept-upload:films"),
        signing.dumps("films/other.mp4", salt="another salt"),
        "films/other.mp4",
    ],
    ids=["outside-the-folder", "dot-dot", "foreign-signature", "unsigned"],
)
def test_a_reference_cannot_point_at_another_file(admin_client, settings, tmp_path, reference):
    settings.MEDIA_ROOT = tmp_path
    for name in ("films/encoded/1/abc/master.m3u8", "secret.mp4", "films/other.mp4"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    data = film_form(sources=[{"file": ""}], **{"sources-0-file-kept": reference})
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert expected(MSG_NO_SOURCE, "de") in response.content.decode()
    assert not Film.objects.filter(title="Testfilm").exists()


def test_a_reference_to_a_file_that_is_gone_is_ignored(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(
        sources=[{"file": ""}], **{"sources-0-file-kept": sign("films/gone.mp4", "films")}
    )
    response = admin_client.post(ADD_URL, data)
    assert expected(MSG_NO_SOURCE, "de") in response.content.decode()
    assert not Film.objects.filter(title="Testfilm").exists()
