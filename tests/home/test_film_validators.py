"""Upload checks of the film asset: videos by content (PyAV), caption files as strict WebVTT."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from home.films.embeds import parse_external_video
from home.films.validators import parse_webvtt, validate_video_file, validate_webvtt_file
from tests import film_files

pytestmark = pytest.mark.nodb


class _Upload(SimpleUploadedFile):
    """A fresh upload as a model's FieldFile wraps it (not yet committed to storage)."""

    _committed = False


def upload(name, content, content_type="application/octet-stream"):
    return _Upload(name, content, content_type=content_type)


def codes(error: ValidationError):
    return {e.code for e in error.error_list}


@pytest.mark.parametrize(
    "name,make", [("ok.mp4", film_files.mp4_h264_aac), ("ok.webm", film_files.webm_vp9_opus)]
)
def test_browser_playable_videos_are_accepted(name, make):
    validate_video_file(upload(name, make()))


def test_non_video_renamed_mp4_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload("film.mp4", film_files.not_a_video()))
    assert codes(error.value) == {"not_a_video"}


@pytest.mark.parametrize(
    "name, make",
    [("film.mp4", film_files.mp4_mpeg4_part2), ("film.mkv", film_files.mkv_mpeg4_part2)],
)
def test_a_master_in_a_codec_browsers_cannot_play_is_accepted(name, make):
    """Any codec the worker's ffmpeg decodes: it transcodes the master for browsers."""
    validate_video_file(upload(name, make()))


def test_a_picture_too_small_for_a_film_is_refused_by_content():
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload("film.mp4", film_files.tiny_mp4()))
    assert codes(error.value) == {"too_small"}
    assert "160 × 90" in str(error.value)


def test_size_limit_comes_from_a_setting(settings):
    settings.PORTAL_FILM_MAX_UPLOAD_MB = 0
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload("ok.mp4", film_files.mp4_h264_aac()))
    assert codes(error.value) == {"too_large"}


def test_stored_files_are_not_probed_again():
    class Stored:
        _committed = True

    validate_video_file(Stored())  # no exception, no file access


def test_valid_webvtt_parses_into_cues():
    cues = parse_webvtt(
        "WEBVTT - Deutsch\n\nNOTE Demo\n\n1\n00:00:00.000 --> 00:00:03.500\n[Ton]\nDie Lausitz.\n\n"
        "00:03.500 --> 00:07.500 line:90%\nKrasse Gegend.\n"
    )
    assert cues == [(0.0, 3.5, "[Ton]\nDie Lausitz."), (3.5, 7.5, "Krasse Gegend.")]


@pytest.mark.parametrize(
    "text,code",
    [
        ("00:00:00.000 --> 00:00:01.000\nKein Kopf\n", "no_header"),
        ("", "no_header"),
        ("WEBVTT\n\n", "no_cues"),
        ("WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nKomma statt Punkt\n", "bad_timing"),
        ("WEBVTT\n\n00:00:00.000 -> 00:00:01.000\nFalscher Pfeil\n", "bad_timing"),
        ("WEBVTT\n\n00:00:61.000 --> 00:01:05.000\nSekunde 61\n", "bad_timing"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nRückwärts\n", "bad_timing"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nOhne Dauer\n", "bad_timing"),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n", "empty_cue"),
        ("WEBVTT\n\n1\nText ohne Zeit\n", "bad_timing"),
    ],
)
def test_malformed_webvtt_is_refused(text, code):
    with pytest.raises(ValidationError) as error:
        parse_webvtt(text)
    assert codes(error.value) == {code}


def test_webvtt_upload_must_be_utf8_text():
    validate_webvtt_file(upload("ok.vtt", film_files.VALID_VTT))
    with pytest.raises(ValidationError) as error:
        validate_webvtt_file(
            upload("latin1.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nGrüße\n".encode("latin-1"))
        )
    assert codes(error.value) == {"encoding"}


@pytest.mark.parametrize(
    "url,provider,embed",
    [
        (
            "https://www.youtube.com/watch?v=LausitzDemo",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/LausitzDemo?autoplay=1&rel=0",
        ),
        (
            "https://youtu.be/LausitzDemo",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/LausitzDemo?autoplay=1&rel=0",
        ),
        (
            "https://vimeo.com/123456",
            "Vimeo",
            "https://player.vimeo.com/video/123456?dnt=1&autoplay=1",
        ),
    ],
)
def test_external_addresses_become_privacy_friendly_embeds(url, provider, embed):
    video = parse_external_video(url)
    assert (video.provider, video.embed_url) == (provider, embed)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/video.mp4", "javascript:alert(1)", "https://www.youtube.com/watch?v=x"],
)
def test_other_addresses_are_not_external_videos(url):
    assert parse_external_video(url) is None
