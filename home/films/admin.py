"""The film library in the admin: films are assets, like images, with columns for the
language versions and caption tracks a film has, so that a film missing captions stands out
in the list without opening it (read from prefetched rows: two queries for the whole page)."""

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from home.films.embeds import parse_external_video
from home.films.encoding import FilmEncoding
from home.films.models import Film, FilmSource


def _language(code):
    return str(dict(settings.LANGUAGES).get(code, code))


def film_versions(film) -> str:
    parts = []
    for source in film.sources.all():
        if source.external_url:
            video = parse_external_video(source.external_url)
            host = video.provider if video else _("external")
            parts.append(f"{host} ({_language(source.language)})")
        elif source.file:
            kind = "WebM" if source.file.name.lower().endswith(".webm") else "MP4"
            parts.append(f"{_language(source.language)} ({kind})")
    return ", ".join(parts) or _("no source yet")


def film_captions(film) -> str:
    kinds = dict(film.caption_tracks.model.KIND_CHOICES)
    tracks = [
        f"{_language(track.language)}: {kinds.get(track.kind, track.kind)}"
        for track in film.caption_tracks.all()
    ]
    if tracks:
        return "; ".join(tracks)
    if any(source.external_url for source in film.sources.all()):
        if film.host_captions_confirmed:
            return _("on the video host (checked)")
        return _("on the video host (not checked yet)")
    return _("none")


def film_processing(film) -> str:
    """The worker's state of the film's videos, e.g. "processing (45 %)", read from the
    annotated source rows (``sources_with_encoding_state``)."""
    labels = dict(FilmEncoding.Status.choices)
    states = []
    for source in film.sources.all():
        status = getattr(source, "encoding_status", None)
        if not source.file or status is None:
            continue
        state = str(labels[status])
        if status == FilmEncoding.Status.PROCESSING:
            state = f"{state} ({source.encoding_progress} %)"
        states.append(state)
    return ", ".join(states) or "–"


def film_length(film) -> str:
    """The film's length as minutes:seconds (e.g. "1:35"): of a self-hosted film as the
    worker read it from the video file (annotated, ``sources_with_encoding_state``), so it
    shows as soon as the file is probed, before the film is saved again; else as typed."""
    probed = [
        source.encoding_duration
        for source in film.sources.all()
        if source.file and getattr(source, "encoding_duration", None)
    ]
    seconds = round(probed[0]) if probed else film.duration
    if not seconds:
        return "–"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def sources_with_encoding_state():
    encoding = FilmEncoding.objects.filter(master=OuterRef("file"))
    return FilmSource.objects.annotate(
        encoding_status=Subquery(encoding.values("status")[:1]),
        encoding_progress=Subquery(encoding.values("progress")[:1]),
        encoding_duration=Subquery(encoding.values("duration")[:1]),
    )


VERSIONS_LABEL = gettext_lazy("Versions")
PROCESSING_LABEL = gettext_lazy("Video")
CAPTIONS_LABEL = gettext_lazy("Captions")
LENGTH_LABEL = gettext_lazy("Length")


class FilmViewSet(SnippetViewSet):
    """Films are assets, like images: one film appears on its film page, in the campaign
    grid and in any page body (FilmBlock)."""

    model = Film
    icon = "media"
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "locale",
        Column("versions", label=VERSIONS_LABEL, accessor=film_versions),
        Column("captions", label=CAPTIONS_LABEL, accessor=film_captions),
        Column("processing", label=PROCESSING_LABEL, accessor=film_processing),
        Column("duration", label=LENGTH_LABEL, accessor=film_length, sort_key="duration"),
        # "live" would print the raw True/False; Wagtail's status tag says "Live"/"Entwurf".
        LiveStatusTagColumn(),
    ]
    list_filter = ["locale"]
    search_fields = ["title"]

    def get_queryset(self, request):
        # Versions, captions and processing state for every row: three queries in all.
        return Film.objects.select_related("locale").prefetch_related(
            Prefetch("sources", queryset=sources_with_encoding_state()), "caption_tracks"
        )
