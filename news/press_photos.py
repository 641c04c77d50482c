"""Press photos: the images an editor offers on the press page, with the facts a journalist
needs before using one (credit, licence, format, pixel size, file size) and the original
file as a download.

The photos are a StreamField of image choosers with a per-use alt text and caption (both
translatable; the image itself is the same in every language). Showing them reads the
StreamField's raw data and loads the chosen images in one query that also leaves out every
image of a collection with a view restriction (on the collection or an ancestor): the
download serves original files, which must never be a way round a restriction. Wagtail's
own StreamField loading would fetch the images without their collection and cost another
query per image to check it.
"""

import os
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import CollectionViewRestriction

from home.images.models import Licence
from home.images.renditions import prefetch_picture_renditions
from portal.transliteration import ascii_slug

FORMATS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WebP",
    ".avif": "AVIF",
    ".gif": "GIF",
    ".tif": "TIFF",
    ".tiff": "TIFF",
}


class PressPhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("image"),
        help_text=_(
            "The original file is offered for download as uploaded: use the full-size "
            "photo. Credit and licence come from the image itself (edit them under Images)."
        ),
    )
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it; translated."),
    )
    caption = blocks.CharBlock(
        label=_("caption"),
        max_length=250,
        required=False,
        help_text=_("Shown under the thumbnail, e.g. who or what and where; translated."),
    )

    class Meta:
        icon = "image"
        label = _("Press photo")
        description = _(
            "A photo journalists may use: shown with its credit and licence, the original "
            "offered for download."
        )
        # The block picker's preview; the press page renders its photos itself (all at once,
        # with their file facts: load_press_photos).
        template = "blocks/press_photo_block.html"

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        return self.to_python(
            {
                "image": image.pk if image else None,
                "alt_text": "Windräder über einem Tagebausee",
                "caption": "Pressefoto: Windpark am Seeufer",
            }
        )


def public_images(queryset):
    """``queryset`` (images) without those in a collection that has a view restriction on
    itself or an ancestor (its path is a prefix of the image's collection's path)."""
    restricted = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("collection__path"), 1, Length("collection__path"))
    )
    return queryset.filter(~Exists(restricted))


@dataclass
class PressPhoto:
    """One use of an image on the press page."""

    image: object
    alt_text: str
    caption: str
    download_path: str = ""

    @property
    def extension(self) -> str:
        return os.path.splitext(self.image.file.name)[1].lower()

    @property
    def format_name(self) -> str:
        return FORMATS.get(self.extension, self.extension.lstrip(".").upper())

    @property
    def size_in_bytes(self) -> int:
        # Wagtail records the size on upload; older rows may lack it. Asking the storage
        # (not ``get_file_size``, which saves the image and so empties the page cache).
        return self.image.file_size or self.image.file.size

    @property
    def file_size_text(self) -> str:
        """Megabytes with one decimal in the reader's notation ("2,1 MB"), kilobytes below
        one megabyte. Decimal units, as cameras and operating systems count them."""
        size = self.size_in_bytes
        if size >= 1_000_000:
            # Rounded here: Django's number_format cuts decimals off instead of rounding.
            return f"{number_format(round(size / 1_000_000, 1), 1)} MB"
        return f"{number_format(max(round(size / 1000), 1), 0)} kB"

    @property
    def summary(self) -> str:
        """ "JPEG, 4000 × 3000 px, 2,1 MB"."""
        width, height = self.image.width, self.image.height
        return f"{self.format_name}, {width} × {height} px, {self.file_size_text}"

    @property
    def filename(self) -> str:
        """The download's file name: the image title as an ASCII slug and the original's
        extension ("tagungsort-am-see.jpg")."""
        stem = ascii_slug(self.image.title) or f"photo-{self.image.pk}"
        return f"{stem[:80]}{self.extension}"

    @property
    def licence_label(self) -> str:
        return Licence(self.image.licence).label if self.image.licence else ""

    @property
    def label(self) -> str:
        """What the photo is called in link texts: its caption, else its alt text."""
        return self.caption or self.alt_text


def chosen_image_ids(stream) -> list[int]:
    """The image ids of ``stream``'s photo blocks, in order, read from the raw data (no
    query, no conversion of the blocks)."""
    ids = []
    for child in stream.raw_data if stream else ():
        value = child.get("value") or {}
        if child.get("type") == "photo" and isinstance(value.get("image"), int):
            ids.append(value["image"])
    return ids


def load_press_photos(stream, with_renditions=True) -> list[PressPhoto]:
    """The photos of ``stream`` whose image exists and is public, in the editor's order:
    one query for the images, one for the thumbnails' renditions."""
    ids = chosen_image_ids(stream)
    if not ids:
        return []
    images = {
        image.pk: image
        for image in public_images(get_image_model().objects.filter(pk__in=set(ids)))
    }
    photos = []
    for child in stream.raw_data:
        value = child.get("value") or {}
        image = images.get(value.get("image")) if child.get("type") == "photo" else None
        if image is not None:
            photos.append(
                PressPhoto(image, value.get("alt_text") or "", value.get("caption") or "")
            )
    if with_renditions:
        prefetch_picture_renditions(inline=[photo.image for photo in photos])
    return photos
