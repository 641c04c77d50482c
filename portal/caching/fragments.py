"""Rendered fragments of published content, kept per generation: the part of an uncached
page that need not be rendered again until something is published.

Profiling the uncached views (``bench/profile_pages.py``, issue 26) showed where an article's
time goes: about a third in its StreamField body (a film block alone is four queries:
the film, its version in the page's language, its sources, its captions), another third in
what the article shows around it (related pages, previous/next, press contact, topics),
and the rest in routing and the page shell. Body and extras only change when something is
published, so they are rendered once and kept as HTML, like Django's ``{% cache %}`` tag
would, with three differences that make them safe here:

- **Invalidation** by the site-wide generation token (``portal.caching.generation``): any
  publish, save or delete of something a page shows starts a new generation, so a fragment
  is never older than the content. Entries also end at the next clock boundary
  (``portal.caching.clock``: an event turning from upcoming to past) and after
  ``PORTAL_FRAGMENT_CACHE_SECONDS``.
- **Previews never read or write fragments**: a preview renders unsaved content under the
  page's own id. Neither do pages that are not live, nor requests without a request object.
- **Keys** carry the language, the site (scheme and host: fragments may hold absolute URLs)
  and the objects the fragment varies on (model label, pk).

What stays uncached on every request: routing and the page object, the page shell (head,
meta, JSON-LD, header with menu and language switcher, footer), the page's own header
(title, lead, hero), listings, search results and everything user-specific (the Wagtail
user bar). ``PORTAL_FRAGMENT_CACHE_SECONDS=0`` switches fragments off: ``bench/run.sh``
measures the pages both ways.
"""

import hashlib
import logging

from django.conf import settings
from django.utils import timezone

from portal.caching.clock import entry_timeout
from portal.caching.generation import current_generation, page_cache
from portal.languages import current_language

logger = logging.getLogger(__name__)


def fragments_enabled(request, objects=()) -> bool:
    """Whether this render may read and write fragments."""
    if request is None or settings.PORTAL_FRAGMENT_CACHE_SECONDS <= 0:
        return False
    if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
        return False
    return all(getattr(obj, "live", True) for obj in objects)


def _describe(obj) -> str:
    meta = getattr(obj, "_meta", None)
    if meta is not None:
        return f"{meta.label_lower}#{obj.pk}"
    return str(obj)


def fragment_key(request, name: str, objects=(), generation: str | None = None) -> str:
    vary = "|".join(_describe(obj) for obj in objects)
    where = f"{request.scheme}://{request.get_host()}"
    digest = hashlib.sha256(f"{where}|{current_language()}|{vary}".encode()).hexdigest()[:32]
    return f"fragment:{generation or current_generation(request)}:{name}:{digest}"


FRAGMENT_LOG_ATTR = "_portal_fragments"


def _log(request, name: str, outcome: str) -> None:
    """(name, "hit" | "miss") per fragment on the request: tests and profiling read it."""
    request.__dict__.setdefault(FRAGMENT_LOG_ATTR, []).append((name, outcome))


def fragment_log(request) -> list[tuple[str, str]]:
    return getattr(request, FRAGMENT_LOG_ATTR, [])


def cached_fragment(request, name: str, objects, render) -> str:
    """The HTML of ``render()``, from the fragment cache when allowed and present: a
    ``cached_per_item`` of one item (None), varying on ``objects``."""
    return cached_per_item(request, name, [None], objects, lambda _missing: [render()])[0]


def cached_per_item(request, name: str, items, vary, compute_missing) -> list:
    """One cached value per item (a listing card's HTML, a search result's display data),
    fetched for all items in one round trip (``get_many``). ``compute_missing(items)``
    returns the values of the items not found, in their order (``None`` for an item that
    has none: not stored); they are stored with ``set_many``. ``vary`` are objects every
    item's key also depends on (the listing page)."""
    items = list(items)
    if not items:
        return []
    if not fragments_enabled(request, vary):
        return list(compute_missing(items))
    try:
        generation = current_generation(request)
        keys = [fragment_key(request, name, [*vary, item], generation) for item in items]
        found = page_cache().get_many(keys)
    except Exception:  # a cache outage must not take pages down: render instead
        logger.exception("fragment cache unavailable")
        return list(compute_missing(items))
    for key in keys:
        _log(request, name, "hit" if key in found else "miss")
    missing = [(item, key) for item, key in zip(items, keys, strict=True) if key not in found]
    if missing:
        now = timezone.now()
        values = compute_missing([item for item, _key in missing])
        computed = {key: value for (_item, key), value in zip(missing, values, strict=True)}
        found.update(computed)
        stored = {key: value for key, value in computed.items() if value is not None}
        try:
            # At most PORTAL_FRAGMENT_CACHE_SECONDS, cut at the next clock boundary.
            timeout = entry_timeout(now, generation, settings.PORTAL_FRAGMENT_CACHE_SECONDS)
            page_cache().set_many(stored, timeout)
        except Exception:
            logger.exception("fragment cache unavailable")
    return [found[key] for key in keys]


def cached_fragments(request, name: str, items, vary, render_one, prepare=None) -> list[str]:
    """The HTML of ``render_one(item)`` for each of ``items`` (listing cards), through
    ``cached_per_item``; ``prepare(missing_items)`` runs before the misses are rendered
    (the prefetches only they need)."""

    def render_missing(missing):
        if prepare is not None:
            prepare(missing)
        return [render_one(item) for item in missing]

    return cached_per_item(request, name, items, vary, render_missing)


def generation_cached(name: str, parts: tuple, compute, request=None):
    """Data that only changes when something is published (the topics of a language), kept
    per generation like the fragments, under the same switch. Must be picklable. With
    ``request``, the generation the request already read is used."""
    if settings.PORTAL_FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    try:
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
        key = f"data:{current_generation(request)}:{name}:{digest}"
        value = page_cache().get(key)
    except Exception:
        logger.exception("fragment cache unavailable")
        return compute()
    if value is None:
        value = compute()
        try:
            page_cache().set(key, value, settings.PORTAL_FRAGMENT_CACHE_SECONDS)
        except Exception:
            logger.exception("fragment cache unavailable")
    return value
