"""Which version and which captions a visitor gets: the page's language first, then the
original version; audio-described versions are offered separately, never as the default."""

import pytest

from home.films.rendering import player_context
from home.models import Film, FilmCaptionTrack, FilmSource

pytestmark = pytest.mark.nodb


def film(sources, tracks=(), original="de"):
    instance = Film(title="Test", original_language=original, duration=10, transcript="x")
    instance.sources = [FilmSource(**s) for s in sources]
    instance.caption_tracks = [FilmCaptionTrack(**t) for t in tracks]
    return instance


def files(player):
    return [s.file.name for s in player["sources"]]


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
    assert player["described"].file.name == "films/de-ad.mp4"


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
