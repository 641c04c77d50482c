"""Topic and kind filters, pagination and hostile query strings."""

import pytest

from news.models import NewsPage
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


PRESS_DE = "strukturwandel-vor-ort-kommunen-tauschen-sich-aus"
PRESS_EN = "structural-change-on-the-ground-municipalities-compare-notes"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/de/aktuelles/?topic=energie-und-waerme", {PRESS_DE, "waermenetz-buergerdialog"}),
        ("/en/news/?topic=energy-and-heat", {PRESS_EN, "heating-network-public-dialogue"}),
        ("/de/aktuelles/?kind=press-release", {PRESS_DE, "kampagne-naechste-runde"}),
        ("/en/news/?kind=press-release&topic=campaign", {"campaign-next-round"}),
    ],
)
def test_filters_by_topic_and_kind(client, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert {article.slug for article in response.context["articles"]} == expected


def test_german_topic_slug_is_unknown_on_the_english_site(client):
    assert client.get("/en/news/?topic=energie-und-waerme").status_code == 404


def test_pagination(client, news_index_de):
    for _ in range(12):
        NewsPageFactory(parent=news_index_de)
    first = client.get("/de/aktuelles/")
    assert len(first.context["articles"]) == 10
    assert 'rel="next"' in first.content.decode()
    second = client.get("/de/aktuelles/?page=2")
    assert (
        len(second.context["articles"])
        == NewsPage.objects.live().filter(locale__language_code="de").count() - 10
    )
    assert client.get("/de/aktuelles/?page=3").status_code == 404


def test_pagination_keeps_filters(client, news_index_de):
    for _ in range(11):
        NewsPageFactory(parent=news_index_de, kind="press-release")
    html = client.get("/de/aktuelles/?kind=press-release").content.decode()
    assert 'href="?kind=press-release&amp;page=2"' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc", "page=99999", "page=-1", "page=0", "page=1e3", "page=" + "9" * 40,
        "topic=unknown", "topic=" + "x" * 500, "topic=%00", "topic=<script>alert(1)</script>",
        "kind=nope", "kind='%20OR%201=1--", "page=1&page=2", "topic[]=a", "%ff=%fe",
    ],
)  # fmt: skip
@pytest.mark.parametrize("index", ["/de/aktuelles/", "/en/news/"])
def test_hostile_query_strings_never_give_a_server_error(client, index, query):
    response = client.get(f"{index}?{query}")
    assert response.status_code in (200, 404)
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("query", ["page=abc", "page=99999", "topic=unknown", "kind=nope"])
def test_bad_parameters_give_a_404_in_the_right_language(client, query):
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
