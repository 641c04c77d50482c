"""Full-page cache for anonymous visitors, built on Django's cache framework.

**What is cached.** GET and HEAD requests below a language prefix (``/de/…``, ``/en/…``)
from visitors who send no cookie but the CSRF cookie and no ``Authorization`` header, when
the answer is a plain 200 that sets no cookie, renders no CSRF token, does not say
``private``/``no-cache``/``no-store`` (Wagtail says so for pages with view restrictions and
for previews) and varies on nothing but ``Cookie``, ``Accept-Encoding`` and
``Accept-Language``. Everything else passes through: the admin, previews, ``/`` (its
redirect depends on ``Accept-Language``), media and documents (outside the prefixes), and
404s (any path can be a 404, so caching them would let a scanner fill the cache, and they
have no visitors worth serving fast). Every answer that passes this middleware carries
``X-Cache: HIT``, ``MISS`` (rendered and stored) or ``BYPASS`` (rendered, not stored); paths
outside the prefixes are passed on untouched. If the cache cannot be reached, pages are
served uncached (and logged); a failed ``invalidate()`` raises, so a publish never
silently leaves stale pages behind.

**Keys.** Scheme, host, path and the query parameters public pages read (``KEY_PARAMS``,
sorted). Parameters no page reads (``?fbclid=…`` from a shared film) are left out of the key,
so they neither bloat the cache nor defeat it; a request with a parameter in
``UNCACHED_PARAMS`` (free-text search) is never cached. A test checks that every
``request.GET`` parameter in the public apps is listed in one of the two.

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

**Clock.** Listings of upcoming events change when an event starts or ends, without any
publish. Apps register ``next_change(now)`` functions (``home.registry``); an entry's timeout
is ``min(PORTAL_PAGE_CACHE_SECONDS, seconds until the next change)``. The next change is
looked up once per generation and kept until it has passed.

**Compression.** Entries hold the plain body and a gzip copy made once when stored; a hit
answers with the copy when the client accepts gzip. ``PublicGZipMiddleware`` compresses
the other public answers (BREACH needs a secret in a compressed body: public pages carry
none, cached ones never carry a CSRF token, and the admin is not compressed).
"""

import hashlib
import logging
import math
import re
import secrets
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.text import compress_string

from home import registry
from home.security import uses_admin_policy

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
HEADER = "X-Cache"
# Query parameters that public pages read; they are part of the key.
KEY_PARAMS = ("kind", "page", "topic", "type")
# Query parameters whose answers are never cached (free text: one entry per search).
UNCACHED_PARAMS = ("q",)
ALLOWED_VARY = {"cookie", "accept-encoding", "accept-language"}
REFUSING_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Headers recomputed for each answer instead of stored.
NOT_STORED = {"content-length", "content-encoding", "set-cookie", HEADER.lower()}
COMPRESSIBLE = re.compile(r"^(text/|application/(rss\+|atom\+|ld\+)?(xml|json))")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_cache():
    return caches[CACHE_ALIAS]


def enabled() -> bool:
    return settings.PORTAL_PAGE_CACHE_SECONDS > 0


# --- Generation ---------------------------------------------------------------------------


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


def current_generation() -> str:
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
    else:
        page_cache().set(GENERATION_KEY, secrets.token_hex(8), timeout=None)


def invalidate(**_signal_kwargs) -> None:
    """Forget every cached page, now and again when the current transaction commits.

    Usable as a signal receiver. Code that changes public content without sending a signal
    (``QuerySet.update()``, many-to-many writes) must call it itself."""
    _new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_generation)


# --- Clock --------------------------------------------------------------------------------


def next_change(now) -> object:
    """The earliest moment at or after ``now`` at which some page may change by itself."""
    moments = [moment for func in registry.clock_boundaries() if (moment := func(now))]
    return min(moments, default=None)


def entry_timeout(now, generation: str) -> int:
    """Seconds to keep an entry rendered at ``now``: the default, cut at the next change."""
    timeout = settings.PORTAL_PAGE_CACHE_SECONDS
    cache = page_cache()
    key = f"next-change:{generation}"
    stored = cache.get(key)
    if stored is None or (stored != "none" and stored < now.timestamp()):
        moment = next_change(now)
        stored = moment.timestamp() if moment is not None else "none"
        cache.set(key, stored, timeout)
    if stored != "none":
        timeout = min(timeout, max(1, math.ceil(stored - now.timestamp())))
    return timeout


