"""Every public page type costs at most 15 SQL queries (issue 9), in German and English.

Counted after one warm-up request, as a visitor after the first one sees it: the site chrome
(``home.chrome.cache``), content types and Wagtail's site root paths are then cached. The first
request after a change costs a few more (see ``test_cold_chrome_costs_a_fixed_few_more``).
The listing tests next to the apps prove that the counts do not grow with the items.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from campaign.models import CampaignPage, FilmPage
from home.models import HomePage, SearchPage, StandardPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, PressPage
from portal.caching.generation import invalidate
from projects.models import ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db

BUDGET = 15
PAGE_TYPES = [
    HomePage,
    NewsIndexPage,
    NewsPage,
    PressPage,
    EventIndexPage,
    EventPage,
    ProjectIndexPage,
    ProjectPage,
    CampaignPage,
    FilmPage,
    StandardPage,
    SearchPage,
]


def url_of(model, language):
    locale = Locale.objects.get(language_code=language)
    page = model.objects.live().filter(locale=locale).order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__} in {language}"
    url = page.get_url()
    return url + "?q=Lausitz" if model is SearchPage else url


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), queries


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_stays_within_the_query_budget(client, model, language):
    url = url_of(model, language)
    used, queries = count(client, url)
    assert used <= BUDGET, f"{url}: {used} queries\n" + "\n".join(
        query["sql"][:160] for query in queries.captured_queries
    )


def test_cold_chrome_costs_a_fixed_few_more(client):
    """After a publish the chrome is loaded again (site, settings, pages, their translations,
    restrictions), and routing looks up the path's pages once more (``home.chrome.routing``)."""
    url = url_of(NewsPage, "de")
    warm, _ = count(client, url)
    invalidate()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert warm < len(queries) <= warm + 6
