"""``manage.py clean_film_uploads`` deletes the film uploads nothing uses once they are older
than the grace period, and nothing else: not a file a film row or any revision names, not a
file a form may still hold, not the worker's renditions (issue 21)."""

import logging
import os
import time
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from home.films.encoding import FilmEncoding
from home.models import Film, FilmCaptionTrack, FilmSource

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PORTAL_FILM_UPLOAD_GRACE_HOURS = 24
    return tmp_path


def put(media, name, age_seconds):
    path = media / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def film_using(master, captions, earlier_master):
    """A draft film whose rows name ``master`` and ``captions`` and whose first revision
    named ``earlier_master``."""
    film = Film(locale=Locale.objects.get(language_code="de"), live=False, title="Aufräumen")
    film.description = film.transcript = "x"
    film.sources = [FilmSource(language="de", file=earlier_master)]
    film.save()
    film.save_revision()
    film.sources = [FilmSource(language="de", file=master)]
    film.caption_tracks = [FilmCaptionTrack(language="de", file=captions)]
    film.save()
    return film


def present(media):
    return sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())


def test_unused_uploads_past_the_grace_period_are_removed_and_logged(media, caplog):
    for name in (
        "films/used.mp4",
        "films/captions/used.vtt",
        "films/in-revision.mp4",
        "films/abandoned.mp4",
        "films/captions/abandoned.vtt",
        "films/encoded/7/abc/master.m3u8",
    ):
        put(media, name, age_seconds=2 * DAY)
    put(media, "films/still-in-a-form.mp4", age_seconds=3600)
    film_using("films/used.mp4", "films/captions/used.vtt", "films/in-revision.mp4")
    FilmEncoding.objects.create(master="films/abandoned.mp4", status="ready", output="")

    out = StringIO()
    with caplog.at_level(logging.INFO, logger="home.films.orphans"):
        call_command("clean_film_uploads", stdout=out)

    assert present(media) == [
        "films/captions/used.vtt",
        "films/encoded/7/abc/master.m3u8",
        "films/in-revision.mp4",
        "films/still-in-a-form.mp4",
        "films/used.mp4",
    ]
    assert "removed films/abandoned.mp4" in out.getvalue()
    assert "removed films/captions/abandoned.vtt" in out.getvalue()
    assert "2 unused film upload(s) removed" in out.getvalue()
    assert "removed unused film upload films/abandoned.mp4" in caplog.text
    assert not FilmEncoding.objects.filter(master="films/abandoned.mp4").exists()


def test_a_dry_run_only_lists(media):
    put(media, "films/abandoned.mp4", age_seconds=2 * DAY)
    out = StringIO()
    call_command("clean_film_uploads", "--dry-run", stdout=out)
    assert "would remove films/abandoned.mp4" in out.getvalue()
    assert present(media) == ["films/abandoned.mp4"]


def test_a_site_without_film_uploads_has_nothing_to_clean(media):
    out = StringIO()
    call_command("clean_film_uploads", stdout=out)
    assert "0 unused film upload(s) removed" in out.getvalue()
