"""Error pages: in the visitor's language, styled like the site, with one h1, a main
landmark and a way back; the 500 page renders when the database is gone."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory
from django.utils import translation

from portal.views import server_error

ERRORS = {
    "de": ("Seite nicht gefunden", "Da ist etwas schiefgegangen", "Zur Startseite"),
    "en": ("Page not found", "Something went wrong", "Back to the home page"),
}


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def assert_accessible_error_page(soup, language, heading, back_text):
    assert soup.html["lang"] == language
    assert [h.get_text(strip=True) for h in soup.find_all("h1")] == [heading]
    assert soup.find("main", id="main") is not None
    assert soup.find("link", rel="stylesheet")["href"].startswith("/static/css/site.")
    home_links = [a.get_text(strip=True) for a in soup.find_all("a", href=f"/{language}/")]
    assert back_text in home_links


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_404_speaks_the_visitors_language_and_leads_home(client, language):
    response = client.get(f"/{language}/gibt-es-wirklich-nicht/")
    assert response.status_code == 404
    heading, _, back_text = ERRORS[language]
    assert_accessible_error_page(parse(response), language, heading, back_text)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_500_renders_without_any_database_query(django_assert_num_queries, language):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    _, heading, back_text = ERRORS[language]
    assert_accessible_error_page(parse(response), language, heading, back_text)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_500_in_the_visitors_language_when_the_database_fails_mid_request(language):
    """The database is down: routing the page fails, and so would any query of the error
    page. The visitor still gets the styled error page in the URL's language."""
    client = Client(raise_request_exception=False)

    def broken(*args, **kwargs):
        raise OperationalError("database unavailable (test)")

    with (
        mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=broken),
        mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=broken),
    ):
        response = client.get(f"/{language}/")
    assert response.status_code == 500
    _, heading, back_text = ERRORS[language]
    assert_accessible_error_page(parse(response), language, heading, back_text)
