"""The results page costs a fixed number of SQL queries whatever the number of hits: one more
once the hits fill more than a page (the count, which a page that is not full does without)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Topic
from news.models import NewsIndexPage
from tests.factories.news import NewsPageFactory
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db
QUERIES = []


def add_full_article(index, capture):
    """A matching article with image, two topics, a contact and a live English translation."""
    topics = list(Topic.objects.filter(locale=index.locale)[:2])
    article = NewsPageFactory(
        parent=index, topics=topics, teaser="Zauberwort im Anreißer.", title="Zauberwort"
    )
    with capture(execute=True):
        translate_with_localize(article, rewrite=lambda text: text.replace("im", "in the"))
    return article


def count_queries(client, url):
    client.get(url)  # warm-up: caches of locales, content types and site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    QUERIES.append(queries.captured_queries)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("url", ["/de/suche/?q=Zauberwort", "/en/search/?q=Zauberwort"])
def test_results_query_count_does_not_grow_with_hits(
    client, django_capture_on_commit_callbacks, url
):
    index = NewsIndexPage.objects.get(slug="aktuelles")
    add_full_article(index, django_capture_on_commit_callbacks)
    one, response = count_queries(client, url)
    assert len(response.context["results"]) == 1
    for _ in range(11):
        add_full_article(index, django_capture_on_commit_callbacks)
    full, response = count_queries(client, url)
    assert len(response.context["results"]) == 10
    assert full == one + 1
    for _ in range(5):
        add_full_article(index, django_capture_on_commit_callbacks)
    more, response = count_queries(client, url)
    assert len(response.context["results"]) == 10 and response.context["total"] == 17
    assert more == full
    assert one <= 15, "\n".join(q["sql"][:200] for q in QUERIES[-1])
