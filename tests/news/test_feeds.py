"""RSS feeds per language: valid XML, right language, absolute links and dates."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from tests.helpers import parse_links

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "lang", "title", "prefix"),
    [
        ("/de/aktuelles/feed/", "de", "Aktuelles", "http://testserver/de/aktuelles/"),
        ("/en/news/feed/", "en", "News", "http://testserver/en/news/"),
    ],
)
def test_feed_is_valid_rss_in_its_language(client, url, lang, title, prefix):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == lang
    assert channel.findtext("title") == title
    assert channel.findtext("link") == prefix
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("link").startswith(prefix)
        assert item.findtext("guid").startswith(prefix)
        assert item.findtext("title")
        assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None


def test_english_feed_has_english_titles_only(client):
    channel = ET.fromstring(client.get("/en/news/feed/").content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert "Funding for a new start-up centre" in titles
    assert "Radweg am Seeufer eröffnet" not in titles
    categories = {c.text for c in channel.iter("category")}
    assert "Economy" in categories and "Wirtschaft" not in categories


@pytest.mark.parametrize(
    ("url", "feed"),
    [
        ("/de/aktuelles/", "http://testserver/de/aktuelles/feed/"),
        ("/en/news/", "http://testserver/en/news/feed/"),
        ("/de/aktuelles/kampagne-naechste-runde/", "http://testserver/de/aktuelles/feed/"),
        ("/en/news/campaign-next-round/", "http://testserver/en/news/feed/"),
    ],
)
def test_feed_is_linked_for_autodiscovery(client, url, feed):
    links = parse_links(client.get(url).content.decode()).links
    feeds = [link["href"] for link in links if link.get("type") == "application/rss+xml"]
    assert feeds == [feed]
