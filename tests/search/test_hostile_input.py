"""Whatever is typed or put in the address: a friendly page, never a 5xx, never unescaped."""

import pytest

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "x" * 2000,
    "Wärme " * 400,
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    '"unmatched quote',
    "unmatched' quote\"",
    '"Lausitz"',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "&amp; &lt;mark&gt;",
    "NEAR(a b) OR c* AND NOT d:e ^f",
    "(((",
    "\x00\x01 null bytes",
    "%",
    "_",
    "\\",
    "🙂 Lausitz",
    "und die der",
    "the of and",
    "-Lausitz",
    "Lausitz*",
]


@pytest.mark.parametrize("url", ["/de/suche/", "/en/search/"])
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_gives_a_friendly_page(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    for fragment in ("<script>alert", "<img src=x", "<mark>&lt;", "&lt;mark&gt;<"):
        assert fragment not in html
    if "<" in query or '"' in query:
        assert query.strip() not in html


def test_long_query_is_cut_to_a_sane_length(client):
    response = client.get("/de/suche/", {"q": "Lausitz " + "x" * 2000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 100
    assert "x" * 101 not in response.content.decode()


@pytest.mark.parametrize("url", ["/de/suche/", "/en/search/"])
@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999", "1.5", "9" * 20, "２"])
def test_bad_page_number_is_a_404_as_on_the_news_index(client, url, page):
    response = client.get(url, {"q": "Lausitz", "page": page})
    assert response.status_code == 404
    news = "/de/aktuelles/" if url.startswith("/de/") else "/en/news/"
    assert client.get(news, {"page": page}).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"type": "<script>"},
        {"topic": "gibt-es-nicht"},
        {"topic": "<script>alert(1)</script>"},
        {"topic": "\x00"},
        {"type": "\x00"},
    ],
)
def test_unknown_filters_are_a_404(client, params):
    response = client.get("/de/suche/", {"q": "Lausitz", **params})
    assert response.status_code == 404
    assert "<script>alert" not in response.content.decode()


def test_german_topic_slug_on_the_english_site_is_a_404(client):
    assert client.get("/en/search/", {"topic": "energie-und-waerme"}).status_code == 404


def test_query_is_kept_escaped_in_pagination_links(client):
    from tests.factories.news import NewsPageFactory

    index = client.get("/de/aktuelles/").context["page"]
    for _ in range(11):
        NewsPageFactory(parent=index, teaser="Über Tagebaurestseen & mehr.")
    response = client.get("/de/suche/", {"q": 'Tagebaurestseen "><'})
    html = response.content.decode()
    assert response.context["total"] == 11
    assert 'href="?q=Tagebaurestseen+%22%3E%3C&amp;page=2"' in html
    assert 'value="Tagebaurestseen &quot;&gt;&lt;"' in html
