"""NewsArticle JSON-LD, OpenGraph and Twitter card tags."""

import json
import re

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

ARTICLES = {
    "de": "/de/aktuelles/strukturwandel-vor-ort-kommunen-tauschen-sich-aus/",
    "en": "/en/news/structural-change-on-the-ground-municipalities-compare-notes/",
}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_news_article_json_ld(client, lang):
    html = client.get(ARTICLES[lang]).content.decode()
    (data,) = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == lang
    assert data["headline"]
    assert data["datePublished"].startswith("2024-02-15")
    assert data["dateModified"]
    assert data["image"]["url"].startswith("http://testserver/media/")
    assert data["publisher"]["name"] == "Lausitz-Entwicklungsagentur (Demo)"
    assert data["mainEntityOfPage"] == f"http://testserver{ARTICLES[lang]}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sharing_tags(client, lang):
    html = client.get(ARTICLES[lang]).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+"', html)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:description"' in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_json_ld_names_the_topics_without_the_page_being_rendered_first(rf, lang):
    """``structured_data`` stands on its own (a sitemap or feed may call it directly)."""
    page = Page.objects.get(url_path__endswith=ARTICLES[lang].split("/", 2)[2]).specific
    topics = [topic.name for topic in page.topics.filter(locale=page.locale, live=True)]
    assert topics
    data = page.structured_data(rf.get(ARTICLES[lang]))
    assert set(data["keywords"].split(", ")) == set(topics)
