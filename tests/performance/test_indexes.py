"""The indexes the listings and the router need at 20,000 articles (issue 31), checked on
both databases the suite runs on: in the schema, and chosen by the planner."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def indexed_columns(table: str) -> set[tuple[str, ...]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {tuple(c["columns"]) for c in constraints.values() if c["index"]}


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("wagtailcore_page", ("url_path",)),
        ("news_newspage", ("date", "page_ptr_id")),
        ("news_eventpage", ("start", "page_ptr_id")),
    ],
)
def test_the_index_exists(table, columns):
    assert columns in indexed_columns(table)


def test_a_route_by_url_path_uses_the_index():
    """The router's query (``home.chrome.routing``) finds pages by ``url_path`` without
    reading every page of the site."""
    query = Page.objects.filter(url_path__in=["/startseite/aktuelles/", "/startseite/x/"])
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")  # a tiny test table: ask for the plan
            cursor.execute("EXPLAIN " + sql, params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            cursor.execute("SET enable_seqscan = on")
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "portal_page_url_path" in plan, plan
