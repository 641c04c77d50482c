"""The page explorer (``home.editorial.explorer``): the rows Wagtail's own view shows, with
their types, languages and buttons, in at most 30 queries for a screen of 50 (issue 31),
and a search that still names each result's parent."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.viewsets.pages import base_page_viewset, page_viewset_registry
from wagtail.models import Page

from home.editorial.explorer import LeanExplorableIndexView
from news.models import NewsIndexPage
from tests.factories.news import NewsPageFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("explorer-admin", "e@example.org", "pw")
    client.force_login(user)
    return client


def rows(response):
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    return [" ".join(row.get_text(" ", strip=True).split()) for row in table.select("tbody tr")]


def wagtails_rows(admin_client, url):
    """The same screen through Wagtail's own explorer view."""
    view = base_page_viewset.index_view
    request = admin_client.get(url).wsgi_request
    response = view(request, parent_page_id=int(url.rstrip("/").split("/")[-1]))
    response.render()
    return rows(response)


def test_every_explorer_screen_uses_the_lean_view():
    view = page_viewset_registry.get_by_parent_model(Page).index_view
    assert view.view_class is LeanExplorableIndexView


@pytest.mark.parametrize("slug", ["aktuelles", "veranstaltungen", "news", "startseite"])
def test_the_rows_are_wagtails(admin_client, slug):
    parent = Page.objects.filter(slug=slug).first()
    url = reverse("wagtailadmin_explore", args=[parent.pk])
    ours = rows(admin_client.get(url))
    assert ours and ours == wagtails_rows(admin_client, url)


def test_a_screen_of_50_costs_at_most_30_queries(admin_client):
    index = NewsIndexPage.objects.get(slug="aktuelles")
    url = reverse("wagtailadmin_explore", args=[index.pk])
    few, _response = count_queries(admin_client, url)
    for _ in range(55):
        NewsPageFactory(parent=index, hero_image=None)
    many, response = count_queries(admin_client, url)
    assert len(rows(response)) == 50
    assert many == few <= 30


def test_a_search_in_the_explorer_names_the_parent(admin_client):
    home = Page.objects.get(slug="startseite", locale__language_code="de")
    url = reverse("wagtailadmin_explore", args=[home.pk]) + "?q=Strukturwandel"
    found = " ".join(rows(admin_client.get(url)))
    assert "Aktuelles" in found  # an article's parent, shown beside its title
