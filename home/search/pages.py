"""The search page of each language, for the search form in every page's header."""

from home.i18n import _memo, home_page_for, public


def search_page_for(language: str, request=None):
    """The live, public search page under ``language``'s home page, or ``None``.

    All languages' search pages are loaded in one query per request (the home pages come
    from the same per-request memo as the menu's)."""
    from django.conf import settings
    from django.db.models import Q

    from home.chrome import chrome_for
    from home.models import SearchPage

    chrome = chrome_for(request)
    if chrome is not None:
        return chrome.search_page(language)
    memo = _memo(request, "search_pages")
    if not memo:
        homes = [home_page_for(code, request) for code, _name in settings.LANGUAGES]
        homes = [home for home in homes if home is not None]
        if homes:
            under_a_home = Q()
            for home in homes:
                under_a_home |= Q(path__startswith=home.path, depth=home.depth + 1)
            pages = public(SearchPage.objects.live().filter(under_a_home)).select_related("locale")
            memo.update({page.locale.language_code: page for page in pages})
        memo["_loaded"] = None
    return memo.get(language)
