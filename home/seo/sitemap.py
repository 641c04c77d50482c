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

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.i18n import locale_ids

# Django's sitemap template plus Google's video namespace: a page type's ``get_sitemap_urls``
# may add ``videos`` (e.g. campaign film pages) without home knowing those page types.
SITEMAP_TEMPLATE = "sitemaps/sitemap.xml"
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
                    "path", "depth", "locale_id"
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

    def items(self):
        pages = self.pages().order_by("path").defer_streamfields()
        return pages.specific() if self.section == OTHER_PAGES else pages

    def summary(self) -> tuple[int, object]:
        """(number of files, newest publication) in one query, for the index."""
        found = self.pages().aggregate(count=Count("pk"), lastmod=Max("last_published_at"))
        return math.ceil(found["count"] / self.limit), found["lastmod"]
