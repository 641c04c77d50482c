"""The results page costs a fixed number of SQL queries whatever the number of hits: one more
once the hits fill more than a page (the count, which a page that is not full does without)."""

import pytest

from news.models import NewsIndexPage
from tests.helpers import add_full_article, count_queries

pytestmark = pytest.mark.django_db
QUERIES = []


def add_matching_article(index, capture):
    """A matching article, fully loaded (see ``add_full_article``)."""
    return add_full_article(
        index,
        capture,
        rewrite=lambda text: text.replace("im", "in the"),
        teaser="Zauberwort im Anreißer.",
        title="Zauberwort",
    )


@pytest.mark.parametrize("url", ["/de/suche/?q=Zauberwort", "/en/search/?q=Zauberwort"])
def test_results_query_count_does_not_grow_with_hits(
    client, django_capture_on_commit_callbacks, url
):
    index = NewsIndexPage.objects.get(slug="aktuelles")
    add_matching_article(index, django_capture_on_commit_callbacks)
    one, response = count_queries(client, url, keep=QUERIES)
    assert len(response.context["results"]) == 1
    for _ in range(11):
        add_matching_article(index, django_capture_on_commit_callbacks)
    full, response = count_queries(client, url, keep=QUERIES)
    assert len(response.context["results"]) == 10
    assert full == one + 1
    for _ in range(5):
        add_matching_article(index, django_capture_on_commit_callbacks)
    more, response = count_queries(client, url, keep=QUERIES)
    assert len(response.context["results"]) == 10 and response.context["total"] == 17
    assert more == full
    assert one <= 15, "\n".join(q["sql"][:200] for q in QUERIES[-1])
