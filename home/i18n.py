""" "The same page in the other language", done once and in bulk.

Every link to another language (switcher, hreflang, related items, call-to-action blocks,
rich-text links, footer) goes through these helpers. They only ever return **live, public**
pages: ``get_translation_or_none`` would hand out drafts, and ``Page.localized`` falls back
to the page itself, costs a query per call and ignores view restrictions.
"""

from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Locale, Page, PageViewRestriction

from portal.caching.generation import current_generation
from portal.languages import current_language

LOCALE_IDS_CACHE_KEY = "portal:locale-ids"
RESTRICTIONS_TIMEOUT = 300


def locale_ids() -> dict[str, int]:
    """Language code -> Locale id, cached (locales change only when a language is added)."""
    ids = cache.get(LOCALE_IDS_CACHE_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(LOCALE_IDS_CACHE_KEY, ids, 300)
    return ids


def page_language(page) -> str:
    """The language code of ``page`` without a query (``page.locale`` costs one)."""
    for code, pk in locale_ids().items():
        if pk == page.locale_id:
            return code
    return page.locale.language_code


def forget_locale_ids(**kwargs):
    cache.delete(LOCALE_IDS_CACHE_KEY)


def public(queryset):
    """Like ``PageQuerySet.public()`` in one query: Wagtail's version first loads every view
    restriction in a query of its own, on each call. Here the check is a subquery: no
    restriction on the page or on any ancestor (a restricted page's path is a prefix)."""
    if not site_has_view_restrictions():
        # Nothing is restricted (a cached fact; saving or deleting a restriction replaces
        # the generation it is cached under): the subquery would exclude nothing and costs
        # about a millisecond of SQL compilation per listing.
        return queryset
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.filter(~Exists(restricted))


def site_has_view_restrictions() -> bool:
    """Whether any page has a view restriction, cached under the generation (saving or
    deleting a restriction replaces it)."""
    key = f"portal:has-restrictions:{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = PageViewRestriction.objects.exists()
        cache.set(key, value, RESTRICTIONS_TIMEOUT)
    return value


def live_public_pages():
    return public(Page.objects.live())


def live_versions_by_key(keys: Iterable[str], reuse: dict | None = None) -> dict:
    """translation key -> language code -> live, public page, for ``keys``, in one query. A
    version whose id is in ``reuse`` (id -> page) is taken from there instead."""
    reuse = reuse or {}
    versions: dict = {}
    for version in (
        live_public_pages().filter(translation_key__in=set(keys)).select_related("locale")
    ):
        versions.setdefault(version.translation_key, {})[version.locale.language_code] = reuse.get(
            version.pk, version
        )
    return versions


def localized_map(pages: Iterable[Page], language: str | None = None, specific=False) -> dict:
    """translation_key -> live, public page in ``language``: one query for any number of pages."""
    keys = {page.translation_key for page in pages if page is not None}
    if not keys:
        return {}
    qs = live_public_pages().filter(
        translation_key__in=keys, locale__language_code=language or current_language()
    )
    if specific:
        qs = qs.specific()
    return {page.translation_key: page for page in qs}


def localize_pages(pages: Iterable[Page], language: str | None = None, specific=False) -> list:
    """The live, public versions of ``pages`` in ``language``, in order; missing ones left out."""
    pages = [page for page in pages if page is not None]
    found = localized_map(pages, language, specific=specific)
    result = []
    for page in pages:
        match = found.get(page.translation_key)
        if match is not None and match not in result:
            result.append(match)
    return result


def localize_page(page: Page | None, language: str | None = None, specific=False):
    """The live, public version of one page in ``language``, or ``None``."""
    matches = localize_pages([page], language, specific=specific) if page else []
    return matches[0] if matches else None


def localize_page_ids(
    page_ids: Iterable[int | None], language: str | None = None, specific=False
) -> list:
    """Like ``localize_pages`` for page ids (e.g. foreign-key ids): one query, order kept
    (plus one per page type with ``specific``)."""
    ids = [pk for pk in page_ids if pk is not None]
    if not ids:
        return []
    target_locale = locale_ids().get(language or current_language())
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    rows = public(
        Page.objects.filter(
            Q(pk__in=ids) | Q(translation_key__in=keys, locale_id=target_locale, live=True)
        )
    )
    if specific:
        rows = rows.specific()
    by_id, localized = {}, {}
    for page in rows:
        if page.pk in ids:
            by_id[page.pk] = page.translation_key
        if page.locale_id == target_locale and page.live:
            localized[page.translation_key] = page
    return [localized[by_id[pk]] for pk in ids if by_id.get(pk) in localized]


def stream_page_ids(stream) -> list[int]:
    """The page ids of a stream of page-chooser blocks, read from its raw data: iterating
    the stream would first fetch the pages, only for them to be localised anyway."""
    ids = []
    for item in stream.raw_data:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, int) and value not in ids:
            ids.append(value)
    return ids


def localized_stream_pages(stream, language: str) -> list:
    """The live, public pages of a page-chooser stream in ``language``, specific, in order,
    without duplicates."""
    result = []
    for page in localize_page_ids(stream_page_ids(stream), language, specific=True):
        if page not in result:
            result.append(page)
    return result
