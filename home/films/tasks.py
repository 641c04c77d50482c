"""The worker's side of the film pipeline: one task per master.

``transcode_film`` fetches the master through Django's storage API, probes and transcodes it
(``home.films.transcoding``: an HLS ladder, an MP4 fallback and poster candidates), stores
every output through the storage API again, and only then switches the encoding to the new
outputs. So nothing half-made is ever played, and object storage can replace the disk
without a change here.

Concurrency and faults:
- A task first *claims* the row (queued -> processing, attempt + 1) with one conditional
  UPDATE: two tasks for the same master (two saves at once, a retry racing the first run)
  cannot both transcode it; the loser does nothing.
- Progress and a heartbeat are written with the attempt number as a condition: an attempt
  that was superseded stops at its next progress report and removes what it stored.
- A worker killed mid-transcode leaves the row in "processing" with a stopped heartbeat;
  ``resume_stalled`` (run when a worker starts, and by ``manage.py resume_films``) queues it
  again instead of leaving it stuck.
"""

import logging
import secrets
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from home.films import transcoding
from home.films.encoding import FilmEncoding, FilmPublishRequest, masters_in_revision_content
from home.films.posters import make_poster_images
from portal.caching.generation import invalidate
from portal.storage.errors import StoreUnavailable
from portal.storage.files import local_root

logger = logging.getLogger(__name__)

ENCODED_PREFIX = "films/encoded"
HEARTBEAT_SECONDS = 2.0


class Superseded(Exception):
    """Another attempt took the row over (a retry after this worker was thought dead)."""


@task()
def transcode_film(encoding_id: int) -> str:
    return run(encoding_id)


