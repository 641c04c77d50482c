"""The film pipeline inside the site: an upload's encoding, its states, what the editor sees,
publishing once ready, and what a bad master leaves behind (nothing).

The task runs here with real ffmpeg on small clips, as the worker would run it
(``home.films.tasks.run``); tests/films/test_worker.py runs it in a real worker process.
"""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import Locale

from home.films.encoding import FilmEncoding, FilmPublishRequest
from home.films.pipeline import queue_masters
from home.films.posters import COLLECTION_NAME
from home.films.rendering import films_with_media, player_context
from home.films.tasks import resume_stalled, run
from home.models import CustomImage, Film, FilmCaptionTrack, FilmSource
from tests import film_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored(name, content):
    return default_storage.save(name, ContentFile(content))


def encoded(master_content, name="films/master.mp4"):
    master = stored(name, master_content)
    queue_masters([master])
    return FilmEncoding.objects.get(master=master)


def files_under(media, folder):
    return sorted(p for p in (media / folder).rglob("*") if p.is_file())


def live_film(master, **fields):
    """A live German film showing ``master``, made as the pipeline allows: ready first."""
    german = Locale.objects.get(language_code="de")
    film = Film(
        locale=german,
        live=False,
        title=fields.pop("title", "Pipelinefilm"),
        description="x",
        transcript="x",
        **fields,
    )
    film.sources = [FilmSource(language="de", file=master)]
    film.caption_tracks = [
        FilmCaptionTrack(language="de", file=ContentFile(film_files.VALID_VTT, name="c.vtt"))
    ]
    film.save()
    film.save_revision().publish()
    film.refresh_from_db()
    return film


def test_a_master_becomes_a_ladder_an_mp4_and_stills(media):
    encoding = encoded(film_files.mp4_h264_aac())
    assert encoding.status == FilmEncoding.Status.QUEUED

    assert run(encoding.pk) == FilmEncoding.Status.READY

    encoding.refresh_from_db()
    assert (encoding.progress, encoding.error) == (100, "")
    assert (encoding.width, encoding.height, encoding.has_audio) == (480, 270, True)
    assert encoding.duration == pytest.approx(2, abs=0.1)
    assert encoding.rendition_names == ["270p"]
    assert default_storage.exists(encoding.hls_master)
    assert default_storage.exists(encoding.mp4)
    for rendition in encoding.renditions:
        assert default_storage.exists(rendition["playlist"])
    playlist = default_storage.open(encoding.hls_master).read().decode()
    assert playlist.count("#EXT-X-STREAM-INF") == 1
    stills = CustomImage.objects.filter(pk__in=encoding.posters)
    assert stills.count() == 3
    assert {still.collection.name for still in stills} == {COLLECTION_NAME}


def test_the_same_master_is_encoded_once_however_often_it_is_saved():
    encoding = encoded(film_files.mp4_h264_aac())
    queue_masters([encoding.master, encoding.master])
    assert FilmEncoding.objects.filter(master=encoding.master).count() == 1
    assert run(encoding.pk) == FilmEncoding.Status.READY
    assert run(encoding.pk) == "not queued", "a second task for the same master does nothing"


@pytest.mark.parametrize(
    "content, words",
    [
        (film_files.not_a_video(), "damaged"),
        (film_files.audio_only(), "no picture"),
        (film_files.tiny_mp4(), "160"),
        (film_files.truncated_mp4(), "incomplete"),
    ],
    ids=["corrupt", "audio-only", "too-small", "truncated"],
)
def test_a_bad_master_fails_with_a_reason_and_leaves_nothing_behind(media, content, words):
    encoding = encoded(content)
    stills_before = CustomImage.objects.count()

    with translation.override("en"):  # the worker writes in the site's language (de)
        assert run(encoding.pk) == FilmEncoding.Status.FAILED

    encoding.refresh_from_db()
    assert words in encoding.error
    assert "ffmpeg" not in encoding.error.lower(), "the reason is for editors"
    assert not encoding.hls_master and not encoding.mp4
    assert files_under(media, "films/encoded") == []
    assert CustomImage.objects.count() == stills_before


