"""The event page stays in the page cache and sets no cookie; the registration form and the
pages behind the mail links are never stored (by the page cache, nginx or a browser)."""

import pytest
from django.utils.cache import get_max_age

from tests.news.registration_helpers import form_url, make_event

pytestmark = pytest.mark.django_db


def stored_pages(cache) -> int:
    return sum(":page:" in key for key in cache._cache)


def test_event_page_with_on_site_registration_is_cached_without_a_cookie(client, page_cache):
    event = make_event(capacity=20)
    first = client.get(event.url)
    assert first["X-Cache"] == "MISS" and first.cookies == {}
    second = client.get(event.url)
    assert second["X-Cache"] == "HIT"
    assert form_url(event).encode() in second.content


@pytest.mark.parametrize("language", ["de", "en"])
def test_registration_form_is_never_stored(client, page_cache, language):
    event = make_event()
    for _visit in range(2):
        response = client.get(form_url(event, language))
        assert response["X-Cache"] == "BYPASS"
    assert stored_pages(page_cache) == 0
    assert "no-store" in response["Cache-Control"] and get_max_age(response) == 0
    assert "csrftoken" in response.cookies
