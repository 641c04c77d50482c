"""Rich-text page links in the reader's language.

wagtail-localize copies page links unchanged, so an English article links to German pages.
Wagtail renders them through ``Page.localized`` (one query per link, drafts ignored but view
restrictions too). This handler resolves all links of a text in one query to the live,
public page in the current language and otherwise keeps the original page, marked with its
language (``hreflang``) so that readers and screen readers know what they get.
"""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from home.i18n import live_public_pages, localized_map
from portal.languages import current_language


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = {
            str(page.pk): page
            for page in live_public_pages()
            .filter(pk__in=[pk for pk in ids if pk.isdigit()])
            .select_related("locale")
        }
        language = current_language()
        translated = localized_map(pages.values(), language)
        tags = []
        for pk in ids:
            page = pages.get(pk)
            if page is None:
                tags.append("<a>")
                continue
            target = translated.get(page.translation_key)
            if target is not None:
                tags.append(f'<a href="{escape(target.url)}">')
            else:
                lang = page.locale.language_code
                tags.append(f'<a href="{escape(page.url)}" hreflang="{escape(lang)}">')
        return tags
