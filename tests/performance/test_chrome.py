"""The cached site chrome (menu, home links, search and legal pages, site settings) changes
on the next request after an editor changes any of it, and a new view restriction applies
at once (it would otherwise be skipped by ``FastViewRestrictionsMixin``)."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.chrome import cache as chrome_cache
from home.chrome.cache import chrome_for
from home.i18n import public
from home.models import SiteSettings, StandardPage
from news.models import NewsPage
from tests.helpers import hreflangs

pytestmark = pytest.mark.django_db

ARTICLE_LIST = "/de/aktuelles/"


def menu_html(client, url=ARTICLE_LIST):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('class="main-nav"')
    return html[start : html.index("</nav>", start)]


def test_a_published_menu_page_appears_and_an_unpublished_one_goes(client, home_de):
    before = menu_html(client)
    assert "Neue Rubrik" not in before
    page = StandardPage(title="Neue Rubrik", slug="neue-rubrik", show_in_menus=True)
    home_de.add_child(instance=page)
    page.save_revision().publish()
    assert "Neue Rubrik" in menu_html(client)
    page.unpublish()
    assert "Neue Rubrik" not in menu_html(client)


def test_a_renamed_menu_page_shows_its_new_title(client):
    menu_html(client)
    news_index = Page.objects.get(slug="aktuelles").specific
    news_index.title = "Presse und Neuigkeiten"
    news_index.save_revision().publish()
    assert "Presse und Neuigkeiten" in menu_html(client)


def test_site_settings_change_reaches_the_footer(client):
    client.get(ARTICLE_LIST)
    settings = SiteSettings.objects.get()
    settings.organisation_name = "Entwicklungsagentur Beispielstadt"
    settings.save()
    assert "Entwicklungsagentur Beispielstadt" in client.get(ARTICLE_LIST).content.decode()


def test_a_new_view_restriction_applies_on_the_next_request(client):
    article = NewsPage.objects.live().filter(locale__language_code="de").first()
    url = article.get_url()
    assert article.title in client.get(url).content.decode()
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    response = client.get(url)
    assert article.title not in response.content.decode()
    assert "password" in response.content.decode().lower()
    # And a deleted restriction opens the page again.
    PageViewRestriction.objects.filter(page=article).delete()
    assert article.title in client.get(url).content.decode()


def test_a_moved_page_leaves_the_menu(client, home_de):
    page = StandardPage(title="Wandernde Seite", slug="wandernde-seite", show_in_menus=True)
    home_de.add_child(instance=page)
    page.save_revision().publish()
    assert "Wandernde Seite" in menu_html(client)
    page.move(Page.objects.get(slug="aktuelles"), pos="last-child")
    assert "Wandernde Seite" not in menu_html(client)


def test_chrome_is_shared_through_the_cache(rf):
    """Two requests (as two app processes would) get the chrome from the cache, not the DB."""
    first = rf.get(ARTICLE_LIST)
    chrome_for(first)
    second = rf.get(ARTICLE_LIST)
    with CaptureQueriesContext(connection) as queries:
        chrome = chrome_for(second)
    assert len(queries) == 0
    assert chrome.home("de") is not None and chrome.home("en") is not None
    assert {page.slug for page in chrome.menu("de")} >= {"aktuelles", "veranstaltungen"}


def test_a_change_whose_invalidation_was_lost_shows_once_the_chrome_expires(client, monkeypatch):
    """A publish while Redis is unreachable cannot replace the generation; should Redis
    come back with its keys, the chrome (the process's copy too) is stale for
    ``CHROME_TIMEOUT`` at most. An ``update()`` sends no signal: the same lost change."""
    monkeypatch.setattr(chrome_cache, "CHROME_TIMEOUT", 1)
    menu_html(client)
    Page.objects.filter(slug="aktuelles").update(title="Umbenannt ohne Signal")
    assert "Umbenannt ohne Signal" not in menu_html(client)
    time.sleep(1.1)
    assert "Umbenannt ohne Signal" in menu_html(client)


def test_listings_skip_the_restriction_subquery_only_while_nothing_is_restricted(client):
    """``public()`` leaves out its view-restriction subquery while no page is restricted (a
    cached fact); a new restriction hides the page from listings on the next request."""

    def restriction_subqueries():
        with CaptureQueriesContext(connection) as queries:
            list(public(NewsPage.objects.live()))
        listing = [q["sql"] for q in queries.captured_queries if "news_newspage" in q["sql"]]
        assert len(listing) == 1
        return listing[0].count("pageviewrestriction")

    article = NewsPage.objects.live().filter(locale__language_code="de").first()
    assert restriction_subqueries() == 0
    assert article.title in client.get(ARTICLE_LIST).content.decode()

    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    assert restriction_subqueries() == 1
    assert article not in public(NewsPage.objects.live())
    assert article.title not in client.get(ARTICLE_LIST).content.decode()
    assert article.title not in client.get("/de/").content.decode()

    PageViewRestriction.objects.filter(page=article).delete()
    assert restriction_subqueries() == 0
    assert article.title in client.get(ARTICLE_LIST).content.decode()


def test_home_and_legal_pages_link_their_translations_without_a_query(client):
    """The chrome knows the translations of the home pages and their children: the
    language switcher and the hreflang links of those pages cost no query."""
    for url, english in [("/de/", "/en/"), ("/de/impressum/", "/en/legal-notice/")]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        pages = [q["sql"] for q in queries.captured_queries if '"wagtailcore_page"' in q["sql"]]
        filters = [sql.partition(" WHERE ")[2] for sql in pages]
        assert not [where for where in filters if '"translation_key"' in where]
        assert hreflangs(html)["en"].endswith(english)


def test_a_translation_moved_deeper_in_the_tree_is_still_linked(client):
    """Translations are looked up by translation key wherever they are, not only among the
    home pages' children."""
    legal_notice = Page.objects.get(url_path__endswith="/legal-notice/")
    new_parent = (
        StandardPage.objects.live()
        .filter(locale=legal_notice.locale, depth=legal_notice.depth)
        .exclude(pk=legal_notice.pk)
        .first()
    )
    depth = legal_notice.depth
    client.get("/de/impressum/")
    legal_notice.move(new_parent, pos="last-child")
    moved = Page.objects.get(pk=legal_notice.pk)
    assert moved.depth == depth + 1
    html = client.get("/de/impressum/").content.decode()
    assert hreflangs(html)["en"].endswith(moved.get_url())
