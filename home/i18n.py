""" "The same page in the other language", done once and in bulk.

Every link to another language (switcher, hreflang, related items, call-to-action blocks,
rich-text links, footer) goes through these helpers. They only ever return **live, public**
pages: ``get_translation_or_none`` would hand out drafts, and ``Page.localized`` falls back
to the page itself, costs a query per call and ignores view restrictions.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site


def current_language() -> str:
    """The active language, reduced to one of the portal's languages (``de`` by default)."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def live_public_pages():
    return Page.objects.live().public()


def live_translations(page: Page) -> dict[str, Page]:
    """Language code -> live, public version of ``page`` (the page itself included if live)."""
    versions = live_public_pages().filter(translation_key=page.translation_key)
    return {p.locale.language_code: p for p in versions.select_related("locale")}


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


def localize_page_ids(page_ids: Iterable[int | None], language: str | None = None) -> list:
    """Like ``localize_pages`` for page ids (e.g. foreign-key ids): one query, order kept."""
    ids = [pk for pk in page_ids if pk is not None]
    if not ids:
        return []
    keys_by_id = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    found = {
        page.translation_key: page
        for page in live_public_pages().filter(
            translation_key__in=keys_by_id.values(),
            locale__language_code=language or current_language(),
        )
    }
    return [found[keys_by_id[pk]] for pk in ids if keys_by_id.get(pk) in found]


def home_page_for(language: str, request=None):
    """The live home page of ``language``: the translation of the site's root page."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return localize_page(site.root_page, language)
