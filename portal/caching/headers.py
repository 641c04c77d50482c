"""HTTP caching headers: what browsers, a CDN and the front server may keep, decided where
Django knows who asked.

- **Public pages for anonymous visitors** (the answers the page cache may store) say
  ``public`` with a short ``max-age`` and ``s-maxage``, ``stale-while-revalidate`` and
  ``stale-if-error``, and ``X-Accel-Expires`` for nginx's micro-cache
  (deploy/nginx/portal.conf): a publish reaches a new visitor within
  ``PORTAL_HTTP_MAX_AGE + PORTAL_FRONT_CACHE_SECONDS`` seconds, while a visitor's browser
  and nginx may answer from their copy meanwhile, and nginx keeps serving the stale copy
  if the app fails. ``ConditionalGetMiddleware`` (above) adds the ETag and answers 304.
- **Everything else below a language prefix** (logged-in editors, search results, pages
  with a form and its CSRF token, previews, 404s) says ``private``: ``no-store`` where a
  CSRF token was rendered, ``no-cache`` otherwise; nginx is told not to keep it.
- **Media, static files and documents** vary on nothing they do not depend on: Django's
  ``LocaleMiddleware`` adds ``Vary: Accept-Language`` and ``Content-Language`` to every
  answer outside the language prefixes, which would split a CDN's copy of one film by every
  visitor's language header. In production nginx serves them and Django never sees them;
  this keeps the development server honest too.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

from portal.caching.pages import language_prefixes, request_key, storable

FILE_PREFIXES = ("/media/", "/static/", "/documents/")
FRONT_CACHE_HEADER = "X-Accel-Expires"


def _public_page(response) -> None:
    max_age = settings.PORTAL_HTTP_MAX_AGE
    patch_cache_control(
        response,
        public=True,
        max_age=max_age,
        s_maxage=settings.PORTAL_FRONT_CACHE_SECONDS,
        stale_while_revalidate=settings.PORTAL_HTTP_STALE_SECONDS,
        stale_if_error=settings.PORTAL_HTTP_STALE_IF_ERROR_SECONDS,
    )
    response[FRONT_CACHE_HEADER] = str(settings.PORTAL_FRONT_CACHE_SECONDS)


def _private_page(request, response) -> None:
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }
    if not directives & {"private", "no-store", "no-cache"}:
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
            patch_cache_control(response, private=True, no_store=True)
        else:
            patch_cache_control(response, private=True, no_cache=True)
    response[FRONT_CACHE_HEADER] = "0"


def _without_language(response) -> None:
    vary = [
        part.strip()
        for part in cc_delim_re.split(response.get("Vary", ""))
        if part.strip() and part.strip().lower() != "accept-language"
    ]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]
    if response.has_header("Content-Language"):
        del response["Content-Language"]


class HttpCachingMiddleware:
    """Sits above the page cache (hits get the same headers as the answer that was stored)
    and above ``LocaleMiddleware`` (whose ``Vary`` it takes off files)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(FILE_PREFIXES):
            _without_language(response)
        elif request.path.startswith(language_prefixes()):
            if request_key(request) is not None and storable(request, response):
                _public_page(response)
            else:
                _private_page(request, response)
        return response
