"""Template tags for the legal and accessibility links of every page.

Kept apart from ``portal_tags`` (menu, switcher, SEO) so that the Impressum's provider
details and the Leichte Sprache link have one obvious home.
"""

from django import template

from home.chrome import chrome_for
from home.i18n import current_language

register = template.Library()


def _site_settings(context):
    from home.models import SiteSettings

    request = context.get("request")
    return SiteSettings.for_request(request) if request is not None else None


def _from_chrome(context, page_ids) -> list | None:
    """The chosen pages in the current language from the cached chrome, or ``None`` when
    the chrome cannot answer for all of them (deeper in the tree, or untranslated): the
    caller then asks the site settings, which costs one query."""
    chrome = chrome_for(context.get("request"))
    if chrome is None:
        return None
    found = [chrome.localized(pk, current_language()) for pk in page_ids if pk is not None]
    return found if all(page is not None for page in found) else None


@register.simple_tag(takes_context=True)
def legal_links(context, site_settings):
    """The legal pages of the footer in the current language."""
    if not site_settings:
        return []
    ids = [
        site_settings.impressum_page_id,
        site_settings.privacy_page_id,
        site_settings.accessibility_page_id,
    ]
    found = _from_chrome(context, ids)
    return found if found is not None else site_settings.legal_links()


@register.inclusion_tag("includes/easy_read_link.html", takes_context=True)
def easy_read_link(context):
    """The Leichte Sprache page in the visitor's language (BITV 2.0 § 4), on every page."""
    site_settings = _site_settings(context)
    if site_settings is None or not site_settings.easy_read_page_id:
        return {"page": None}
    found = _from_chrome(context, [site_settings.easy_read_page_id])
    return {"page": found[0] if found else site_settings.easy_read_link()}


@register.inclusion_tag("includes/provider_details.html", takes_context=True)
def provider_details(context, page):
    """On the Impressum (in any language): the § 5 DDG and § 18 MStV details, read from the
    site settings so that editors change an address in one place, not in every translation."""
    site_settings = _site_settings(context)
    if site_settings is None or page is None or not site_settings.impressum_page_id:
        return {"details": None}
    chrome = chrome_for(context.get("request"))
    chosen = chrome.page_by_id(site_settings.impressum_page_id) if chrome else None
    if chosen is not None:
        is_impressum = chosen.translation_key == page.translation_key
    else:
        is_impressum = site_settings.is_impressum(page)
    if not is_impressum:
        return {"details": None}
    return {"details": site_settings}
