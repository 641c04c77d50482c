"""Which version and which captions a visitor gets: the page's language first, then the
original version; audio-described versions are offered separately, never as the default."""

from urllib.parse import urlsplit

import pytest

from home.films.rendering import player_context
from home.models import Film, FilmCaptionTrack, FilmSource

pytestmark = pytest.mark.nodb


def film(sources, tracks=(), original="de"):
    instance = Film(title="Test", original_language=original, duration=10, transcript="x")
    instance.sources = [FilmSource(**s) for s in sources]
    for source in instance.sources.all():  # as films_with_media() reads them: not encoded
        source.encoded_hls = source.encoded_mp4 = None
    instance.caption_tracks = [FilmCaptionTrack(**t) for t in tracks]
    return instance


def files(player):
    return [stored_name(s.url) for s in player["sources"]]


def stored_name(url):
    return urlsplit(url).path.removeprefix("/media/")


def test_page_language_version_comes_first_mp4_before_webm():
    player = player_context(
        film(
            [
                {"language": "de", "file": "films/de.mp4"},
                {"language": "en", "file": "films/en.webm"},
                {"language": "en", "file": "films/en.mp4"},
            ]
        ),
        "en",
    )
    assert files(player) == ["films/en.mp4", "films/en.webm"]


def test_missing_language_falls_back_to_the_original_version():
    player = player_context(
        film(
            [{"language": "de", "file": "films/de.mp4"}, {"language": "pl", "file": "films/pl.mp4"}]
        ),
        "en",
    )
    assert files(player) == ["films/de.mp4"]


def test_audio_described_version_is_offered_beside_the_film():
    player = player_context(
        film(
            [
                {"language": "de", "file": "films/de.mp4"},
                {"language": "de", "file": "films/de-ad.mp4", "audio_described": True},
            ]
        ),
        "de",
    )
    assert files(player) == ["films/de.mp4"]
    assert stored_name(player["described"].url) == "films/de-ad.mp4"


def test_default_track_is_the_page_languages_captions_not_descriptions():
    player = player_context(
        film(
            [{"language": "de", "file": "films/de.mp4"}],
            [
                {"language": "en", "kind": "descriptions", "file": "films/captions/en-d.vtt"},
                {"language": "de", "kind": "captions", "file": "films/captions/de.vtt"},
                {"language": "en", "kind": "subtitles", "file": "films/captions/en.vtt"},
            ],
        ),
        "en",
    )
    defaults = [(t["track"].language, t["track"].kind) for t in player["tracks"] if t["default"]]
    assert defaults == [("en", "subtitles")]
    labels = [t["label"] for t in player["tracks"]]
    assert labels[0].startswith("English (") and labels[1] == "Deutsch"


def test_external_film_has_no_files_only_the_embed():
    player = player_context(
        film([{"language": "de", "external_url": "https://youtu.be/LausitzDemo"}]), "de"
    )
    assert player["external"].embed_url.startswith("https://www.youtube-nocookie.com/embed/")


def test_an_encoded_version_streams_its_ladder_and_offers_its_mp4():
    instance = film([{"language": "de", "file": "films/master.mov"}])
    source = instance.sources.all()[0]
    source.encoded_hls = "films/encoded/1/ab/hls/master.m3u8"
    source.encoded_mp4 = "films/encoded/1/ab/film.mp4"
    player = player_context(instance, "de")
    assert stored_name(player["hls"]) == "films/encoded/1/ab/hls/master.m3u8"
    assert files(player) == ["films/encoded/1/ab/film.mp4"]
    assert player["sources"][0].mime_type == "video/mp4"


def test_a_master_browsers_cannot_play_is_not_offered_before_it_is_encoded():
    player = player_context(film([{"language": "de", "file": "films/master.mov"}]), "de")
    assert player["hls"] is None and files(player) == []
