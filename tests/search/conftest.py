import pytest
from django.db import connection


def hits(response):
    """The pages shown as results, in order (plain pages: what a result shows of its
    page's specific fields is in the result itself)."""
    assert response.status_code == 200, response.status_code
    return [result.page for result in response.context["results"]]


def slugs(response):
    return [page.slug for page in hits(response)]


@pytest.fixture
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("stemming per language needs PostgreSQL full-text search (SQLite has none)")


@pytest.fixture
def press_release_de(db):
    from wagtail.models import Page

    from news.demo_articles import PRESS_RELEASE_SLUG

    return Page.objects.get(slug=PRESS_RELEASE_SLUG).specific
