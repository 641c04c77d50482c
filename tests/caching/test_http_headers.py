"""HTTP caching headers: public pages are cacheable and revalidate with a 304; what is
personal is private; files vary on nothing they do not depend on (issue 23)."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re

from portal.caching.headers import HttpCachingMiddleware

pytestmark = pytest.mark.django_db

PAGES = ["/de/", "/en/", "/de/aktuelles/", "/en/events/"]


def directives(response) -> dict:
    parts = [p.strip() for p in cc_delim_re.split(response.get("Cache-Control", "")) if p]
    return dict((p.split("=") + [True])[:2] for p in parts)


@pytest.mark.parametrize("url", PAGES)
def test_public_page_is_cacheable_for_a_short_time_and_stale_on_error(client, settings, url):
    response = client.get(url)
    assert response.status_code == 200
    cache_control = directives(response)
    assert cache_control["public"] is True
    assert cache_control["max-age"] == str(settings.PORTAL_HTTP_MAX_AGE)
    assert cache_control["s-maxage"] == str(settings.PORTAL_FRONT_CACHE_SECONDS)
    assert int(cache_control["stale-while-revalidate"]) > 0
    assert int(cache_control["stale-if-error"]) >= 3600
    assert response["X-Accel-Expires"] == str(settings.PORTAL_FRONT_CACHE_SECONDS)
    assert "Accept-Language" not in response.get("Vary", "")  # the URL says the language


@pytest.mark.parametrize("url", PAGES)
def test_a_repeat_visit_revalidates_with_304(client, url):
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_a_cache_hit_carries_the_same_headers_and_validator(client, page_cache):
    miss = client.get("/de/")
    hit = client.get("/de/")
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert hit["Cache-Control"] == miss["Cache-Control"]
    assert hit["ETag"] == miss["ETag"]
    assert client.get("/de/", headers={"If-None-Match": hit["ETag"]}).status_code == 304


def test_logged_in_editor_gets_private_pages_the_front_server_does_not_keep(admin_client):
    response = admin_client.get("/de/")
    assert response.status_code == 200
    cache_control = directives(response)
    assert cache_control.get("private") is True and "public" not in cache_control
    assert response["X-Accel-Expires"] == "0"


@pytest.mark.parametrize("url", ["/de/suche/?q=Lausitz", "/en/search/?q=Lusatia"])
def test_search_results_are_private(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert directives(response).get("private") is True
    assert response["X-Accel-Expires"] == "0"


def test_a_page_that_renders_a_csrf_token_is_never_stored(rf):
    """A form's page carries a token for one visitor: nobody may keep it."""

    def page_with_form(request):
        return HttpResponse(f"<form>{get_token(request)}</form>")

    response = HttpCachingMiddleware(page_with_form)(rf.get("/de/kontakt/"))
    assert directives(response).get("no-store") is True
    assert directives(response).get("private") is True
    assert response["X-Accel-Expires"] == "0"


def test_a_visitor_with_a_session_cookie_gets_a_private_page(client):
    page = client.get("/de/", headers={"Cookie": "sessionid=x"})
    assert directives(page).get("private") is True


def test_not_found_is_private(client):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert directives(response).get("private") is True
    assert response["X-Accel-Expires"] == "0"


def test_film_file_varies_on_nothing_but_what_it_is(client):
    from home.films.models import FilmSource

    source = FilmSource.objects.exclude(file="").first()
    url = source.file.url
    response = client.get(url, headers={"Range": "bytes=0-99", "Accept-Language": "en"})
    assert response.status_code == 206
    assert "Accept-Language" not in response.get("Vary", "")
    assert not response.has_header("Content-Language")
    head = client.head(url)
    assert "Accept-Language" not in head.get("Vary", "")
