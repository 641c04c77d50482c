"""The film pipeline as the site sees it: which masters a film uses, whether they are ready,
what an editor is told, and publishing once they are.

The worker's side (probing, transcoding, storing) is ``home.films.tasks``. This module only
queues work and reads its state, so models, forms, the admin and the player may use it.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from home.films.encoding import FilmEncoding, FilmPublishRequest
from home.films.tasks import transcode_film


def masters_of(film) -> list[str]:
    """Storage names of the uploaded files of a film (or a revision's copy of it)."""
    return [source.file.name for source in film.sources.all() if source.file]


def queue_masters(names) -> None:
    """Every master gets one encoding; a new one is transcoded by the worker once the
    transaction that stored the master commits (the worker must see the row and the file)."""
    for name in dict.fromkeys(names):
        encoding, created = FilmEncoding.objects.get_or_create(master=name)
        if created:
            transaction.on_commit(lambda pk=encoding.pk: transcode_film.enqueue(pk))


def process_now(names, log) -> None:
    """Run the pipeline's task for these masters in this process (the demo loader: its
    film must be live before the pages that show it are built). A master already processed
    by the worker is left as it is."""
    queue_masters(names)
    for encoding in FilmEncoding.objects.filter(master__in=list(names)):
        log(f"  processing {encoding.master} (HLS ladder, MP4, stills)")
        result = transcode_film.call(encoding.pk)
        encoding.refresh_from_db()
        if encoding.status != FilmEncoding.Status.READY:
            raise RuntimeError(f"{encoding.master}: {result}: {encoding.error}")
        log(f"  {encoding.master}: ready ({', '.join(encoding.rendition_names)})")


def transcode_again(encoding: FilmEncoding) -> bool:
    """Queue a finished or failed encoding once more; False while it is queued or running."""
    queued = FilmEncoding.objects.filter(
        pk=encoding.pk, status__in=[FilmEncoding.Status.READY, FilmEncoding.Status.FAILED]
    ).update(status=FilmEncoding.Status.QUEUED, progress=0, error="")
    if queued:
        transaction.on_commit(lambda: transcode_film.enqueue(encoding.pk))
    return bool(queued)


def encodings_by_master(names) -> dict[str, FilmEncoding]:
    return {e.master: e for e in FilmEncoding.objects.filter(master__in=list(names))}


def state_message(encoding: FilmEncoding | None) -> str:
    """The state of one video in an editor's words."""
    if encoding is None or encoding.status == FilmEncoding.Status.QUEUED:
        return _("The video is waiting to be processed.")
    if encoding.status == FilmEncoding.Status.PROCESSING:
        return _("The video is being processed (%(progress)s %%).") % {
            "progress": encoding.progress
        }
    if encoding.status == FilmEncoding.Status.FAILED:
        return _("Processing the video failed: %(reason)s") % {"reason": encoding.error}
    return _("The video is ready.")


def not_ready_errors(names) -> list[str]:
    """Why these masters keep a film from going live (empty list: they are all ready)."""
    encodings = encodings_by_master(names)
    return [
        state_message(encodings.get(name))
        for name in dict.fromkeys(names)
        if not (encodings.get(name) and encodings[name].is_ready)
    ]


def duration_of(names) -> int | None:
    """Whole seconds of the first ready master, for the film's duration field."""
    encodings = encodings_by_master(names)
    for name in names:
        encoding = encodings.get(name)
        if encoding and encoding.is_ready and encoding.duration:
            return round(encoding.duration)
    return None


def request_publish_when_ready(film, revision, user) -> None:
    FilmPublishRequest.objects.update_or_create(
        film=film, defaults={"revision": revision, "user": user}
    )


def pending_publish_request(film) -> FilmPublishRequest | None:
    return FilmPublishRequest.objects.filter(film=film).select_related("revision").first()
