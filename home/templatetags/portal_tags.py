"""Template tags shared by every page: language switcher, hreflang/canonical, menu, footer."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language_info, gettext

from home.chrome.cache import chrome_for, home_page_for, live_translations
from home.search.models import SearchPage
from portal.languages import current_language

register = template.Library()


def _other_languages():
    current = current_language()
    return [code for code, _name in settings.LANGUAGES if code != current]


def _autonym(code):
    return get_language_info(code)["name_local"]


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the live translation of the current page; where there is none, to the other
    language's home page with a plain note, written in that language. Views that are not
    pages pass their own addresses per language as ``language_urls``."""
    request = context.get("request")
    page = context.get("page")
    current = current_language()
    language_urls = context.get("language_urls")
    if page is None and language_urls:
        # A view that is not a page (the barrier report form) exists in every language.
        links = [
            {"code": code, "name": _autonym(code), "url": language_urls[code], "note": ""}
            for code in _other_languages()
            if code in language_urls
        ]
        return {"links": links}
    translations = live_translations(page, request) if page is not None and page.pk else {}
    links = []
    for code in _other_languages():
        target = translations.get(code)
        note = ""
        if target is None:
            target = home_page_for(code, request)
            if page is not None:
                with translation.override(code):
                    note = gettext("This page is only available in %(language)s") % {
                        "language": get_language_info(current)["name_translated"]
                    }
        if target is None:
            continue
        links.append(
            {"code": code, "name": _autonym(code), "url": target.get_url(request), "note": note}
        )
    return {"links": links}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """hreflang alternates (live translations only) plus x-default and the canonical link."""
    request = context.get("request")
    page = context.get("page")
    if page is None or not page.pk or not page.live:
        return {"alternates": [], "canonical": None}
    translations = live_translations(page, request)
    alternates = [
        {"code": code, "url": translations[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE) or page
    return {
        "alternates": alternates,
        "x_default": default.get_full_url(request),
        "canonical": page.get_full_url(request),
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    chrome = chrome_for(request)
    language = current_language()
    home = chrome.home(language) if chrome is not None else None
    current = context.get("page")
    items = []
    for child in chrome.menu(language) if home is not None else []:
        is_current = current is not None and current.path.startswith(child.path)
        items.append({"page": child, "url": child.get_url(request), "active": is_current})
    return {"home": home, "home_url": home.get_url(request) if home else "/", "items": items}


@register.inclusion_tag("includes/search_form.html", takes_context=True)
def search_form(context):
    """The header's search form, pointing at the current language's search page."""
    request = context.get("request")
    chrome = chrome_for(request)
    home = chrome.home(current_language()) if chrome is not None else None
    page = chrome.child_of_type(home, SearchPage) if home is not None else None
    return {"search_url": page.get_url(request) if page is not None else None}


@register.simple_tag(takes_context=True)
def home_url(context):
    home = home_page_for(current_language(), context.get("request"))
    return home.get_url(context.get("request")) if home else f"/{current_language()}/"


_JSON_LD_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """JSON for a ``<script type="application/ld+json">``: escaped so that text from editors
    can never close the script element (as Django's ``json_script`` does)."""
    return mark_safe(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_LD_ESCAPES)
    )


@register.inclusion_tag("includes/structured_data.html", takes_context=True)
def structured_data(context):
    """The page's ``structured_data(request)`` (schema.org JSON-LD), for page types that have
    one. JSON-LD is data, not script: a strict CSP allows it."""
    page = context.get("page")
    method = getattr(page, "structured_data", None)
    return {"data": method(context.get("request")) if callable(method) else None}


@register.simple_tag(takes_context=True)
def page_description(context, page):
    """Search description, else teaser, else intro: for meta description and sharing. A
    view that is not a page (the barrier report form) gives ``meta_description``."""
    if not page:  # no page in the context: "" from the template engine
        return context.get("meta_description", "")
    for field in ("search_description", "teaser", "intro"):
        text = getattr(page, field, "") or ""
        if text.strip():
            return Truncator(text.strip()).chars(160)
    return ""
