"""The sitemap index and its files (issue 31): one file per section and language, paginated,
each bounded in size and in queries whatever the site's size, every live public page in
exactly one of them."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.i18n import locale_ids
from home.search.models import SearchPage
from tests.helpers import SITEMAP_NS, sitemap_files

pytestmark = pytest.mark.django_db


def locations(body: bytes) -> list[str]:
    return [loc.text for loc in ET.fromstring(body).iter(f"{SITEMAP_NS}loc")]


def index_entries(client) -> list[ET.Element]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP_NS}sitemapindex"
    return list(root.iter(f"{SITEMAP_NS}sitemap"))


def test_index_names_a_file_per_section_and_language(client):
    entries = index_entries(client)
    files = [entry.findtext(f"{SITEMAP_NS}loc") for entry in entries]
    for language in ("de", "en"):  # the languages the demo has every section in
        for section in ("pages", "news", "events", "projects", "films"):
            assert f"http://testserver/{language}/sitemap-{section}.xml" in files
    assert all(entry.findtext(f"{SITEMAP_NS}lastmod") for entry in entries)


def test_every_live_public_page_is_listed_once_in_its_languages_files(client):
    files = sitemap_files(client)
    listed = [loc for body in files.values() for loc in locations(body)]
    assert any(loc.endswith("/de/impressum/") for loc in listed)
    assert any(loc.endswith("/en/legal-notice/") for loc in listed)
    assert len(listed) == len(set(listed))
    for address, body in files.items():
        language = address.split("/")[3]
        assert all(f"/{language}/" in loc for loc in locations(body)), address
    # Search pages in every language are left out (they list nothing of their own).
    pages = Page.objects.live().public().filter(depth__gt=1).not_type(SearchPage)
    page_urls = {f"http://testserver{page.url}" for page in pages.specific() if page.url}
    assert page_urls <= set(listed)


def test_files_are_paginated_by_the_configured_size(client, settings):
    settings.PORTAL_SITEMAP_URLS_PER_FILE = 2
    news_de = [
        entry.findtext(f"{SITEMAP_NS}loc")
        for entry in index_entries(client)
        if "/de/sitemap-news.xml" in entry.findtext(f"{SITEMAP_NS}loc")
    ]
    assert len(news_de) > 1
    assert news_de[1].endswith("?page=2")
    seen = []
    for address in news_de:
        body = client.get(address.removeprefix("http://testserver")).content
        assert 1 <= len(locations(body)) <= 2
        seen += locations(body)
    assert len(seen) == len(set(seen))
    last = len(news_de)
    assert client.get(f"/de/sitemap-news.xml?page={last + 1}").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/de/sitemap-nothing.xml",
        "/de/sitemap-news.xml?page=0",
        "/de/sitemap-news.xml?page=abc",
        "/de/sitemap-news.xml?page=%00",
        "/fr/sitemap-news.xml",
    ],
)
def test_bad_sitemap_addresses_are_404(client, url):
    assert client.get(url).status_code == 404


def test_a_files_query_count_does_not_grow_with_its_pages(client, settings):
    """The news file costs the same with 2 and with all of the demo's articles."""

    def queries(per_file):
        settings.PORTAL_SITEMAP_URLS_PER_FILE = per_file
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/de/sitemap-news.xml").status_code == 200
        return len(captured)

    queries(2)  # warm caches (site, locales) that every request shares
    assert queries(2) == queries(1000)


def test_index_costs_one_query_per_section_and_language(client, django_assert_max_num_queries):
    client.get("/sitemap.xml")
    sections_and_languages = 5 * len(locale_ids())
    # + the site, the languages' root pages and the private sections, once each
    with django_assert_max_num_queries(sections_and_languages + 3):
        client.get("/sitemap.xml")


@pytest.mark.parametrize("section", ["news", "events", "projects"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_plain_sections_give_the_addresses_wagtail_gives(client, rf, section, language):
    """The news, events and projects files build addresses from the root's, without a
    ``get_full_url`` per page: they must be exactly Wagtail's."""
    from django.apps import apps
    from django.conf import settings

    [label] = settings.PORTAL_SITEMAP_SECTIONS[section]
    model = apps.get_model(label)
    body = client.get(f"/{language}/sitemap-{section}.xml").content
    request = rf.get("/")
    pages = model.objects.live().public().filter(locale__language_code=language).order_by("path")
    assert locations(body) == [page.get_full_url(request) for page in pages]
    lastmods = [e.text for e in ET.fromstring(body).iter(f"{SITEMAP_NS}lastmod")]
    assert len(lastmods) == len(pages)


def test_index_counts_once_per_generation(client, settings):
    """With the fragment cache on (as in production), a second index reads no section, and
    a publish makes it count again: a new article's file appears."""
    from news.models import NewsIndexPage
    from portal.caching.generation import page_cache
    from tests.factories.news import NewsPageFactory

    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    settings.PORTAL_SITEMAP_URLS_PER_FILE = 1000
    page_cache().clear()
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/sitemap.xml").content
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    settings.PORTAL_SITEMAP_URLS_PER_FILE = 1  # now every article is a file of its own
    article = NewsPageFactory(parent=NewsIndexPage.objects.get(slug="aktuelles"))
    article.save_revision().publish()
    second = client.get("/sitemap.xml").content
    assert len(locations(second)) > len(locations(first))
