"""What a player needs, computed once in Python so that a film looks the same on its film
page, in the campaign grid's page and inside any page body (FilmBlock).

A self-hosted version plays what the worker made of its master (``home.films.tasks``): the
HLS ladder for players that stream, and the progressive MP4 for the rest and for download.
The encoding's outputs are read with the sources, in the same query. A master with no
complete outputs yet (a film from before the pipeline, until ``resume_films`` processed
it) plays the uploaded file itself if browsers can.
"""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from home.films.embeds import parse_external_video
from home.films.encoding import FilmEncoding
from home.films.models import Film, FilmCaptionTrack, FilmSource
from portal.languages import current_language
from portal.transliteration import ascii_slug

BROWSER_FORMATS = {".mp4": "video/mp4", ".webm": "video/webm"}


@dataclass(frozen=True)
class PlayableFile:
    url: str
    mime_type: str
    name: str = ""  # in default_storage
    size: int | None = None  # bytes, where the pipeline noted them


@dataclass(frozen=True)
class Download:
    """The film as a file to keep, with what the visitor needs to decide: format, size and
    length (BITV 2.0 asks this of sign-language films; every self-hosted film offers it)."""

    url: str
    filename: str
    format: str
    size: int | None


def _download(film, progressive: list[PlayableFile]) -> Download | None:
    mp4 = next((f for f in progressive if f.mime_type == "video/mp4" and f.name), None)
    if mp4 is None:
        return None
    size = mp4.size
    if size is None:  # made before sizes were noted, or an uploaded MP4 played as it is
        try:
            size = default_storage.size(mp4.name)
        except (OSError, NotImplementedError):
            size = None  # still offered; its size is just not known
    return Download(mp4.url, f"{ascii_slug(film.title) or 'film'}.mp4", "MP4", size)


def films_with_media():
    encoding = FilmEncoding.objects.filter(master=OuterRef("file"))
    sources = FilmSource.objects.order_by("sort_order", "pk").annotate(
        encoded_hls=Subquery(encoding.values("hls_master")[:1]),
        encoded_mp4=Subquery(encoding.values("mp4")[:1]),
        encoded_mp4_size=Subquery(encoding.values("mp4_size")[:1]),
    )
    return Film.objects.select_related("poster", "locale").prefetch_related(
        Prefetch("sources", queryset=sources),
        Prefetch("caption_tracks", queryset=FilmCaptionTrack.objects.order_by("sort_order", "pk")),
    )


def _streams(source) -> tuple[str | None, list[PlayableFile]]:
    """(HLS playlist URL or None, progressive files) of one self-hosted version."""
    hls = getattr(source, "encoded_hls", None)
    mp4 = getattr(source, "encoded_mp4", None)
    if hls and mp4:
        size = getattr(source, "encoded_mp4_size", None)
        return default_storage.url(hls), [
            PlayableFile(default_storage.url(mp4), "video/mp4", mp4, size)
        ]
    suffix = "." + source.file.name.rsplit(".", 1)[-1].lower()
    if suffix in BROWSER_FORMATS:
        return None, [PlayableFile(source.file.url, BROWSER_FORMATS[suffix], source.file.name)]
    return None, []


def live_film(film, language: str | None = None):
    """The live film in ``language`` (by translation key), else the live original, else None.

    Page and block references are translated by wagtail-localize, but an English page may
    still point at a German film whose translation is a draft; never show a draft.
    """
    if film is None:
        return None
    language = language or current_language()
    versions = {
        f.locale.language_code: f
        for f in films_with_media().filter(translation_key=film.translation_key, live=True)
    }
    return (
        versions.get(language)
        or versions.get(film.original_language)
        or (next(iter(versions.values()), None))
    )


def _autonym(code: str) -> str:
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def _track_label(track) -> str:
    name = _autonym(track.language)
    if track.kind == "descriptions":
        return _("%(language)s (description of what is shown)") % {"language": name}
    if track.kind == "subtitles":
        return _("%(language)s (subtitles)") % {"language": name}
    return name


def player_context(film, language: str | None = None) -> dict:
    """Sources in the page's language (falling back to the original version), caption
    tracks with the page language's captions as default, or the external video."""
    language = language or current_language()
    sources = list(film.sources.all())
    external = next((s for s in sources if s.external_url), None)
    if external is not None:
        return {"film": film, "external": parse_external_video(external.external_url)}

    def pick(candidates):
        return (
            [s for s in candidates if s.language == language]
            or [s for s in candidates if s.language == film.original_language]
            or candidates
        )

    files = [s for s in sources if s.file]
    main = pick([s for s in files if not s.audio_described])
    described = pick([s for s in files if s.audio_described])
    hls, progressive = None, []
    for source in main:
        source_hls, source_files = _streams(source)
        hls = hls or source_hls
        progressive += source_files
    # MP4 first: it plays everywhere, Safari included; WebM is the smaller alternative.
    progressive.sort(key=lambda f: f.mime_type != "video/mp4")
    described_files = _streams(described[0])[1] if described else []
    tracks, default_set = [], False
    for track in film.caption_tracks.all():
        is_default = not default_set and track.language == language and track.kind != "descriptions"
        default_set = default_set or is_default
        tracks.append({"track": track, "label": _track_label(track), "default": is_default})
    return {
        "film": film,
        "external": None,
        "hls": hls,
        "sources": progressive,
        "download": _download(film, progressive),
        "described": described_files[0] if described_files else None,
        "tracks": tracks,
    }
