"""The site chrome: what every public page shows around its content, loaded once and cached.

Every page needs the same few things besides its own content: the ``Site`` of the request,
the site settings (footer, Impressum data), the home page of every language (brand link,
language switcher), the main menu, the search page (``child_of_type``), the legal pages and
the Leichte Sprache page. Fetched the plain way, they cost six to eight queries on every
view. Here they come from one query for the pages (home pages of all languages with their
live, public children, and every live version of the pages the site settings choose), one
for those pages' translations and two small ones for the site and its settings, kept in
Django's cache (Redis when ``REDIS_URL`` is set, so all app servers share it).

This is the only way to these lookups: there is no second, uncached implementation beside
it. Without a request (a management command, a feed built offline) the default site's
chrome is used.

Invalidation: keys carry the site-wide generation token (``portal.caching.generation``).
Any change that can alter a public page replaces it, so every process sees the new chrome
on its next request. Entries also expire after ``CHROME_TIMEOUT`` seconds as a safety net.
Cached objects are pickled: the key also carries ``CACHE_FORMAT`` (the Wagtail version and
this module's format number), so an upgrade never unpickles objects of another version.
"""

import copy
import dataclasses
import time
from dataclasses import dataclass, field

import wagtail
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from home.i18n import live_public_pages, live_versions_by_key
from home.pages.site_settings import SiteSettings
from portal.caching.generation import current_generation

CHROME_TIMEOUT = 300
# Bump the number when the pickled shape of ``Chrome`` changes.
CACHE_FORMAT = f"w{wagtail.__version__}-2"
_MEMO_ATTR = "_portal_chrome"
_TRANSLATIONS_MEMO_ATTR = "_portal_translations"


@dataclass
class Chrome:
    """Pages are plain (non-specific) ``Page`` objects with ``locale`` loaded.

    ``translations`` maps the translation key of each of these pages to its live, public
    versions by language code (wherever they are in the tree): the language switcher and
    the hreflang links of the home and index pages need no query of their own. ``chosen``
    holds every live, public language version of the pages the site settings choose (legal
    pages, Leichte Sprache), wherever they are in the tree."""

    site: Site
    site_settings: SiteSettings | None
    pages: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)
    chosen: list = field(default_factory=list)
    chosen_keys: dict = field(default_factory=dict)

    def home(self, language: str):
        return next(
            (
                page
                for page in self.pages
                if page.depth == self.site_depth and page.locale.language_code == language
            ),
            None,
        )

    @property
    def site_depth(self) -> int:
        return self.site.root_page.depth

    def children(self, home) -> list:
        if home is None:
            return []
        return [
            page
            for page in self.pages
            if page.depth == home.depth + 1 and page.path.startswith(home.path)
        ]

    def menu(self, language: str) -> list:
        return [page for page in self.children(self.home(language)) if page.show_in_menus]

    def child_of_type(self, home, model):
        """The first live, public child of ``home`` (a home page) that is a ``model`` page."""
        content_type_id = ContentType.objects.get_for_model(model).pk
        return next(
            (page for page in self.children(home) if page.content_type_id == content_type_id),
            None,
        )

    def page_by_id(self, page_id: int | None):
        return next((page for page in self.pages if page.pk == page_id), None)

    def localized(self, page_id: int | None, language: str):
        """The live version in ``language`` of a home page or one of its children, by id of
        any language version; ``None`` when it has none (or is deeper in the tree)."""
        source = self.page_by_id(page_id)
        if source is None:
            return None
        return next(
            (
                page
                for page in self.pages
                if page.translation_key == source.translation_key
                and page.locale.language_code == language
            ),
            None,
        )

    # --- The pages the site settings choose (legal pages, Leichte Sprache) -------------

    def chosen_page(self, page_id: int | None, language: str):
        """The live, public version in ``language`` of a page the settings choose."""
        key = self.chosen_keys.get(page_id)
        return next(
            (
                page
                for page in self.chosen
                if key is not None
                and page.translation_key == key
                and page.locale.language_code == language
            ),
            None,
        )

    def legal_links(self, language: str) -> list:
        """Impressum, privacy notice and accessibility statement in ``language``: live
        versions only, in that order."""
        settings_ = self.site_settings
        if settings_ is None:
            return []
        ids = [
            settings_.impressum_page_id,
            settings_.privacy_page_id,
            settings_.accessibility_page_id,
        ]
        found = [self.chosen_page(pk, language) for pk in ids]
        return [page for page in found if page is not None]

    def easy_read_page(self, language: str):
        if self.site_settings is None:
            return None
        return self.chosen_page(self.site_settings.easy_read_page_id, language)

    def is_impressum(self, page) -> bool:
        """Whether ``page`` is the Impressum in any language (same translation key)."""
        return self._is_chosen("impressum_page_id", page)

    def is_accessibility_statement(self, page) -> bool:
        """Whether ``page`` is the accessibility statement in any language."""
        return self._is_chosen("accessibility_page_id", page)

    def _is_chosen(self, field: str, page) -> bool:
        if self.site_settings is None or page is None:
            return False
        key = self.chosen_keys.get(getattr(self.site_settings, field))
        return key is not None and key == page.translation_key


