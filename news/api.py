"""The public, read-only events API (issue 29): ``/de/api/events/`` and ``/en/api/events/``.

A plain Django view, not Wagtail's ``wagtail.api.v2`` nor Django REST framework:

- the answer is exactly schema.org ``Event`` JSON-LD, built by ``news.structured_data``
  (the same builder as the event page's JSON-LD); Wagtail's API serialises model fields
  under its own envelope (``meta``, ``items`` with ``id``/``meta``), and REST framework is
  not installed and would bring serializers for one read-only list;
- it sits under ``i18n_patterns`` like the pages, so the full-page cache
  (``portal.caching.pages``) stores its answers under the generation: a publish or an
  unpublish replaces them, as it replaces pages; the language is the URL's;
- CORS is one header on a public, credential-free GET, and a preflight answer.

Filters are ``news.event_filters`` (shared with the calendar feeds and the embeddable
calendar); a bad filter is a 400 with ``{"error": "…"}`` in the URL's language. The answer's
envelope and the parameters are described in ``docs/api/events.openapi.yaml``.
"""

import json
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.images import get_image_model

from home.i18n import locale_ids, public
from home.images.renditions import SHARE_SPEC
from home.listings.pagination import parse_page_number
from home.topics.localized import localized_topics_prefetch
from news.event_filters import BadFilter, parse_event_filters
from news.models import EventPage
from news.structured_data import event_json_ld
from portal.languages import current_language

PAGE_SIZE = 20
CONTENT_TYPE = "application/json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {"Access-Control-Allow-Origin": "*"}
PREFLIGHT_HEADERS = {
    **CORS_HEADERS,
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    # Conditional requests are not "simple" headers; everything else a client needs is.
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def events_of_language(language: str):
    """Live, public events of ``language``, by start, with what ``event_json_ld`` reads."""
    return public(
        EventPage.objects.live()
        .filter(locale_id=locale_ids()[language])
        .select_related("hero_image")
        .order_by("start", "pk")
    )


def _prefetch(pages, language: str) -> None:
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=SHARE_SPEC)
    prefetch_related_objects(
        pages,
        localized_topics_prefetch(language),
        Prefetch("hero_image__renditions", queryset=renditions),
    )


def _json(data, status=200, headers=CORS_HEADERS) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, status=status, content_type=CONTENT_TYPE)
    for name, value in headers.items():
        response[name] = value
    return response


def _page_url(request, query: str, number: int) -> str:
    params = f"{query}&" if query else ""
    return request.build_absolute_uri(f"{request.path}?{params}{urlencode({'page': number})}")


@csrf_exempt  # changes nothing; a POST gets the 405 below, not the CSRF failure page
def events(request):
    if request.method == "OPTIONS":
        response = HttpResponse(status=204, headers=PREFLIGHT_HEADERS)
        response["Allow"] = ALLOWED_METHODS
        return response
    if request.method not in ("GET", "HEAD"):
        response = _json({"error": _("Only GET is supported.")}, status=405)
        response["Allow"] = ALLOWED_METHODS
        return response
    language = current_language()
    try:
        filters = parse_event_filters(request.GET, language, also_allowed=("page",))
    except BadFilter as error:
        return _json({"error": str(error.message)}, status=400)
    paginator = Paginator(filters.apply(events_of_language(language)), PAGE_SIZE)
    try:
        number = parse_page_number(request.GET.get("page"))
    except Http404:
        return _json({"error": _("“page” must be a whole number from 1.")}, status=404)
    pages = paginator.num_pages  # 1 when nothing matches: an empty first page
    if number > pages:
        message = _("There is no page %(number)d; the last is %(pages)d.")
        return _json({"error": message % {"number": number, "pages": pages}}, status=404)
    items = list(paginator.page(number).object_list)
    _prefetch(items, language)
    query = filters.query()
    return _json(
        {
            "count": paginator.count,
            "page": number,
            "pages": pages,
            "next": _page_url(request, query, number + 1) if number < pages else None,
            "previous": _page_url(request, query, number - 1) if number > 1 else None,
            "items": [event_json_ld(item, request) for item in items],
        }
    )
