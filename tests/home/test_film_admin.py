"""Editors add films through the real admin snippet views; every refusal explains itself and
leaves nothing behind (no film, no source, no caption track, no revision, no file)."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from home.films.tasks import run
from home.models import Film, FilmCaptionTrack, FilmEncoding, FilmPublishRequest, FilmSource
from tests import film_files

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/home/film/add/?locale=de"
MSG_NO_SOURCE = "Add a source: a video file (MP4 or WebM) or the address of a YouTube/Vimeo video."
MSG_TWO_KINDS = (
    "A film is either self-hosted or external: remove the video files or the external address."
)
MSG_TWO_URLS = "An external film has exactly one address; remove the others."
MSG_NOT_EXTERNAL = "“%(url)s” is not a YouTube or Vimeo video address."
MSG_NOT_VIDEO = "This file is not a video we can read. Upload the film as MP4, MOV, MKV or WebM."
MSG_TOO_SMALL = (
    "The picture is only %(width)s × %(height)s pixels; a film needs at least "
    "%(min_width)s × %(min_height)s (1920 × 1080 is best)."
)
MSG_NO_HEADER = "This is not a WebVTT file: the first line must be “WEBVTT”."
MSG_BAD_TIMING = "Invalid caption timing “%(timing)s”: write it as “00:00:01.000 --> 00:00:04.000”."


def film_form(sources=(), tracks=(), publish=True, **fields):
    """POST data of the film form with inline rows (``sources``/``tracks``: dicts)."""
    data = {
        "title": "Testfilm",
        "description": "Ein Film für Tests.",
        "duration": "1",
        "original_language": "de",
        "poster": "",
        "poster_alt": "",
        "transcript": "Ein grünes Bild, ein Ton.",
        "audio_description_statement": "Alles Wichtige wird gesagt.",
        "credits": "",
        **fields,
    }
    for prefix, rows, defaults in (
        ("sources", sources, {"language": "de", "external_url": ""}),
        ("caption_tracks", tracks, {"language": "de", "kind": "captions"}),
    ):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for index, row in enumerate(rows):
            for key, value in {**defaults, **row, "ORDER": str(index + 1), "id": ""}.items():
                data[f"{prefix}-{index}-{key}"] = value
    if publish:
        data["action-publish"] = "action-publish"
    return data


def video(name="film.mp4", content=None):
    return SimpleUploadedFile(name, content or film_files.mp4_h264_aac(), "video/mp4")


def vtt(content=film_files.VALID_VTT, name="film.de.vtt"):
    return SimpleUploadedFile(name, content, "text/vtt")


def counts():
    return (
        Film.objects.count(),
        FilmSource.objects.count(),
        FilmCaptionTrack.objects.count(),
        Revision.objects.filter(content_type__model="film").count(),
    )


@pytest.fixture(params=["de", "en"])
def admin_language(request, admin_user):
    """Every refusal is checked with the admin in German and in English."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = request.param
    profile.save()
    return request.param


def expected(msgid, language):
    """The start of ``msgid`` in ``language`` (up to its first placeholder)."""
    with translation.override(language):
        return translation.gettext(msgid).split("%(")[0]


def assert_refused(admin_client, data, msgid, language):
    before = counts()
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200, "the form is shown again with errors"
    html = response.content.decode()
    message = expected(msgid, language)
    if language == "de":
        assert message != msgid.split("%(")[0], f"no German translation for {msgid!r}"
    assert message in html, message
    assert counts() == before, "nothing may be saved"
    assert not Film.objects.filter(title="Testfilm").exists()


def test_self_hosted_film_is_published_once_its_video_is_ready(admin_client, settings, tmp_path):
    """ "Publish" on a fresh upload saves the film and publishes it when the worker is done
    (the test's transaction never commits, so the task is run here, as the worker would)."""
    settings.MEDIA_ROOT = tmp_path
    data = film_form(sources=[{"file": video()}], tracks=[{"file": vtt()}])
    response = admin_client.post(ADD_URL, data, follow=True)
    assert response.status_code == 200
    assert "automatisch veröffentlicht, sobald es bereit ist" in response.content.decode()
    film = Film.objects.get(title="Testfilm")
    assert not film.live and film.locale.language_code == "de"
    master = film.sources.get().file.name
    assert master.startswith("films/")
    assert film.caption_tracks.get().file.name.startswith("films/captions/")
    encoding = FilmEncoding.objects.get(master=master)
    assert encoding.status == FilmEncoding.Status.QUEUED
    assert FilmPublishRequest.objects.filter(film=film).exists()

    assert run(encoding.pk) == FilmEncoding.Status.READY

    film.refresh_from_db()
    assert film.live and film.duration == 2
    assert not FilmPublishRequest.objects.filter(film=film).exists()


def test_external_film_is_published(admin_client):
    data = film_form(
        sources=[{"external_url": "https://vimeo.com/123456"}], host_captions_confirmed="on"
    )
    assert admin_client.post(ADD_URL, data).status_code == 302
    assert Film.objects.get(title="Testfilm").sources.get().external_url


def test_film_without_any_source_is_refused(admin_client, admin_language):
    assert_refused(admin_client, film_form(), MSG_NO_SOURCE, admin_language)


