"""The sitemap: an index at ``/sitemap.xml`` and one file per section and language under the
language's prefix (``/de/sitemap-news.xml``, ``/en/sitemap-pages.xml?page=2``).

Why an index and not one file: the protocol allows 50,000 addresses per file, but the cost
of one file grows with the site (20,000 articles took 8.5 s and 1.4 MB as one file, issue
31). Each file here holds at most ``PORTAL_SITEMAP_URLS_PER_FILE`` pages, so its cost is
bounded whatever the site's size; the files live under the language prefixes, so the page
cache stores them like pages, and a publish replaces them like pages.

Sections are page types named in ``PORTAL_SITEMAP_SECTIONS`` (by model label, so ``home``
imports no app), plus ``pages`` for every other type. A page type may add entries to its
own (``get_sitemap_urls``: film pages add their videos, the project listing its exports).
"""

import math
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.i18n import locale_ids

# The files' XML is written by ``home.seo.xml`` (Django's sitemap elements plus Google's
# video namespace: a page type's ``get_sitemap_urls`` may add ``videos``, as film pages do).
INDEX_TEMPLATE = "sitemaps/index.xml"
OTHER_PAGES = "pages"


def section_names() -> list[str]:
    return [*settings.PORTAL_SITEMAP_SECTIONS, OTHER_PAGES]


def _section_models(name: str) -> list:
    return [apps.get_model(label) for label in settings.PORTAL_SITEMAP_SECTIONS[name]]


class SectionSitemap(Sitemap):
    """The live, public pages of one section in one language's tree, by path.

    A section of one page type reads that type's table (no ``specific()`` per row); the
    ``pages`` section is every other type, fetched specific in one query per type."""

    def __init__(self, request, section: str, language: str):
        super().__init__(request)
        if section not in section_names():
            raise KeyError(section)
        self.section, self.language = section, language
        self.limit = settings.PORTAL_SITEMAP_URLS_PER_FILE

    def _lookups(self):
        """Each language's root page and the private sections' filter, read once per
        request (two queries) and shared by every section the index asks about."""
        cached = getattr(self.request, "_sitemap_lookups", None)
        if cached is None:
            site_root = self.get_wagtail_site().root_page
            roots = {
                root.locale_id: root
                for root in Page.objects.filter(translation_key=site_root.translation_key).only(
                    "path", "depth", "locale_id", "url_path"
                )
            }
            cached = (roots, Page.objects.all().private_q())
            if self.request is not None:
                self.request._sitemap_lookups = cached
        return cached

    def pages(self):
        """The section's pages as a plain queryset (for counting and ``lastmod``)."""
        roots, private = self._lookups()
        root = roots.get(locale_ids().get(self.language))
        if root is None:
            return Page.objects.none()
        if self.section == OTHER_PAGES:
            others = [
                model
                for name in settings.PORTAL_SITEMAP_SECTIONS
                for model in _section_models(name)
            ]
            pages = Page.objects.exclude(
                content_type__in=ContentType.objects.get_for_models(*others).values()
            )
        else:
            [model] = _section_models(self.section)
            pages = model.objects.all()
        return (
            pages.filter(path__startswith=root.path, locale_id=root.locale_id)
            .live()
            .exclude(private)
        )

    def _plain_model(self):
        """The section's page type when its entries are Wagtail's own (address and
        publication date, no ``get_sitemap_urls`` of its own), else None."""
        if self.section == OTHER_PAGES:
            return None
        [model] = _section_models(self.section)
        return model if model.get_sitemap_urls is Page.get_sitemap_urls else None

    def items(self):
        pages = self.pages().order_by("path")
        if self._plain_model() is not None:
            return pages.values_list("url_path", "last_published_at", "latest_revision_created_at")
        if self.section == OTHER_PAGES:
            return pages.defer_streamfields().specific()
        return pages.defer_streamfields()

    def _urls(self, page, protocol, domain):
        """Wagtail's entries, or for a plain page type the same entries from three columns:
        every page of a file shares its language's root, so its address is the root's
        address plus the rest of its ``url_path`` (what ``get_full_url`` would build with a
        ``reverse`` per page; ``tests/home/test_sitemap.py`` checks they agree)."""
        if self._plain_model() is None:
            return super()._urls(page, protocol, domain)
        roots, _private = self._lookups()
        root = roots[locale_ids()[self.language]]
        base = root.get_full_url(self.request)
        urls = []
        for url_path, published, revised in self.paginator.page(page).object_list:
            location = base + quote(url_path[len(root.url_path) :], safe="/")
            urls.append({"location": location, "lastmod": published or revised})
        return urls

    def summary(self) -> tuple[int, object]:
        """(number of files, newest publication) in one query, for the index."""
        found = self.pages().aggregate(count=Count("pk"), lastmod=Max("last_published_at"))
        return math.ceil(found["count"] / self.limit), found["lastmod"]
