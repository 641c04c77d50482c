"""Search results: the current locale only, found through body and agenda, filtered."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SearchPage
from tests.helpers import sitemap_text
from tests.search.conftest import hits, slugs

pytestmark = pytest.mark.django_db

SEARCH_URL = {"de": "/de/suche/", "en": "/en/search/"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_term_in_both_trees_finds_only_pages_of_the_current_locale(client, language):
    response = client.get(SEARCH_URL[language], {"q": "Lausitz"})
    found = hits(response)
    assert len(found) >= 2
    assert {page.locale.language_code for page in found} == {language}
    assert all(page.live for page in found)


def test_german_query_finds_a_german_article_through_its_body(client, press_release_de):
    # "Neuland" is only in the body of the press release, not in its title or teaser.
    assert "Neuland" not in press_release_de.title + press_release_de.teaser
    response = client.get("/de/suche/", {"q": "Neuland"})
    assert press_release_de.slug in slugs(response)
    assert "<mark>Neuland</mark>" not in response.content.decode()  # teaser shown, not body


def test_english_query_finds_an_event_through_its_agenda(client):
    # "commissioner" is in the event's agenda only (and in the press release's body).
    response = client.get("/en/search/", {"q": "commissioner"})
    event = next(
        p
        for p in hits(response)
        if p.slug == "information-and-discussion-day-structural-development"
    )
    result = next(r for r in response.context["results"] if r.page.pk == event.pk)
    assert "commissioner" not in f"{result.title} {result.teaser}".lower()
    assert event.locale.language_code == "en"


def test_result_shows_title_type_date_teaser_and_highlighted_terms(client, press_release_de):
    response = client.get("/de/suche/", {"q": "Strukturwandel"})
    result = next(r for r in response.context["results"] if r.page.pk == press_release_de.pk)
    assert result.type_key == "news"
    assert result.date == press_release_de.date
    assert "<mark>Strukturwandel</mark>" in result.title
    html = response.content.decode()
    assert str(result.teaser) in html
    assert '<time datetime="2024-02-15">' in html


def test_result_types(client):
    response = client.get("/de/suche/", {"q": "Lausitz"})
    types = {result.type_key for result in response.context["results"]}
    assert {"news", "page"} <= types
    found = hits(client.get("/de/suche/", {"q": "Lausitz", "type": "event"}))
    assert found and all(page.specific_class.__name__ == "EventPage" for page in found)
    pages = hits(client.get("/de/suche/", {"q": "Lausitz", "type": "page"}))
    assert all(page.specific_class.__name__ not in ("NewsPage", "EventPage") for page in pages)


@pytest.mark.parametrize(
    ("language", "topic"), [("de", "energie-und-waerme"), ("en", "energy-and-heat")]
)
def test_topic_filter_by_translation_key(client, language, topic):
    response = client.get(SEARCH_URL[language], {"topic": topic})
    found = hits(response)
    assert found
    for result in response.context["results"]:
        assert result.page.locale.language_code == language
        assert topic in {t.slug for t in result.topics}
    narrowed = hits(client.get(SEARCH_URL[language], {"topic": topic, "q": "Lausitz"}))
    assert set(narrowed) <= set(found)


def test_search_page_never_finds_itself(client):
    found = hits(client.get("/de/suche/", {"q": "Suche"}))
    assert not any(isinstance(page, SearchPage) for page in found)


def test_results_are_paginated_with_the_query_kept(client):
    from tests.factories.news import NewsPageFactory

    index = client.get("/de/aktuelles/").context["page"]
    for _ in range(12):
        NewsPageFactory(parent=index, teaser="Ein Artikel über Braunkohlefolgen.")
    first = client.get("/de/suche/", {"q": "Braunkohlefolgen"})
    assert len(first.context["results"]) == 10
    assert first.context["total"] == 12
    assert 'href="?q=Braunkohlefolgen&amp;page=2"' in first.content.decode()
    second = client.get("/de/suche/", {"q": "Braunkohlefolgen", "page": "2"})
    assert len(second.context["results"]) == 2
    assert second.context["total"] == 12  # known from the last page, without a count
    assert "Seite 2 von 2" in second.content.decode()
    assert not set(hits(first)) & set(hits(second))
    assert client.get("/de/suche/", {"q": "Braunkohlefolgen", "page": "3"}).status_code == 404


@pytest.mark.parametrize("language", ["de", "en"])
def test_result_page_is_noindex_and_announces_the_count(client, language):
    html = client.get(SEARCH_URL[language], {"q": "Lausitz"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    status = re.search(
        r'<div[^>]*role="status"[^>]*aria-live="polite"[^>]*>(.*?)</div>', html, re.S
    )
    assert status, "no live region"
    heading = "Ergebnisse für „Lausitz“" if language == "de" else "results for “Lausitz”"
    assert re.search(rf"\d+ {heading}", status.group(1))


@pytest.mark.parametrize("language", ["de", "en"])
def test_empty_search_suggests_topics_and_sections(client, language):
    response = client.get(SEARCH_URL[language])
    assert response.status_code == 200
    assert response.context["results"] == []
    html = response.content.decode()
    assert 'role="status"' in html
    assert f'href="{SEARCH_URL[language]}?topic=' in html
    news = "/de/aktuelles/" if language == "de" else "/en/news/"
    assert f'href="{news}"' in html


def test_nothing_found_says_so_and_suggests(client):
    response = client.get("/en/search/", {"q": "Xylophonorchester"})
    html = response.content.decode()
    assert response.context["total"] == 0
    assert "0 results for" in html
    assert "Nothing found" in html
    assert 'href="/en/search/?topic=' in html


@pytest.mark.parametrize(
    ("url", "search_url"),
    [
        ("/de/", "/de/suche/"),
        ("/de/aktuelles/", "/de/suche/"),
        ("/de/impressum/", "/de/suche/"),
        ("/en/", "/en/search/"),
        ("/en/news/", "/en/search/"),
        ("/en/search/", "/en/search/"),
    ],
)
def test_header_has_a_labelled_search_form_for_the_current_language(client, url, search_url):
    html = client.get(url).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    form = re.search(r'<form class="site-search" role="search"[^>]*>', header).group()
    assert f'action="{search_url}"' in form and 'method="get"' in form
    assert 'aria-label="' in form, "two search landmarks on the search page need names"
    assert '<label class="visually-hidden" for="site-search-q">' in header
    assert 'id="site-search-q" name="q"' in header


def test_header_search_form_costs_no_query_once_the_chrome_is_cached(client):
    """The search page comes with the site chrome (home.chrome.cache), which is cached."""
    client.get("/de/impressum/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/de/impressum/").content.decode()
    assert 'action="/de/suche/"' in html
    assert not [q for q in queries if "home_searchpage" in q["sql"]]


def test_search_page_is_not_in_the_sitemap(client):
    xml = sitemap_text(client)
    assert "/de/impressum/" in xml
    assert "/suche/" not in xml and "/en/search/" not in xml


def test_robots_txt_points_at_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_search_backend_matches_the_database():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        assert backend == "home.search.backend"
    else:
        assert backend == "wagtail.search.backends.database"
