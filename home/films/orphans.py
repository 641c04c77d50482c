"""Uploaded film files that nothing uses any more, and their removal.

The film form stores an upload as soon as it passed its checks (``kept_uploads``): an
autosave stores the file the editor chose, a refused submit stores the valid files for the
next submit. A file is left over when the editor then chooses another one, removes the row
or leaves the form. Such a file is deleted once no film row and no revision of any film
names it and it is older than the grace period (``PORTAL_FILM_UPLOAD_GRACE_HOURS``, as long
as a form's reference to it stays valid), so a form still open keeps its file.

A removed master's encoding goes with it (its renditions were made for nobody); stills it
left in the image library stay, since an editor may have chosen one as a poster elsewhere.
"""

import logging
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.models import Revision

from home.films.encoding import FilmEncoding, masters_in_revision_content
from home.films.kept_uploads import grace_seconds
from home.films.models import Film, FilmCaptionTrack, FilmSource
from home.films.tasks import delete_folder

logger = logging.getLogger(__name__)

# The upload folders of the film form's file fields; subfolders (films/encoded/) are the
# worker's and are not looked at.
UPLOAD_FOLDERS = ("films", "films/captions")


def referenced_names() -> set[str]:
    """Storage names used by any film row or any film revision."""
    names = set(FilmSource.objects.exclude(file="").values_list("file", flat=True))
    names |= set(FilmCaptionTrack.objects.exclude(file="").values_list("file", flat=True))
    film_type = ContentType.objects.get_for_model(Film)
    contents = Revision.objects.filter(base_content_type=film_type).values_list(
        "content", flat=True
    )
    for content in contents.iterator():
        names.update(masters_in_revision_content(content))
        names.update(t["file"] for t in content.get("caption_tracks", []) if t.get("file"))
    return names


def orphaned_uploads(now=None) -> list[str]:
    """Files in the upload folders that nothing names, older than the grace period."""
    cutoff = (now or timezone.now()) - timedelta(seconds=grace_seconds())
    used = referenced_names()
    orphans = []
    for folder in UPLOAD_FOLDERS:
        if not default_storage.exists(folder):
            continue
        for file in default_storage.listdir(folder)[1]:
            name = f"{folder}/{file}"
            if name not in used and default_storage.get_modified_time(name) < cutoff:
                orphans.append(name)
    return orphans


def remove_orphaned_uploads(dry_run=False, now=None) -> list[str]:
    """Delete the orphaned uploads (and their encodings); returns their names."""
    removed = orphaned_uploads(now)
    for name in removed:
        if dry_run:
            continue
        encoding = FilmEncoding.objects.filter(master=name).first()
        if encoding and encoding.status != FilmEncoding.Status.PROCESSING:
            if encoding.output:
                delete_folder(encoding.output)
            encoding.delete()
        default_storage.delete(name)
        logger.info("removed unused film upload %s", name)
    return removed