def run(encoding_id: int) -> str:
    """Transcode one master; returns the state it ended in (for the task's result)."""
    claimed = FilmEncoding.objects.filter(pk=encoding_id, status=FilmEncoding.Status.QUEUED).update(
        status=FilmEncoding.Status.PROCESSING,
        progress=0,
        error="",
        attempt=F("attempt") + 1,
        heartbeat_at=timezone.now(),
    )
    if not claimed:
        return "not queued"
    encoding = FilmEncoding.objects.get(pk=encoding_id)
    mine = FilmEncoding.objects.filter(
        pk=encoding_id, attempt=encoding.attempt, status=FilmEncoding.Status.PROCESSING
    )
    prefix = f"{ENCODED_PREFIX}/{encoding_id}/{secrets.token_hex(6)}"
    stored: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="portal-transcode-"))
    try:
        master = _fetch(encoding.master, workdir / "master")
        info = transcoding.probe_master(master)
        mine.update(
            duration=info.duration,
            width=info.width,
            height=info.height,
            fps=info.fps,
            has_audio=info.has_audio,
        )
        logger.info(
            "%s: %d×%d, %.0f s; transcoding",
            encoding.master,
            info.width,
            info.height,
            info.duration,
        )
        report = _reporter(mine, encoding.master)
        output = transcoding.transcode(master, workdir / "out", info, report)
        for relative in output.files:
            stored.append(_store(f"{prefix}/{relative}", workdir / "out" / relative))
            report(0.99)  # storing (to object storage, say) keeps the heartbeat going
        posters = make_poster_images(encoding, [workdir / "out" / p for p in output.posters])
        mp4_size = (workdir / "out" / output.mp4).stat().st_size
    except transcoding.MasterError as error:
        return _fail(mine, encoding.master, str(error), stored)
    except StoreUnavailable:
        logger.exception("the object store failed while %s was processed", encoding.master)
        return _fail(
            mine,
            encoding.master,
            _(
                "The file storage could not be reached while the video was processed. "
                "Nothing of this attempt was kept. Choose “Process the video again” in a "
                "few minutes."
            ),
            stored,
        )
    except Superseded:
        _delete(stored)
        return "superseded"
    except Exception:
        logger.exception("transcoding %s failed", encoding.master)
        return _fail(
            mine,
            encoding.master,
            _(
                "A technical problem stopped the processing. Choose “Process the video "
                "again”; if it fails once more, please tell the site's administrators."
            ),
            stored,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    previous = encoding.output
    # One UPDATE switches the film to the new outputs, if this attempt still holds the row.
    done = mine.update(
        status=FilmEncoding.Status.READY,
        progress=100,
        output=prefix,
        hls_master=f"{prefix}/{output.hls_master}",
        mp4=f"{prefix}/{output.mp4}",
        mp4_size=mp4_size,
        renditions=[
            {**rendition, "playlist": f"{prefix}/{rendition['playlist']}"}
            for rendition in output.renditions
        ],
        posters=posters,
    )
    if not done:
        _delete(stored)
        return "superseded"
    _after_change(encoding.master)  # pages link the new outputs from now on
    if previous and previous != prefix:
        retire_outputs(previous)
    if not settings.PORTAL_FILM_KEEP_MASTER:
        default_storage.delete(encoding.master)
    logger.info("%s: ready (%s)", encoding.master, ", ".join(r["name"] for r in output.renditions))
    return FilmEncoding.Status.READY


@task()
def delete_outputs(prefix: str) -> None:
    delete_folder(prefix)


def retire_outputs(prefix: str) -> None:
    """Delete a film's previous outputs once nobody can still ask for them: a page cached
    by nginx or a CDN (served stale for up to a minute), a browser's copy, a visitor in the
    middle of the film, whose player fetches the old ladder's segments. The worker's queue
    deletes them ``PORTAL_FILM_OLD_OUTPUT_SECONDS`` later; a backend that cannot defer
    (the tests' immediate one) deletes them now."""
    if delete_outputs.get_backend().supports_defer:
        later = timezone.now() + timedelta(seconds=settings.PORTAL_FILM_OLD_OUTPUT_SECONDS)
        delete_outputs.using(run_after=later).enqueue(prefix)
    else:
        delete_folder(prefix)


def resume_stalled() -> int:
    """Queue again every encoding whose worker stopped reporting (killed, machine restarted),
    and every queued one whose task was lost; returns how many."""
    # No heartbeat for this long: the worker that held the row is gone.
    stalled_after = timedelta(seconds=settings.PORTAL_FILM_STALLED_SECONDS)
    stalled = FilmEncoding.objects.filter(
        status=FilmEncoding.Status.PROCESSING,
        heartbeat_at__lt=timezone.now() - stalled_after,
    ).update(status=FilmEncoding.Status.QUEUED, progress=0)
    queued = list(
        FilmEncoding.objects.filter(status=FilmEncoding.Status.QUEUED).values_list("pk", flat=True)
    )
    for pk in queued:
        transcode_film.enqueue(pk)
    if stalled:
        logger.warning("%d stalled film encoding(s) queued again", stalled)
    return len(queued)


def _fetch(name: str, target: Path) -> Path:
    """A local copy of the master, read in chunks through the storage API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    suffix = Path(name).suffix.lower()
    path = target.with_suffix(suffix)
    try:
        with default_storage.open(name, "rb") as source, path.open("wb") as copy:
            shutil.copyfileobj(source, copy, length=1024 * 1024)
    except FileNotFoundError as error:
        raise transcoding.MasterError(
            _("The uploaded video file is missing. Upload it again.")
        ) from error
    return path


def _store(name: str, path: Path) -> str:
    with path.open("rb") as content:
        saved = default_storage.save(name, File(content))
    if saved != name:  # the folder is new for each attempt: a clash means a bug
        default_storage.delete(saved)
        raise RuntimeError(f"storage renamed {name} to {saved}")
    return saved


def _reporter(mine, master: str):
    """Progress callback: writes at most every HEARTBEAT_SECONDS, logs every tenth, stops a
    superseded run."""
    last = {"written": 0.0, "logged": 0}

    def report(fraction: float) -> None:
        now = time.monotonic()
        if now - last["written"] < HEARTBEAT_SECONDS:
            return
        last["written"] = now
        # 99 at most: 100 means stored and checked.
        percent = max(0, min(99, int(fraction * 100)))
        if not mine.update(progress=percent, heartbeat_at=timezone.now()):
            raise Superseded
        if percent // 10 > last["logged"]:
            last["logged"] = percent // 10
            logger.info("%s: %d %%", master, percent)

    return report


def _fail(mine, master: str, reason: str, stored: list[str]) -> str:
    _delete(stored)
    logger.warning("%s: failed: %s", master, reason)
    # Earlier outputs stay: the film keeps playing its last ready version.
    if mine.update(status=FilmEncoding.Status.FAILED, progress=0, error=reason):
        _after_change(master)
    return FilmEncoding.Status.FAILED


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def delete_folder(prefix: str) -> None:
    directories, files = default_storage.listdir(prefix)
    for file in files:
        default_storage.delete(f"{prefix}/{file}")
    for directory in directories:
        delete_folder(f"{prefix}/{directory}")
    root = local_root()  # a bucket has no folders to remove: keys vanish with their files
    if root is not None:
        shutil.rmtree(root / prefix, ignore_errors=True)


def _after_change(master: str) -> None:
    """Pages showing the film change (player sources); publish what waited for it."""
    invalidate()
    settle_publish_requests()


def settle_publish_requests() -> None:
    """Publish what waited for its video, now that an encoding finished. A failed video, or
    a newer revision saved meanwhile, cancels the request: the film keeps its live version
    and the editor sees why in the film's form."""
    for request in FilmPublishRequest.objects.select_related("revision", "film", "user"):
        names = masters_in_revision_content(request.revision.content)
        states = dict(FilmEncoding.objects.filter(master__in=names).values_list("master", "status"))
        if any(states.get(name) not in {"ready", "failed"} for name in names):
            continue  # still waiting for one of them
        request.delete()
        latest = request.film.latest_revision
        if "failed" in states.values() or latest is None or latest.pk != request.revision_id:
            logger.info("publish request for film %s cancelled", request.film_id)
            continue
        request.revision.publish(user=request.user, skip_permission_checks=True)