# --- Which requests and answers -----------------------------------------------------------


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def request_key(request) -> str | None:
    """The cache key of ``request`` without the generation, or None if it is never cached."""
    if request.method not in ("GET", "HEAD") or not request.path.startswith(_language_prefixes()):
        return None
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return None
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME} or "HTTP_AUTHORIZATION" in request.META:
        return None
    if any(name in request.GET for name in UNCACHED_PARAMS):
        return None
    params = sorted((name, value) for name in KEY_PARAMS for value in request.GET.getlist(name))
    scheme = "https" if request.is_secure() else "http"
    url = f"{scheme}://{request.get_host()}{request.path}?{urlencode(params)}"
    # Hashed: paths may be long or hold characters some cache backends refuse in keys.
    return hashlib.sha256(url.encode()).hexdigest()


def storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.has_header("Content-Encoding"):
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & REFUSING_CACHE_CONTROL:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part}
    return vary <= ALLOWED_VARY


def _entry(response) -> dict:
    body = response.content
    compressed = None
    if len(body) >= 200 and COMPRESSIBLE.match(response.get("Content-Type", "")):
        compressed = compress_string(body)
        if len(compressed) >= len(body):
            compressed = None
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED]
    return {"headers": headers, "body": body, "gzip": compressed}


def _response(entry: dict, request) -> HttpResponse:
    response = HttpResponse(status=200)
    for name, value in entry["headers"]:
        response[name] = value
    body = entry["body"]
    if entry["gzip"] is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
        if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            body = entry["gzip"]
            response["Content-Encoding"] = "gzip"
    response.content = body
    response["Content-Length"] = str(len(body))
    response[HEADER] = "HIT"
    return response


class PageCacheMiddleware:
    """Serves and stores pages; see the module docstring. Sits below the middlewares that
    add the same headers for everyone (security, CSP, Permissions-Policy), so those are
    added to hits afresh, and above those that look at the session or the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_language_prefixes()):
            return self.get_response(request)  # admin, media, documents, `/`: not pages
        key = request_key(request) if enabled() else None
        if key is None:
            return _mark(self.get_response(request), "BYPASS")
        try:
            generation = current_generation()
            full_key = f"page:{generation}:{key}"
            entry = page_cache().get(full_key)
        except Exception:  # a cache outage must not take the site down: serve uncached
            logger.exception("page cache unavailable")
            return _mark(self.get_response(request), "BYPASS")
        if entry is not None:
            return _response(entry, request)
        now = timezone.now()
        response = self.get_response(request)
        if not storable(request, response):
            return _mark(response, "BYPASS")
        try:
            page_cache().set(full_key, _entry(response), entry_timeout(now, generation))
        except Exception:
            logger.exception("page cache unavailable")
            return _mark(response, "BYPASS")
        return _mark(response, "MISS")


def _mark(response, state: str):
    response.headers.setdefault(HEADER, state)
    return response


# --- Signals ------------------------------------------------------------------------------

_watched_senders: dict[type, bool] = {}


def _is_watched(sender) -> bool:
    """Models whose rows public pages show: pages (and their view restrictions), snippets,
    settings, images, documents, sites, locales and redirects. Not renditions: they are
    made while a page renders, which must not empty the cache."""
    if sender not in _watched_senders:
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.documents.models import AbstractDocument
        from wagtail.images.models import AbstractImage
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.snippets.models import get_snippet_models

        bases = (Page, PageViewRestriction, Site, Locale, Redirect, AbstractImage)
        bases += (AbstractDocument, BaseSiteSetting, BaseGenericSetting)
        _watched_senders[sender] = isinstance(sender, type) and (
            issubclass(sender, bases) or sender in get_snippet_models()
        )
    return _watched_senders[sender]


def _on_model_change(sender, **kwargs):
    if _is_watched(sender):
        invalidate()


def connect_signals() -> None:
    """Wagtail's publishing signals (pages and snippets with draft state, which may publish
    without saving the row the page reads), moves, and saves/deletes of watched models."""
    from django.db.models.signals import post_delete, post_save
    from wagtail import signals

    names = ("page_published", "page_unpublished", "post_page_move", "published", "unpublished")
    for name in names:
        getattr(signals, name).connect(invalidate, dispatch_uid=f"home.page_cache.{name}")
    post_save.connect(_on_model_change, dispatch_uid="home.page_cache.save")
    post_delete.connect(_on_model_change, dispatch_uid="home.page_cache.delete")


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip for text answers of the public site only.

    Not for the admin (its pages carry CSRF tokens and drafts next to text a visitor could
    influence: the BREACH setting), not for any answer that rendered a CSRF token, and not
    for streaming answers (films are served with HTTP Range; gzip would break byte ranges).
    Cache hits come already compressed and are left alone."""

    def process_response(self, request, response):
        if (
            response.streaming
            or uses_admin_policy(request)
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or not COMPRESSIBLE.match(response.get("Content-Type", ""))
        ):
            return response
        return super().process_response(request, response)