def site_key(request) -> str:
    """The cache key part that picks the Site, as ``Site.find_for_request`` would."""
    if request is None:
        return "default"
    try:
        hostname = split_domain_port(request.get_host())[0]
    except KeyError:
        hostname = ""
    try:
        port = request.get_port()
    except (AttributeError, KeyError):
        port = request.META.get("SERVER_PORT", "")
    return f"{hostname}:{port}"


def _chosen_ids(site_settings) -> list[int]:
    if site_settings is None:
        return []
    ids = (
        site_settings.impressum_page_id,
        site_settings.privacy_page_id,
        site_settings.accessibility_page_id,
        site_settings.easy_read_page_id,
    )
    return [pk for pk in ids if pk]


def _load(site: Site) -> Chrome:
    """Site settings, then one query for every page the chrome holds: the home pages of all
    languages with their children, and all live versions of the pages the settings choose
    (annotated with the id that was chosen)."""
    root = site.root_page
    site_settings = SiteSettings.for_site(site)
    home_versions = Page.objects.filter(
        translation_key=root.translation_key,
        depth=root.depth,
        path=Substr(OuterRef("path"), 1, Page.steplen * root.depth),
    )
    near_home = Q(depth__in=[root.depth, root.depth + 1]) & Q(Exists(home_versions))
    chosen = Page.objects.filter(pk__in=_chosen_ids(site_settings))
    rows = list(
        live_public_pages()
        .filter(near_home | Q(translation_key__in=chosen.values("translation_key")))
        .annotate(
            is_near_home=ExpressionWrapper(near_home, output_field=BooleanField()),
            chosen_pk=Subquery(
                chosen.filter(translation_key=OuterRef("translation_key")).values("pk")[:1]
            ),
        )
        .select_related("locale")
        .order_by("path")
    )
    pages = [page for page in rows if page.is_near_home]
    return Chrome(
        site=site,
        site_settings=site_settings,
        pages=pages,
        translations=_translations_of(pages),
        chosen=[page for page in rows if page.chosen_pk is not None],
        chosen_keys={page.chosen_pk: page.translation_key for page in rows if page.chosen_pk},
    )


def _translations_of(pages: list) -> dict:
    """translation key -> language code -> live, public page, for ``pages``; the same objects
    as in ``pages`` where a version is one of them (pickled once, not twice)."""
    return live_versions_by_key(
        [page.translation_key for page in pages], reuse={page.pk: page for page in pages}
    )


