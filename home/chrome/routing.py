"""Page routing in one query (two the first time per generation) instead of two per tree level.

Wagtail routes ``/de/aktuelles/mein-artikel/`` by asking each level for its child
(``get_children().get(slug=…)``, then ``.specific``): seven queries for an article,
eight in English (the active locale and the translated root page come first). Here the
home page of the language comes from the cached chrome (``home.chrome.cache``), all pages on the
path come in one query by their ``url_path``, and only the deepest gets ``.specific``
(with its hero image). The page a path names is then remembered (its id, type and parent)
under the generation token, so that later requests load it in one query, specific and with
its hero, and take its parent from the chrome where it is there (home pages and their
children).

The result is the same as Wagtail's: from the deepest page found, Wagtail's own ``route``
handles whatever is left of the path (sub-routes such as ``feed/`` and ``ics/``, or a 404).
Where an ancestor is a routable page whose own routes match the rest of the path, Wagtail
would have let that ancestor answer; so routing starts there instead. Anything unusual
(no chrome, no home page in this language) leaves routing to Wagtail unchanged.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from home.chrome.cache import CACHE_FORMAT, chrome_for, site_key
from home.pages.models import HeroImageMixin
from portal.caching.generation import current_generation
from portal.languages import current_language

ROUTE_TIMEOUT = 300


def _routable_ancestor_claims(page: Page, remaining: list[str]) -> bool:
    model = page.specific_class
    if not page.live or model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def fast_route(request, path: str):
    """Wagtail's ``RouteResult`` for ``path`` (or raise ``Http404``); ``None`` when it
    cannot tell and Wagtail should route as usual."""
    chrome = chrome_for(request)
    home = chrome.home(current_language()) if chrome is not None else None
    if home is None:
        return None
    components = [part for part in path.split("/") if part]
    where = hashlib.sha256(f"{site_key(request)}|{home.pk}|{path}".encode()).hexdigest()[:32]
    key = f"portal:route:{CACHE_FORMAT}:{current_generation(request)}:{where}"
    known = cache.get(key)
    if known is not None:
        page = _page_from_route(chrome, *known)
        if page is not None:
            return page.route(request, [])
    prefixes = [
        home.url_path + "".join(f"{part}/" for part in components[:n])
        for n in range(1, len(components) + 1)
    ]
    chain = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=home.path).order_by("depth")
    )
    # Keep only an unbroken chain home -> child -> grandchild (url_path is unique per tree).
    found, parent = [], home
    for page in chain:
        if page.depth != parent.depth + 1 or not page.path.startswith(parent.path):
            break
        found.append(page)
        parent = page
    start, consumed = home, 0
    for depth, page in enumerate(found, start=1):
        if _routable_ancestor_claims(start, components[consumed:]):
            break
        page._cached_parent_obj = start
        start, consumed = page, depth
    if consumed == len(components) and start is not home:
        # The path names a page exactly: remember which, until the next generation.
        cache.set(key, (start.pk, start.content_type_id, start.get_parent().pk), ROUTE_TIMEOUT)
    return specific_with_hero(start).route(request, components[consumed:])


def _page_from_route(chrome, page_id: int, content_type_id: int, parent_id: int):
    """The page a remembered route names, specific and with its hero, in one query; its
    parent from the chrome where it is a home page or one of their children (the index
    pages), else looked up when first asked for. ``None`` if the page is gone."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    manager = model._default_manager
    if issubclass(model, HeroImageMixin):
        manager = manager.select_related("hero_image")
    page = manager.filter(pk=page_id).first()
    if page is None:
        return None
    parent = chrome.page_by_id(parent_id)
    if parent is not None:
        page._cached_parent_obj = parent
    return page


def specific_with_hero(page: Page) -> Page:
    """``page.specific``, with the hero image (if the page type has one) in the same query.

    The template, the og:image and the JSON-LD all read the hero; fetched on first use it
    was a query of its own on every page that has one. Attributes already set on ``page``
    (its parent, from the chain above) carry over, as Wagtail's ``get_specific`` does."""
    model = page.specific_class
    if model is None or isinstance(page, model) or not issubclass(model, HeroImageMixin):
        return page.specific
    specific = model._default_manager.select_related("hero_image").get(id=page.id)
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    return specific


def serve(request, path):
    """Wagtail's ``serve`` view, with the route worked out by ``fast_route``."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            result = fast_route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        else:
            if result is not None:
                request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
