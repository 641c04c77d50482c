"""The site chrome: what every public page shows around its content, loaded once and cached.

Every page needs the same few things besides its own content: the ``Site`` of the request,
the site settings (footer, Impressum data), the home page of every language (brand link,
language switcher), the main menu, the search page and the legal pages. Fetched the plain
way, they cost six to eight queries on every view. Here they come from one query for the
pages (home pages of all languages plus their live, public children) and two small ones
for the site and its settings, kept in Django's cache (Redis when ``REDIS_URL`` is set, so
all app servers share it).

Invalidation shares the page cache's generation (``home.page_cache``): any change that
can alter a public page (a page published, unpublished, saved, moved or deleted; a view
restriction; the site, its settings or a locale) replaces the generation token; keys carry
it, so every process sees the new chrome on its next request (the token is in Redis, or in
a file all local workers read). Entries also expire after ``CHROME_TIMEOUT`` seconds as a
safety net.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from django.http.request import split_domain_port
from wagtail.models import Page, Site

CHROME_TIMEOUT = 300
_MEMO_ATTR = "_portal_chrome"


@dataclass
class Chrome:
    """Pages are plain (non-specific) ``Page`` objects with ``locale`` loaded.

    ``translations`` maps the translation key of each of these pages to its live, public
    versions by language code (wherever they are in the tree): the language switcher and
    the hreflang links of the home and index pages need no query of their own."""

    site: Site
    site_settings: object | None
    pages: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)

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

    def search_page(self, language: str):
        from home.models import SearchPage

        return self.child_of_type(self.home(language), SearchPage)

    def child_of_type(self, home, model):
        """The first live child of ``home`` (a home page) that is a ``model`` page."""
        from django.contrib.contenttypes.models import ContentType

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


def _site_key(request) -> str:
    """The cache key part that picks the Site, as ``Site.find_for_request`` would."""
    try:
        hostname = split_domain_port(request.get_host())[0]
    except KeyError:
        hostname = ""
    try:
        port = request.get_port()
    except (AttributeError, KeyError):
        port = request.META.get("SERVER_PORT", "")
    return f"{hostname}:{port}"


def generation() -> str:
    from home import page_cache

    return page_cache.current_generation()


def bump_generation() -> None:
    """The chrome of every site is stale (and so is every cached page)."""
    from home import page_cache

    page_cache.invalidate()


def _load(site: Site) -> Chrome:
    from home.i18n import live_public_pages
    from home.models import SiteSettings

    root = site.root_page
    steplen = Page.steplen
    home_versions = Page.objects.filter(
        translation_key=root.translation_key,
        depth=root.depth,
        path=Substr(OuterRef("path"), 1, steplen * root.depth),
    )
    pages = list(
        live_public_pages()
        .filter(depth__in=[root.depth, root.depth + 1])
        .filter(Exists(home_versions))
        .select_related("locale")
        .order_by("path")
    )
    return Chrome(
        site=site,
        site_settings=SiteSettings.for_site(site),
        pages=pages,
        translations=_translations_of(pages),
    )


def _translations_of(pages: list) -> dict:
    """translation key -> language code -> live, public page, for ``pages``; the same objects
    as in ``pages`` where a version is one of them (pickled once, not twice)."""
    from home.i18n import live_versions_by_key

    return live_versions_by_key(
        [page.translation_key for page in pages], reuse={page.pk: page for page in pages}
    )


def chrome_for(request) -> Chrome | None:
    """The chrome for this request: memoised on the request, cached across requests."""
    if request is None:
        return None
    if hasattr(request, _MEMO_ATTR):
        return getattr(request, _MEMO_ATTR)
    key = f"portal:chrome:{generation()}:{_site_key(request)}"
    chrome = cache.get(key)
    if chrome is None:
        site = Site.find_for_request(request)
        chrome = _load(site) if site is not None else None
        if chrome is not None:
            cache.set(key, chrome, CHROME_TIMEOUT)
    if chrome is not None:
        # Hand the cached objects to Wagtail's own per-request caches, so that routing and
        # ``{{ settings.home.SiteSettings }}`` use them instead of querying again.
        request._wagtail_site = chrome.site
        if chrome.site_settings is not None:
            chrome.site_settings._request = request
            setattr(request, type(chrome.site_settings).get_cache_attr_name(), chrome.site_settings)
    setattr(request, _MEMO_ATTR, chrome)
    return chrome


def home_child(request, home_page, model):
    """The live, public ``model`` page directly under ``home_page`` (e.g. the news index for a
    "more" link): from the cached chrome, or one query without it."""
    from home.i18n import public

    chrome = chrome_for(request)
    if chrome is not None and any(page.pk == home_page.pk for page in chrome.pages):
        return chrome.child_of_type(home_page, model)
    return public(model.objects.live().child_of(home_page)).first()


def site_has_view_restrictions() -> bool:
    """Whether any page has a view restriction, cached under the chrome's generation (a
    restriction saved or deleted bumps it)."""
    from wagtail.models import PageViewRestriction

    key = f"portal:has-restrictions:{generation()}"
    value = cache.get(key)
    if value is None:
        value = PageViewRestriction.objects.exists()
        cache.set(key, value, CHROME_TIMEOUT)
    return value