def test_a_failed_attempt_keeps_the_last_ready_renditions(media):
    encoding = encoded(film_files.mp4_h264_aac())
    run(encoding.pk)
    encoding.refresh_from_db()
    ready_files = files_under(media, "films/encoded")
    # The master is damaged afterwards (a storage fault); an editor asks for another run.
    default_storage.delete(encoding.master)
    stored(encoding.master, film_files.not_a_video())
    FilmEncoding.objects.filter(pk=encoding.pk).update(status=FilmEncoding.Status.QUEUED)

    assert run(encoding.pk) == FilmEncoding.Status.FAILED

    failed = FilmEncoding.objects.get(pk=encoding.pk)
    assert failed.error and failed.is_playable
    assert (failed.hls_master, failed.mp4) == (encoding.hls_master, encoding.mp4)
    assert files_under(media, "films/encoded") == ready_files


def test_a_new_attempt_replaces_the_old_renditions_only_when_it_is_complete(media):
    encoding = encoded(film_files.mp4_h264_aac())
    run(encoding.pk)
    encoding.refresh_from_db()
    FilmEncoding.objects.filter(pk=encoding.pk).update(status=FilmEncoding.Status.QUEUED)

    assert run(encoding.pk) == FilmEncoding.Status.READY

    again = FilmEncoding.objects.get(pk=encoding.pk)
    assert again.output != encoding.output
    assert default_storage.exists(again.hls_master)
    assert not default_storage.exists(encoding.hls_master), "the old folder is removed"
    assert again.posters == encoding.posters, "the stills are not made twice"


def test_a_film_goes_live_only_when_its_video_is_ready(german):
    master = stored("films/waiting.mp4", film_files.mp4_h264_aac())
    film = Film(locale=german, live=False, title="Wartet", description="x", transcript="x")
    film.sources = [FilmSource(language="de", file=master)]
    film.caption_tracks = [
        FilmCaptionTrack(language="de", file=ContentFile(film_files.VALID_VTT, name="c.vtt"))
    ]
    film.save()
    revision = film.save_revision()
    with translation.override("en"), pytest.raises(ValidationError, match="waiting to be"):
        revision.publish()
    assert not Film.objects.get(pk=film.pk).live

    run(FilmEncoding.objects.get(master=master).pk)
    revision.publish()
    film.refresh_from_db()
    assert film.live and film.duration == 2


def test_the_player_streams_the_ladder_and_offers_the_mp4():
    encoding = encoded(film_files.mp4_h264_aac())
    run(encoding.pk)
    encoding.refresh_from_db()
    film = live_film(encoding.master)
    player = player_context(films_with_media().get(pk=film.pk), "de")
    assert player["hls"] == default_storage.url(encoding.hls_master)
    assert [source.url for source in player["sources"]] == [default_storage.url(encoding.mp4)]


def test_a_stalled_encoding_is_queued_again(settings):
    """A worker killed mid-transcode leaves "processing" with a stopped heartbeat."""
    from django.utils import timezone

    settings.PORTAL_FILM_STALLED_SECONDS = 60
    encoding = encoded(film_files.mp4_h264_aac())
    FilmEncoding.objects.filter(pk=encoding.pk).update(
        status=FilmEncoding.Status.PROCESSING,
        progress=40,
        heartbeat_at=timezone.now() - timezone.timedelta(seconds=61),
    )
    fresh = encoded(film_files.mp4_h264_aac(), name="films/running.mp4")
    FilmEncoding.objects.filter(pk=fresh.pk).update(
        status=FilmEncoding.Status.PROCESSING, heartbeat_at=timezone.now()
    )

    resume_stalled()

    assert FilmEncoding.objects.get(pk=encoding.pk).status == FilmEncoding.Status.READY
    assert FilmEncoding.objects.get(pk=fresh.pk).status == FilmEncoding.Status.PROCESSING


def test_subrip_captions_are_stored_as_webvtt(german):
    track = FilmCaptionTrack(
        language="de", file=SimpleUploadedFile("untertitel.srt", film_files.SRT)
    )
    film = Film(locale=german, live=False, title="film_files.SRT", description="x", transcript="x")
    film.caption_tracks = [track]
    film.save()
    stored_track = film.caption_tracks.get()
    assert stored_track.file.name.endswith("untertitel.vtt")
    text = stored_track.file.read().decode()
    assert text.startswith("WEBVTT") and "00:00:01.500 --> 00:00:02.000" in text


