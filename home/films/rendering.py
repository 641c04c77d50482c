"""What a player needs, computed once in Python so that a film looks the same on its film
page, in the campaign grid's page and inside any page body (FilmBlock)."""

from django.db.models import Prefetch
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from home.films.embeds import parse_external_video
from home.films.models import Film, FilmCaptionTrack, FilmSource
from portal.languages import current_language


def films_with_media():
    return Film.objects.select_related("poster", "locale").prefetch_related(
        Prefetch("sources", queryset=FilmSource.objects.order_by("sort_order", "pk")),
        Prefetch("caption_tracks", queryset=FilmCaptionTrack.objects.order_by("sort_order", "pk")),
    )


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
    # MP4 first: it plays everywhere, Safari included; WebM is the smaller alternative.
    main.sort(key=lambda s: s.mime_type != "video/mp4")
    tracks, default_set = [], False
    for track in film.caption_tracks.all():
        is_default = not default_set and track.language == language and track.kind != "descriptions"
        default_set = default_set or is_default
        tracks.append({"track": track, "label": _track_label(track), "default": is_default})
    return {
        "film": film,
        "external": None,
        "sources": main,
        "described": described[0] if described else None,
        "tracks": tracks,
    }
