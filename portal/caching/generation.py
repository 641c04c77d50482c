"""The site-wide generation token of every cached page and of the site chrome.

**Invalidation: one site-wide generation.** Each key contains the current *generation*, an
opaque random token. Any change that can alter a public page replaces the token
(``invalidate()``), and every entry of the old generation is dead at once; old entries
expire by their timeout. Why not per-page invalidation: what a page shows is spread over
many objects (listings, teasers, the footer's site settings, topics, press contacts, films,
the language switcher's translations, menus), and the dependency graph is easy to get
wrong; for a small site, re-rendering a few dozen pages after a publish is cheap, and
"every change empties everything" is correct by construction. The token is random rather
than a counter, so a lost generation key (eviction, a Redis restart) can never bring back
an old generation.

*Ordering.* The token is replaced when the change is signalled and again when its
transaction commits: a request that read the new token before the commit could otherwise
render the old rows and store them under the new generation. A request stores its answer
under the generation it read *before* rendering, never a later one.

*Where the token lives.* With ``REDIS_URL`` the pages and the token share Redis, so every
app server sees a publish at once. Without it the pages are in each process's memory, and
the token is a small file (``PORTAL_PAGE_CACHE_GENERATION_FILE``) that all processes on the
machine read per request (a few microseconds), so several gunicorn workers stay correct too.

*Redis unreachable* (``portal.caching.resilient_redis`` reads that as a miss): every read
makes a fresh random token, so nothing is served from the cache and nothing stored is found
again. After a restart Redis is empty (run without persistence, as docs/operations.md asks),
the token is gone, and a new one starts: no page cached before the outage can come back. A
publish while Redis is unreachable cannot replace the token; that is logged, and if Redis
comes back *with* its keys (a network break, a snapshot), entries of the old generation
are served until their timeout at most (``PORTAL_PAGE_CACHE_SECONDS`` and
``PORTAL_FRAGMENT_CACHE_SECONDS``; the chrome's 300 s).

This module is the leaf of the caching package: it imports nothing of the project, so any
module (models, the chrome, the page cache) may ask for the token or replace it.
"""

import logging
import secrets
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"


def page_cache():
    """The cache that holds pages and the token (Redis with ``REDIS_URL``)."""
    return caches[CACHE_ALIAS]


def _generation_file() -> Path | None:
    path = getattr(settings, "PORTAL_PAGE_CACHE_GENERATION_FILE", None)
    return Path(path) if path else None


def _write_generation_file(path: Path) -> str:
    """Atomically replace the file: readers see the old or the new token, never half."""
    token = secrets.token_hex(8)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    temporary.write_text(token)
    temporary.replace(path)
    return token


_REQUEST_ATTR = "_portal_generation"


def current_generation(request=None) -> str:
    """The current token; with ``request``, read once per request and kept on it, so that
    everything one view reads or stores belongs to the same generation (and, with Redis,
    the token costs one round trip per view, not one per cache lookup)."""
    if request is not None:
        token = getattr(request, _REQUEST_ATTR, None)
        if token is None:
            token = _read_generation()
            setattr(request, _REQUEST_ATTR, token)
        return token
    return _read_generation()


def _read_generation() -> str:
    path = _generation_file()
    if path is not None:
        try:
            token = path.read_text()
        except FileNotFoundError:
            token = ""
        return token or _write_generation_file(path)
    cache = page_cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = secrets.token_hex(8)
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return token


def _new_generation() -> None:
    path = _generation_file()
    if path is not None:
        _write_generation_file(path)
    elif page_cache().set(GENERATION_KEY, secrets.token_hex(8), timeout=None) is False:
        # Only a cache that tolerates outages answers False (Django's own return None).
        logger.error(
            "The page cache's generation could not be replaced (cache unreachable): what "
            "was cached before may be served for up to %s s",
            max(settings.PORTAL_PAGE_CACHE_SECONDS, settings.PORTAL_FRAGMENT_CACHE_SECONDS),
        )


def invalidate(**_signal_kwargs) -> None:
    """Forget every cached page, now and again when the current transaction commits.

    Usable as a signal receiver. Code that changes public content without sending a signal
    (``QuerySet.update()``, many-to-many writes) must call it itself."""
    _new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_generation)
