"""The sitemap index and the section files (``home.seo.sitemap``).

Plain views around Django's ``Sitemap`` pagination rather than Django's ``index`` and
``sitemap`` views: those reverse every section with the active language's prefix and read
the page from ``?p=``; here each language's files are reversed in that language, and the
page is ``?page=``, which the page cache already keys on and ``parse_page_number`` checks.
"""

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from home.listings.pagination import parse_page_number
from home.seo.sitemap import INDEX_TEMPLATE, SectionSitemap, section_names
from home.seo.xml import urlset
from portal.caching.fragments import generation_cached
from portal.languages import current_language

CONTENT_TYPE = "application/xml; charset=utf-8"


def sitemap_index(request):
    """Every file of every section and language, with the newest publication in it. One
    query per section and language, kept per generation (a section's size changes only
    with a publish: at 20,000 articles the counts took 250 ms); sections without pages are
    left out."""
    files = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for section in section_names():
                sitemap = SectionSitemap(request, section, code)
                count, lastmod = generation_cached(
                    "sitemap-summary",
                    (sitemap.get_wagtail_site().pk, section, code),
                    sitemap.summary,
                    request,
                )
                location = request.build_absolute_uri(
                    reverse("sitemap_section", kwargs={"section": section})
                )
                for number in range(1, count + 1):
                    suffix = f"?page={number}" if number > 1 else ""
                    files.append({"location": location + suffix, "lastmod": lastmod})
    return TemplateResponse(request, INDEX_TEMPLATE, {"files": files}, content_type=CONTENT_TYPE)


def sitemap_section(request, section: str):
    """One file of one section in the URL's language; an unknown section or a page past
    the last is a 404."""
    number = parse_page_number(request.GET.get("page"))
    try:
        sitemap = SectionSitemap(request, section, current_language())
    except KeyError:
        raise Http404("no such sitemap section") from None
    try:
        urls = sitemap.get_urls(page=number, site=RequestSite(request), protocol=request.scheme)
    except EmptyPage:
        raise Http404("no such sitemap page") from None
    return HttpResponse(urlset(urls), content_type=CONTENT_TYPE)
