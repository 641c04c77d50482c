"""Fragments of published content (portal/caching/fragments.py): rendered once per
generation, identical to a render from scratch, never read or written by previews, cut at
the next clock boundary, and harmless when the cache is down. That every kind of change
shows at once is proven with the page cache's tests (tests/home/test_page_cache_invalidation.py,
``any_cache``), which run against both caches."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from news.models import EventIndexPage, EventPage
from portal.caching.fragments import fragment_log
from portal.caching.generation import page_cache
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    for alias in caches:
        caches[alias].clear()
    return page_cache()


@pytest.fixture
def press_release_de(db):
    from news.demo_articles import PRESS_RELEASE_SLUG

    return Page.objects.get(slug=PRESS_RELEASE_SLUG).specific


def views(client, url):
    """Two views of ``url``: (html, queries, fragment log) of each."""
    results = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        results.append(
            (response.content.decode(), len(queries), fragment_log(response.wsgi_request))
        )
    return results


@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/en/",
        "/de/aktuelles/strukturwandel-vor-ort-kommunen-tauschen-sich-aus/",
        "/de/veranstaltungen/informations-und-diskussionstag-strukturentwicklung/",
        "/de/krasse-gegend/hier-waechst-was/",
        "/en/krasse-gegend/something-is-growing-here/",
        "/de/krasse-gegend/",
        "/de/aktuelles/",
        "/en/news/?topic=energy-and-heat",
        "/de/veranstaltungen/",
        "/de/suche/?q=Lausitz",
        "/en/search/?q=Lausitz&type=event",
    ],
)
def test_a_page_from_warm_fragments_is_the_page_from_scratch(client, fragments, settings, url):
    (first, first_queries, first_log), (second, second_queries, second_log) = views(client, url)
    assert first_log and {outcome for _name, outcome in first_log} == {"miss"}
    assert {outcome for _name, outcome in second_log} == {"hit"}
    assert second == first
    assert second_queries < first_queries
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 0
    scratch = client.get(url).content.decode()
    assert scratch == first


def test_the_article_body_costs_no_query_from_warm_fragments(client, fragments):
    """Routing (one query: the remembered route) and the hero picture's renditions are all
    that an article still asks the database for."""
    url = "/de/aktuelles/strukturwandel-vor-ort-kommunen-tauschen-sich-aus/"
    (_html, _first, _log), (_html2, warm_queries, _log2) = views(client, url)
    assert warm_queries <= 2


def test_a_preview_renders_the_draft_and_stores_nothing(
    admin_client, client, fragments, press_release_de
):
    press_release_de.body = [("paragraph", RichText("<p>Nur im Entwurf zu lesen</p>"))]
    press_release_de.save_revision()
    url = press_release_de.url
    live = client.get(url).content.decode()  # fragments of the live version, stored
    assert "Nur im Entwurf" not in live
    draft = admin_client.get(f"/admin/pages/{press_release_de.pk}/view_draft/")
    assert "Nur im Entwurf zu lesen" in draft.content.decode()
    assert fragment_log(draft.wsgi_request) == []
    after = client.get(url)
    assert "Nur im Entwurf" not in after.content.decode()
    assert {outcome for _name, outcome in fragment_log(after.wsgi_request)} == {"hit"}


def test_a_fragment_ends_at_the_next_event_change(client, fragments, monkeypatch):
    """The home page's upcoming events are a fragment: it must end when the next event
    starts or ends, as a cached page would."""
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    EventPageFactory(
        parent=index,
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(seconds=90),
    )
    timeouts = {}
    original = fragments.set

    def recording_set(key, value, timeout=None, **kwargs):
        if key.startswith("fragment:"):
            timeouts[key.split(":")[2]] = timeout
        return original(key, value, timeout, **kwargs)

    monkeypatch.setattr(fragments, "set", recording_set)
    assert client.get("/de/").status_code == 200
    assert 0 < timeouts["home-teaser"] <= 90


def test_a_cache_outage_renders_the_fragments(client, fragments, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    url = "/de/aktuelles/strukturwandel-vor-ort-kommunen-tauschen-sich-aus/"
    expected = client.get(url).content.decode()
    monkeypatch.setattr(fragments, "get", unreachable)
    monkeypatch.setattr(fragments, "set", unreachable)
    response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode() == expected


def test_pages_that_are_not_live_never_use_fragments(rf, fragments):
    from portal.caching.fragments import cached_fragment

    request = rf.get("/de/")
    draft = EventPage(title="Entwurf", live=False)
    renders = []

    def render():
        renders.append(1)
        return "<p>frisch</p>"

    for _ in range(2):
        assert cached_fragment(request, "event-programme", [draft], render) == "<p>frisch</p>"
    assert len(renders) == 2


def test_search_results_show_a_published_change(client, fragments, press_release_de):
    url = "/de/suche/?q=Strukturwandel"
    (html, _q, _log), (_html, _q2, log) = views(client, url)
    assert "vor Ort: Kommunen tauschen sich" in html
    assert {outcome for name, outcome in log if name == "search-result"} == {"hit"}
    press_release_de.teaser = "Ein ganz neuer Anreißer zum Strukturwandel"
    press_release_de.save_revision().publish()
    assert (
        "Ein ganz neuer Anreißer zum <mark>Strukturwandel</mark>"
        in client.get(url).content.decode()
    )


def test_listing_cards_from_the_cache_cost_no_prefetch(client, fragments):
    """Topics and renditions are fetched only for cards that are rendered."""
    (_html, first, _log), (_html2, second, log) = views(client, "/de/aktuelles/")
    assert {outcome for name, outcome in log if name == "news-card"} == {"hit"}
    assert second <= first - 2


def test_a_new_search_promotion_shows_at_once(client, fragments, press_release_de):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    url = "/de/suche/?q=Radweg"
    first = client.get(url).context["results"]
    assert not any(result.promoted for result in first)
    SearchPromotion.objects.create(
        query=Query.get("Radweg"), page=press_release_de, sort_order=0, description=""
    )
    results = client.get(url).context["results"]
    assert results[0].promoted and results[0].page.pk == press_release_de.pk
