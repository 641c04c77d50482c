"""Template tags for the legal and accessibility links of every page.

Kept apart from ``portal_tags`` (menu, switcher, SEO) so that the Impressum's provider
details and the Leichte Sprache link have one obvious home. Every lookup comes from the
cached site chrome (``home.chrome.cache``), which holds the chosen pages in every language.
"""

from django import template

from home import registry
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


@register.simple_tag(takes_context=True)
def extra_legal_links(context, on_statement=False):
    """Links of other apps beside the legal pages (``home.registry``: the "report a
    barrier" form), as ``LinkTarget``s in the current language."""
    request = context.get("request")
    links = [link for link in registry.legal_links() if link.on_statement or not on_statement]
    targets = [link.target(request) for link in links]
    return [target for target in targets if target is not None]


@register.inclusion_tag("includes/accessibility_feedback.html", takes_context=True)
def accessibility_feedback(context, page):
    """Under the accessibility statement (in any language): how to report a barrier, by
    when we answer, and the arbitration body from the site settings (BGG § 12b,
    BbgBITV). Rendered here rather than written into the page's body, so that the form's
    address and the arbitration body are right in every language without editing each
    translation."""
    chrome = chrome_for(context.get("request"))
    if chrome is None or not chrome.is_accessibility_statement(page):
        return {"show": False}
    return {
        "show": True,
        "links": extra_legal_links(context, on_statement=True),
        "site_settings": chrome.site_settings,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


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
