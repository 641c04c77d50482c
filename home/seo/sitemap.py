"""A sitemap over every language, not just the default site's (German) tree."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Django's sitemap template plus Google's video namespace: a page type's ``get_sitemap_urls``
# may add ``videos`` (e.g. campaign film pages) without home knowing those page types.
SITEMAP_TEMPLATE = "sitemaps/sitemap.xml"


class LocaleAwareSitemap(Sitemap):
    """Wagtail's sitemap lists the descendants of the site's root page only; this one walks
    the root page's translations too, so ``/en/…`` pages are listed. Entries come from each
    page's ``get_sitemap_urls``, which film pages extend with video entries."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
