"""News index and articles in German and English."""

import datetime
import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from news.demo_articles import ARTICLES
from news.models import NewsIndexPage, NewsPage
from tests.factories.news import NewsPageFactory
from tests.helpers import parse_links, translate_with_localize

pytestmark = pytest.mark.django_db


class NewsTreeRules(WagtailPageTestCase):
    def test_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        # (parent, child): these children are refused under these parents
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(NewsPage, NewsIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)


@pytest.mark.parametrize(
    ("url", "lang", "count"), [("/de/aktuelles/", "de", 6), ("/en/news/", "en", 5)]
)
def test_index_lists_live_articles_of_its_language_newest_first(client, url, lang, count):
    response = client.get(url)
    assert response.status_code == 200
    articles = list(response.context["articles"])
    assert len(articles) == count
    assert all(article.locale.language_code == lang for article in articles)
    dates = [article.date for article in articles]
    assert dates == sorted(dates, reverse=True)
    assert parse_links(response.content.decode()).html_attrs["lang"] == lang


def test_german_only_article_is_not_in_the_english_index(client):
    german_only = next(spec for spec in ARTICLES if spec["slug_en"] is None)
    english = client.get("/en/news/").content.decode()
    assert german_only["title"][0] not in english
    german = client.get(f"/de/aktuelles/{german_only['slug']}/").content.decode()
    assert "This page is only available in German" in german


def test_drafts_and_other_locales_never_appear(client, news_index_de):
    draft = NewsPageFactory(parent=news_index_de, title="Geheimer Entwurf", live=False)
    assert not draft.live
    for url in ["/de/aktuelles/", "/en/news/", "/de/aktuelles/feed/", "/en/news/feed/", "/de/"]:
        assert "Geheimer Entwurf" not in client.get(url).content.decode(), url


def test_english_article_shows_english_topics_contact_and_related_items(
    client, news_index_de, django_capture_on_commit_callbacks
):
    impressum = Page.objects.get(slug="impressum")
    german_only = NewsPage.objects.get(slug="radweg-am-seeufer-eroeffnet")
    article = NewsPageFactory(
        parent=news_index_de,
        title="Artikel mit Bezügen",
        related_pages=[("page", impressum), ("page", german_only)],
    )
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_with_localize(article)
    html = client.get(english.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert 'href="/en/legal-notice/"' in related
    assert german_only.url not in related  # no live English version: left out
    topic_links = [a["href"] for a in parse_links(html).anchors if "?topic=" in a["href"]]
    assert topic_links and all(href.startswith("/en/news/?topic=") for href in topic_links)
    assert "Press office" not in html  # the factory contact has no English translation…
    assert "Testpresse" in html  # …so the German card is shown rather than nothing


def test_press_release_shows_source_line_and_contact_card(client, press_release_de, english):
    html = client.get(press_release_de.url).content.decode()
    assert "Quelle: Lausitz-Entwicklungsagentur (Demo)" in html
    assert 'href="mailto:presse@example.org"' in html
    assert 'href="tel:+49355000001"' in html
    html_en = client.get(press_release_de.get_translation(english).url).content.decode()
    assert "Source: Lausitz development agency (demo)" in html_en
    assert "Press office" in html_en


def test_previous_and_next_article_stay_in_the_language(client):
    html = client.get("/en/news/funding-for-a-start-up-centre/").content.decode()
    assert re.search(r'href="/en/news/heating-network-public-dialogue/" rel="prev"', html)
    assert 'rel="next"' not in html
    html = client.get("/de/aktuelles/foerderung-fuer-gruenderzentrum/").content.decode()
    assert re.search(r'href="/de/aktuelles/waermenetz-buergerdialog/" rel="prev"', html)


@pytest.mark.parametrize(("url", "lang"), [("/de/", "de"), ("/en/", "en")])
def test_home_page_shows_the_latest_three_articles_of_its_language(client, url, lang):
    response = client.get(url)
    teaser = next(t for t in response.context["teasers"] if t["name"] == "news")
    items = teaser["items"]["items"]
    assert len(items) == 3
    assert all(item.locale.language_code == lang for item in items)
    newest = NewsPage.objects.live().filter(locale__language_code=lang).order_by("-date")[:3]
    assert [item.pk for item in items] == [page.pk for page in newest]


def test_demo_press_release_reports_on_the_event_of_14_february_2024(press_release_de):
    assert press_release_de.kind == "press-release"
    assert press_release_de.date == datetime.date(2024, 2, 15)
    body = str(press_release_de.body)
    assert "14. Februar 2024" in body
    assert "Wärmeplanung" in body
    assert "Die Lausitz. Krasse Gegend." in body


@pytest.mark.parametrize(
    ("url", "campaign_url", "event_url"),
    [
        (
            "/de/aktuelles/strukturwandel-vor-ort-kommunen-tauschen-sich-aus/",
            "/de/krasse-gegend/",
            "/de/veranstaltungen/informations-und-diskussionstag-strukturentwicklung/",
        ),
        (
            "/en/news/structural-change-on-the-ground-municipalities-compare-notes/",
            "/en/krasse-gegend/",
            "/en/events/information-and-discussion-day-structural-development/",
        ),
    ],
)
def test_press_release_embeds_the_campaign_film_and_links_event_and_campaign(
    client, url, campaign_url, event_url
):
    html = client.get(url).content.decode()
    assert "<video" in html and "<track" in html
    assert f'href="{campaign_url}"' in html
    assert f'href="{event_url}"' in html
