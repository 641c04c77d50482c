"""Template tags for the legal and accessibility links of every page.

Kept apart from ``portal_tags`` (menu, switcher, SEO) so that the Impressum's provider
details and the Leichte Sprache link have one obvious home. Every lookup comes from the
cached site chrome (``home.chrome.cache``), which holds the chosen pages in every language.
"""

from django import template

from home.chrome.cache import chrome_for
from portal.languages import current_language

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_links(context, site_settings):
    """The legal pages of the footer in the current language."""
    chrome = chrome_for(context.get("request"))
    if not site_settings or chrome is None:
        return []
    return chrome.legal_links(current_language())


@register.simple_tag(takes_context=True)
def easy_read_page(context):
    """The Leichte Sprache page in the visitor's language, or None."""
    chrome = chrome_for(context.get("request"))
    return chrome.easy_read_page(current_language()) if chrome is not None else None


@register.inclusion_tag("includes/easy_read_link.html", takes_context=True)
def easy_read_link(context):
    """The Leichte Sprache page in the visitor's language (BITV 2.0 § 4), on every page."""
    return {"page": easy_read_page(context)}


@register.inclusion_tag("includes/provider_details.html", takes_context=True)
def provider_details(context, page):
    """On the Impressum (in any language): the § 5 DDG and § 18 MStV details, read from the
    site settings so that editors change an address in one place, not in every translation."""
    chrome = chrome_for(context.get("request"))
    if chrome is None or not chrome.is_impressum(page):
        return {"details": None}
    return {"details": chrome.site_settings}