def test_the_status_endpoint_reports_each_version(admin_client):
    encoding = encoded(film_files.mp4_h264_aac())
    german = Locale.objects.get(language_code="de")
    film = Film(locale=german, live=False, title="Status", description="x", transcript="x")
    film.sources = [FilmSource(language="de", file=encoding.master)]
    film.save()
    FilmEncoding.objects.filter(pk=encoding.pk).update(
        status=FilmEncoding.Status.PROCESSING, progress=45
    )
    response = admin_client.get(f"/admin/films/{film.pk}/processing/")
    assert "no-store" in response["Cache-Control"]
    (version,) = json.loads(response.content)["versions"]
    assert (version["status"], version["progress"]) == ("processing", 45)
    assert "45" in version["message"]


def test_process_again_queues_a_finished_encoding(admin_client):
    encoding = encoded(film_files.mp4_h264_aac())
    run(encoding.pk)
    response = admin_client.post(f"/admin/films/encodings/{encoding.pk}/again/")
    assert response.status_code == 302
    assert FilmEncoding.objects.get(pk=encoding.pk).status == FilmEncoding.Status.QUEUED
    # Asking twice while it waits changes nothing.
    admin_client.post(f"/admin/films/encodings/{encoding.pk}/again/")
    assert FilmEncoding.objects.get(pk=encoding.pk).status == FilmEncoding.Status.QUEUED


def test_people_without_film_rights_get_no_status_and_cannot_requeue(client, django_user_model):
    encoding = encoded(film_files.mp4_h264_aac())
    run(encoding.pk)
    user = django_user_model.objects.create_user("leser", password="x")
    client.force_login(user)
    assert client.post(f"/admin/films/encodings/{encoding.pk}/again/").status_code in (302, 403)
    assert FilmEncoding.objects.get(pk=encoding.pk).status == FilmEncoding.Status.READY


def test_a_publish_request_is_cancelled_when_the_video_fails(admin_client, german):
    """The live film keeps its ready version; the editor's new upload failed."""
    good = encoded(film_files.mp4_h264_aac())
    run(good.pk)
    film = live_film(good.master)
    bad_master = stored("films/bad.mp4", film_files.not_a_video())
    queue_masters([bad_master])
    draft = film.get_latest_revision_as_object()
    draft.sources.all()[0].file = bad_master
    revision = draft.save_revision()
    FilmPublishRequest.objects.create(film=film, revision=revision)

    run(FilmEncoding.objects.get(master=bad_master).pk)

    assert not FilmPublishRequest.objects.exists()
    film.refresh_from_db()
    assert film.live and film.sources.get().file.name == good.master


def test_the_master_can_be_dropped_once_its_renditions_exist(settings):
    settings.PORTAL_FILM_KEEP_MASTER = False
    encoding = encoded(film_files.mp4_h264_aac())
    assert run(encoding.pk) == FilmEncoding.Status.READY
    encoding.refresh_from_db()
    assert not default_storage.exists(encoding.master)
    assert default_storage.exists(encoding.hls_master) and default_storage.exists(encoding.mp4)


def test_the_master_is_kept_by_default():
    encoding = encoded(film_files.mp4_h264_aac())
    run(encoding.pk)
    assert default_storage.exists(encoding.master)


def test_masters_from_before_the_pipeline_are_processed_by_resume_films():
    """An upgraded site: its films' masters have no encoding yet."""
    from django.core.management import call_command

    encoding = encoded(film_files.mp4_h264_aac(), name="films/old.mp4")
    film = film_from_before_the_pipeline(encoding)
    call_command("resume_films", verbosity=0)
    again = FilmEncoding.objects.get(master=film.sources.get().file.name)
    assert again.status == FilmEncoding.Status.READY


def film_from_before_the_pipeline(encoding):
    """A film saved before the pipeline: its source row, and no encoding for its master."""
    german = Locale.objects.get(language_code="de")
    film = Film(locale=german, live=False, title="Alt", description="x", transcript="x")
    film.sources = [FilmSource(language="de", file=encoding.master)]
    film.save()
    FilmEncoding.objects.filter(master=encoding.master).delete()
    return film
