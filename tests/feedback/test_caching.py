"""The form page and its POST are never stored by the full-page cache, nginx or a browser;
other pages keep being cached, with the footer link that carries their own path."""

import pytest
from django.utils.cache import get_max_age

from tests.feedback.conftest import form_url, post_report, received_url

pytestmark = pytest.mark.django_db


def stored_pages(cache) -> int:
    return sum(":page:" in key for key in cache._cache)


@pytest.mark.parametrize("language", ["de", "en"])
def test_form_page_is_never_stored_and_says_so(client, page_cache, language):
    for _visit in range(2):
        response = client.get(form_url(language) + "?page=/de/")
        assert response["X-Cache"] == "BYPASS"
    assert stored_pages(page_cache) == 0
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert get_max_age(response) == 0
    assert response["X-Accel-Expires"] == "0"


def test_post_is_never_stored(visitor, page_cache):
    response = post_report(visitor)
    assert response.status_code == 302 and response["X-Cache"] == "BYPASS"
    assert stored_pages(page_cache) == 0


def test_a_visitor_with_the_csrf_cookie_still_gets_cached_pages(visitor, page_cache):
    """After opening the form, the CSRF cookie alone does not turn the cache off for the
    rest of the visit (the page cache ignores that one cookie)."""
    visitor.get(form_url("de"))
    assert "csrftoken" in visitor.cookies
    assert visitor.get("/de/impressum/")["X-Cache"] == "MISS"
    assert visitor.get("/de/impressum/")["X-Cache"] == "HIT"


def test_confirmation_sets_no_cookie_and_may_be_cached(client, page_cache):
    response = client.get(received_url("de"))
    assert response.cookies == {}
    assert client.get(received_url("de"))["X-Cache"] == "HIT"


def test_cached_pages_keep_their_own_footer_link(client, page_cache):
    client.get("/de/impressum/")
    hit = client.get("/de/impressum/")
    assert hit["X-Cache"] == "HIT"
    assert "/de/barriere-melden/?page=%2Fde%2Fimpressum%2F" in hit.content.decode()