def test_film_with_two_kinds_of_sources_is_refused(
    admin_client, admin_language, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(
        sources=[{"file": video()}, {"external_url": "https://www.youtube.com/watch?v=LausitzDemo"}]
    )
    assert_refused(admin_client, data, MSG_TWO_KINDS, admin_language)
    # The valid master is stored once and kept for the next submit (issue 21); an abandoned
    # one is removed by clean_film_uploads (tests/films/test_clean_uploads.py).
    assert [p.name for p in tmp_path.rglob("*.mp4")] == ["film.mp4"]


def test_two_external_addresses_are_refused(admin_client, admin_language):
    data = film_form(
        sources=[{"external_url": "https://vimeo.com/1"}, {"external_url": "https://vimeo.com/2"}]
    )
    assert_refused(admin_client, data, MSG_TWO_URLS, admin_language)


def test_address_that_is_not_youtube_or_vimeo_is_refused(admin_client, admin_language):
    data = film_form(sources=[{"external_url": "https://example.org/film.mp4"}])
    assert_refused(admin_client, data, MSG_NOT_EXTERNAL, admin_language)


def test_non_video_renamed_mp4_is_refused(admin_client, admin_language, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(sources=[{"file": video(content=film_files.not_a_video())}])
    assert_refused(admin_client, data, MSG_NOT_VIDEO, admin_language)
    assert not list(tmp_path.rglob("*.mp4"))


@pytest.mark.parametrize(
    "name, make",
    [("film.mp4", film_files.mp4_mpeg4_part2), ("film.mkv", film_files.mkv_mpeg4_part2)],
)
def test_a_master_in_a_codec_browsers_cannot_play_is_accepted(
    admin_client, settings, tmp_path, name, make
):
    """The worker transcodes it for browsers (home.films.tasks)."""
    settings.MEDIA_ROOT = tmp_path
    data = film_form(sources=[{"file": video(name, content=make())}], publish=False)
    assert admin_client.post(ADD_URL, data).status_code == 302
    master = Film.objects.get(title="Testfilm").sources.get().file.name
    assert FilmEncoding.objects.get(master=master).status == FilmEncoding.Status.QUEUED


def test_a_picture_too_small_for_a_film_is_refused(
    admin_client, admin_language, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(sources=[{"file": video(content=film_files.tiny_mp4())}])
    assert_refused(admin_client, data, MSG_TOO_SMALL, admin_language)
    assert not list(tmp_path.rglob("*.mp4"))


def test_caption_file_without_header_is_refused(admin_client, admin_language, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(
        sources=[{"file": video()}],
        tracks=[{"file": vtt(b"00:00:00.000 --> 00:00:01.000\nHallo\n")}],
    )
    assert_refused(admin_client, data, MSG_NO_HEADER, admin_language)
    stored = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()]
    assert stored == ["films/film.mp4"], "the refused captions are not stored; the video is kept"


def test_caption_file_with_bad_timestamps_is_refused(
    admin_client, admin_language, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = film_form(
        sources=[{"file": video()}],
        tracks=[{"file": vtt(b"WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nHallo\n")}],
    )
    assert_refused(admin_client, data, MSG_BAD_TIMING, admin_language)


def test_publishing_checks_the_sources_again(german):
    """The translation editor and code bypass the admin form; publishing still refuses."""
    film = Film(
        locale=german, title="Ohne Quelle", description="x", duration=1, transcript="x", live=False
    )
    film.save()
    revision = film.save_revision()
    with translation.override("en"), pytest.raises(ValidationError, match="Add a source"):
        revision.publish()
    film.refresh_from_db()
    assert not film.live and film.first_published_at is None
    film.live = True
    with pytest.raises(ValidationError):
        film.save()  # a film never becomes live without a valid source, whatever the path
    assert not Film.objects.get(pk=film.pk).live


def test_a_film_without_sources_cannot_go_live_through_wagtail_localize(german, english):
    from tests.helpers import translate_with_localize

    film = Film(
        locale=german, title="Entwurf", description="x", duration=1, transcript="x", live=False
    )
    film.save()
    with pytest.raises(ValidationError):
        translate_with_localize(film)
    assert not Film.objects.filter(locale=english, translation_key=film.translation_key).exists()


def test_demo_film_can_be_edited_and_republished_without_uploading_again(admin_client):
    film = Film.objects.get(locale__language_code="de", title="Hier wächst was")
    url = f"/admin/snippets/home/film/edit/{film.pk}/"
    assert admin_client.get(url).status_code == 200
    data = film_form(title="Hier wächst was", duration="")
    for prefix, rows, fields in (
        ("sources", film.sources.all(), ("language", "external_url")),
        ("caption_tracks", film.caption_tracks.all(), ("language", "kind")),
    ):
        data.update(
            {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(len(rows))}
        )
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
            data[f"{prefix}-{index}-ORDER"] = str(index + 1)
            for field in fields:
                data[f"{prefix}-{index}-{field}"] = getattr(row, field)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-600:]
    film.refresh_from_db()
    assert film.live and film.sources.get().file.name.endswith(".mp4")
    assert film.caption_tracks.count() == len(settings.LANGUAGES)  # the demo's, one a language


def test_films_are_listed_in_the_admin(admin_client):
    response = admin_client.get("/admin/snippets/home/film/")
    assert response.status_code == 200
    assert "Hier wächst was" in response.content.decode()
