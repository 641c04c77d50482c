"""Poster candidates: frames the worker took from a master, offered to editors as images.

They become ordinary images in the collection "Film stills", so the film form's poster
chooser shows them beside every other image and the editor may take one or upload her own.
The same master never adds its stills twice: a repeated transcode reuses them.
"""

from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.models import Collection

from home.images.models import CustomImage

COLLECTION_NAME = "Filmstandbilder"


def stills_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing is not None:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def make_poster_images(encoding, frames: list[Path]) -> list[int]:
    """Image ids of the stills of this master, made once."""
    known = [pk for pk in encoding.posters if CustomImage.objects.filter(pk=pk).exists()]
    if known:
        return known
    collection = stills_collection()
    stem = Path(encoding.master).stem
    ids = []
    for number, frame in enumerate(frames, start=1):
        with frame.open("rb") as content:
            image = CustomImage(
                title=_("Still %(number)s of %(film)s") % {"number": number, "film": stem},
                collection=collection,
                file=File(content, name=f"{stem}-still-{number}.jpg"),
            )
            image.save()
        ids.append(image.pk)
    return ids
