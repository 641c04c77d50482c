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


@register.inclusion_tag("includes/easy_read_link.html", takes_context=True)
def easy_read_link(context):
    """The Leichte Sprache page in the visitor's language (BITV 2.0 § 4), on every page."""
    site_settings = _site_settings(context)
    if site_settings is None or not site_settings.easy_read_page_id:
        return {"page": None}
    chrome = chrome_for(context.get("request"))
    page = chrome.localized(site_settings.easy_read_page_id, current_language()) if chrome else None
    # Not in the cached chrome (deeper in the tree, or untranslated): one query.
    return {"page": page or site_settings.easy_read_link()}


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
