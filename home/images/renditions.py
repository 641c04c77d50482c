"""The rendition specs the templates ask for, in one place.

``templates/components/image.html`` (through ``{% responsive_picture %}``) and the sharing
tags use exactly these; the demo command and every upload create them ahead of time, so no
visitor waits for a resize.

Formats come from ``PORTAL_IMAGE_FORMATS``: AVIF (smallest files; every current browser
reads it) with WebP as the ``<img>`` fallback. AVIF encoding is slow (about a second for a
1600 px rendition with Pillow 13 on this machine), so the test settings use WebP alone.
"""

import copy
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q
from wagtail.blocks import StructValue
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter

HERO_WIDTHS = "width-{640,1024,1600}"
INLINE_WIDTHS = "width-{480,800,1200}"
SHARE_SPEC = "fill-1200x630|format-jpeg"
POSTER_SPEC = "fill-1280x720|format-jpeg"


def _formats() -> str:
    formats = getattr(settings, "PORTAL_IMAGE_FORMATS", ("avif", "webp"))
    return "format-{" + ",".join(formats) + "}" if len(formats) > 1 else f"format-{formats[0]}"


def picture_specs(hero: bool) -> list[str]:
    """Every spec of one ``<picture>``: each width in each format."""
    return Filter.expand_spec(f"{_formats()}|{HERO_WIDTHS if hero else INLINE_WIDTHS}")


def picture_filters(hero: bool) -> tuple[Filter, ...]:
    """``picture_specs`` as Filter objects, made once per process.

    A Filter parses its spec on first use (``Filter.operations``, which calls
    ``inspect.getcallargs`` per operation) and keeps the result; a new Filter per image and
    request paid that parse every time, about a sixth of a home page's render time."""
    return _filters(_formats(), hero)


@lru_cache(maxsize=8)
def _filters(formats: str, hero: bool) -> tuple[Filter, ...]:
    # Keyed by the formats too, so tests that override PORTAL_IMAGE_FORMATS get their own.
    del formats
    return tuple(Filter(spec=spec) for spec in picture_specs(hero))


def card_renditions(lookup: str) -> Prefetch:
    """Prefetch of the renditions a listing card's ``<picture>`` uses (``lookup`` ends in
    ``__renditions``), not every rendition of the image: a demo image has 14, a card needs 6.
    Wagtail looks in this prefetch first (``find_existing_renditions``) and only creates
    what is missing."""
    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(lookup, queryset=renditions.filter(filter_spec__in=picture_specs(False)))


def prefetch_picture_renditions(hero=None, inline=(), posters=()) -> None:
    """The renditions of a page's hero (its ``<picture>`` and its share image), of its
    inline images (cards, body images) and of film posters (the ``<video>``'s poster and
    an external film's ``<picture>``), in one query, for several listings at once.

    Without this, an image that no listing prefetched gets its renditions from the rendition
    cache, and Wagtail writes them back on every view: ``get_renditions`` marks only
    prefetched renditions as known to the cache. On the home page that was 13 renditions
    unpickled and 12 pickled again per view (the hero and the body image), or as many
    round trips to Redis in production. Each image gets the renditions of its own specs
    only, as ``prefetched_renditions``, where Wagtail looks first."""
    wanted: dict[int, set[str]] = {}
    instances: dict[int, list] = {}
    groups = [(hero, [*picture_specs(True), SHARE_SPEC])] if hero is not None else []
    groups += [(image, picture_specs(False)) for image in inline if image is not None]
    groups += [(image, [*picture_specs(False), POSTER_SPEC]) for image in posters if image]
    for image, specs in groups:
        wanted.setdefault(image.pk, set()).update(specs)
        instances.setdefault(image.pk, []).append(image)
    if not wanted:
        return
    by_specs: dict[frozenset, list[int]] = {}
    for pk, specs in wanted.items():
        by_specs.setdefault(frozenset(specs), []).append(pk)
    condition = Q()
    for specs, pks in by_specs.items():
        condition |= Q(image_id__in=sorted(pks), filter_spec__in=sorted(specs))
    found: dict[int, list] = {pk: [] for pk in wanted}
    for rendition in get_image_model().get_rendition_model().objects.filter(condition):
        found[rendition.image_id].append(rendition)
    for pk, images in instances.items():
        for index, image in enumerate(images):
            # Each instance its own rendition objects pointing back at it, as Wagtail's own
            # prefetch does: an instance may carry a contextual alt text (an ImageBlock), and
            # Wagtail appends the renditions it creates to this list.
            renditions = found[pk] if index == 0 else [copy.copy(r) for r in found[pk]]
            for rendition in renditions:
                rendition.image = image
            image.prefetched_renditions = renditions


def stream_images(stream) -> list:
    """The images of a StreamField's top-level blocks (an image block's or a struct block's
    image), in order: what ``prefetch_picture_renditions`` needs of a page body."""
    found = []
    for child in stream or ():
        values = child.value.values() if isinstance(child.value, StructValue) else [child.value]
        found += [value for value in values if isinstance(value, AbstractImage)]
    return found


def all_specs() -> list[str]:
    return [*picture_specs(hero=True), *picture_specs(hero=False), SHARE_SPEC, POSTER_SPEC]


def pregenerate_renditions(image, force=False) -> None:
    """Create every rendition the templates use. Tests switch it off for uploads
    (``PORTAL_PREGENERATE_RENDITIONS``) and make them once per session (``force``)."""
    if force or getattr(settings, "PORTAL_PREGENERATE_RENDITIONS", True):
        image.get_renditions(*all_specs())


def pregenerate_after_upload(sender, instance, **kwargs):
    """``post_save`` receiver for images: every rendition the templates use, made once the
    upload (or a new file) is committed, so that the first visitor does not wait for
    resizing (AVIF takes about a second)."""
    transaction.on_commit(lambda: pregenerate_renditions(instance))
