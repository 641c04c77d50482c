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
served uncached (and logged). With Redis, an unreachable Redis is a miss
(``portal.caching.resilient_redis``): pages are rendered, not stored, and marked ``BYPASS``;
what that means for the generation and a publish meanwhile is in ``portal.caching.generation``.

**Keys.** Scheme, host, path and the query parameters public pages read (``KEY_PARAMS``,
sorted). Parameters no page reads (``?fbclid=…`` from a shared film) are left out of the key,
so they neither bloat the cache nor defeat it; a request with a parameter in
``UNCACHED_PARAMS`` (free-text search) is never cached, nor is a request to the events API
(``/de/api/…``) or the embeddable calendar (``/de/embed/…``) with a parameter outside the
key, which they refuse. A test checks that every
``request.GET`` parameter in the public apps is listed in one of the two.

How entries die is ``portal.caching.generation`` (one site-wide token) and
``portal.caching.clock`` (content that changes with time); which changes count is
``portal.caching.invalidation``; compression of the rest is ``portal.caching.compression``.
Entries hold the plain body and a gzip copy made once when stored; a hit answers with the
copy when the client accepts gzip.
"""

import hashlib
import logging
import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.text import compress_string

from portal.caching.clock import entry_timeout
from portal.caching.generation import current_generation, page_cache

logger = logging.getLogger(__name__)

HEADER = "X-Cache"
# Query parameters that public pages read; they are part of the key.
KEY_PARAMS = (
    "attendance",
    "district",
    "from",
    "kind",
    "limit",
    "page",
    "place",
    "status",
    "to",
    "topic",
    "type",
    "upcoming",
    "year",
)
# Query parameters whose answers are never cached (free text: one entry per search).
UNCACHED_PARAMS = ("q",)
# Machine endpoints (the events API) and the embeddable calendar answer a parameter they do
# not know with a 400, where a page ignores it: an entry keyed without it must not answer
# for it.
STRICT_PATH = re.compile(r"^/[^/]+/(api|embed)/")
ALLOWED_VARY = {"cookie", "accept-encoding", "accept-language"}
REFUSING_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Headers recomputed for each answer instead of stored.
NOT_STORED = {"content-length", "content-encoding", "set-cookie", HEADER.lower()}
COMPRESSIBLE = re.compile(r"^(text/|application/(rss\+|atom\+|ld\+)?(xml|json))")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def enabled() -> bool:
    return settings.PORTAL_PAGE_CACHE_SECONDS > 0


def language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def request_key(request) -> str | None:
    """The cache key of ``request`` without the generation, or None if it is never cached."""
    if request.method not in ("GET", "HEAD") or not request.path.startswith(language_prefixes()):
        return None
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return None
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME} or "HTTP_AUTHORIZATION" in request.META:
        return None
    if any(name in request.GET for name in UNCACHED_PARAMS):
        return None
    if STRICT_PATH.match(request.path) and set(request.GET) - set(KEY_PARAMS):
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
        if not request.path.startswith(language_prefixes()):
            return self.get_response(request)  # admin, media, documents, `/`: not pages
        key = request_key(request) if enabled() else None
        if key is None:
            return _mark(self.get_response(request), "BYPASS")
        try:
            generation = current_generation(request)
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
            stored = page_cache().set(full_key, _entry(response), entry_timeout(now, generation))
        except Exception:
            logger.exception("page cache unavailable")
            return _mark(response, "BYPASS")
        # False: a cache that tolerates outages could not store it (Django's return None).
        return _mark(response, "BYPASS" if stored is False else "MISS")


def _mark(response, state: str):
    response.headers.setdefault(HEADER, state)
    return response