# The chrome of the current generation, kept in the process as well: unpickling it from the
# cache (about 40 model instances) cost every view about half a millisecond. Keys carry the
# generation, so a publish is seen by every process on its next request as before; the
# shared cache stays the source (and what other app servers read). Requests get a shallow
# copy with their own site settings object (it remembers its request); the pages are
# shared between requests and threads and only ever read.
# Like the shared entries, a copy lives CHROME_TIMEOUT seconds at most: should a publish fail
# to replace the generation (Redis unreachable, then back with its keys), the chrome is not
# stale for longer than the shared cache's bound.
_process_memo: dict[str, tuple["Chrome", float]] = {}
_PROCESS_MEMO_SIZE = 4


def _remember_in_process(key: str, chrome: "Chrome") -> None:
    if len(_process_memo) >= _PROCESS_MEMO_SIZE:
        _process_memo.clear()
    _process_memo[key] = (chrome, time.monotonic() + CHROME_TIMEOUT)


def forget_process_memo() -> None:
    """Drop the process's copy (tests, which roll the database back under one generation)."""
    _process_memo.clear()


def _from_process_memo(key: str) -> "Chrome | None":
    shared, expires = _process_memo.get(key, (None, 0.0))
    if shared is None or time.monotonic() >= expires:
        return None
    site_settings = copy.copy(shared.site_settings) if shared.site_settings is not None else None
    return dataclasses.replace(shared, site_settings=site_settings)


def chrome_for(request=None) -> Chrome | None:
    """The chrome for this request (the default site's without one): memoised on the
    request, cached across requests. ``None`` only when no site exists."""
    if request is not None and hasattr(request, _MEMO_ATTR):
        return getattr(request, _MEMO_ATTR)
    key = f"portal:chrome:{CACHE_FORMAT}:{current_generation(request)}:{site_key(request)}"
    chrome = _from_process_memo(key)
    if chrome is None:
        shared = cache.get(key)
        if shared is None:
            if request is not None:
                site = Site.find_for_request(request)
            else:
                site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            shared = _load(site) if site is not None else None
            if shared is not None:
                cache.set(key, shared, CHROME_TIMEOUT)
        if shared is not None:
            # Every request gets its copy, also the one that loaded it: the kept object is
            # never handed out (its site settings would remember this request).
            _remember_in_process(key, shared)
            chrome = _from_process_memo(key)
    if request is None:
        return chrome
    if chrome is not None:
        # Hand the cached objects to Wagtail's own per-request caches, so that routing and
        # ``{{ settings.home.SiteSettings }}`` use them instead of querying again
        # (Wagtail internals, listed in docs/wagtail-internals.md).
        request._wagtail_site = chrome.site
        if chrome.site_settings is not None:
            chrome.site_settings._request = request
            setattr(request, type(chrome.site_settings).get_cache_attr_name(), chrome.site_settings)
    setattr(request, _MEMO_ATTR, chrome)
    return chrome


# --- Lookups every page makes -------------------------------------------------------------


def home_page_for(language: str, request=None):
    """The live home page of ``language``: the translation of the site's root page."""
    chrome = chrome_for(request)
    return chrome.home(language) if chrome is not None else None


def home_child(request, home_page, model):
    """The live, public ``model`` page directly under ``home_page`` (e.g. the news index for
    a "more" link)."""
    chrome = chrome_for(request)
    return chrome.child_of_type(home_page, model) if chrome is not None else None


def live_translations(page: Page, request=None) -> dict[str, Page]:
    """Language code -> live, public version of ``page`` (the page itself included if live).

    The chrome knows them for the home pages and their children; any other page costs one
    query, once per request."""
    chrome = chrome_for(request)
    known = chrome.translations.get(page.translation_key) if chrome is not None else None
    if known is not None:
        return known
    memo = {} if request is None else request.__dict__.setdefault(_TRANSLATIONS_MEMO_ATTR, {})
    key = page.translation_key
    if key not in memo:
        memo[key] = live_versions_by_key([key]).get(key, {})
    return memo[key]
