"""Full-page cache: what is served from it, what never is, and the headers either way."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from portal.caching import pages as page_cache

pytestmark = pytest.mark.django_db

SAME_FOR_EVERYONE = [
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.get("X-Cache")


def test_second_anonymous_view_is_a_hit_with_the_same_body_and_headers(client, page_cache):
    miss, state = get(client, "/de/impressum/")
    assert (miss.status_code, state) == (200, "MISS")
    hit, state = get(client, "/de/impressum/")
    assert (hit.status_code, state) == (200, "HIT")
    assert hit.content == miss.content
    for header in SAME_FOR_EVERYONE:
        assert hit[header] == miss[header], header
    assert hit["Content-Language"] == "de"
    assert hit["Content-Type"] == "text/html; charset=utf-8"
    assert int(hit["Content-Length"]) == len(hit.content)


def test_cached_policy_is_identical_for_every_visitor_and_has_no_nonce(client, page_cache):
    first, _ = get(client, "/en/", HTTP_USER_AGENT="a")
    second, state = get(client, "/en/", accept_language="de", user_agent="b")
    assert state == "HIT"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce" not in second["Content-Security-Policy"]
    assert "nonce" not in second.content.decode()


def test_each_language_has_its_own_entry(client, page_cache):
    german, state_de = get(client, "/de/")
    english, state_en = get(client, "/en/")
    assert (state_de, state_en) == ("MISS", "MISS")
    assert german["Content-Language"] == "de" and english["Content-Language"] == "en"
    assert get(client, "/en/")[0].content == english.content


def test_head_and_get_share_an_entry(client, page_cache):
    head = client.head("/de/aktuelles/")
    assert (head.status_code, head["X-Cache"]) == (200, "MISS")
    assert head.content == b""
    hit = client.get("/de/aktuelles/")
    assert hit["X-Cache"] == "HIT"
    assert b"<h1" in hit.content
    assert client.head("/de/aktuelles/")["X-Cache"] == "HIT"


def test_hit_is_gzipped_for_clients_that_accept_it(client, page_cache):
    plain, _ = get(client, "/de/")
    hit, state = get(client, "/de/", accept_encoding="gzip, deflate, br")
    assert state == "HIT"
    assert hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"]
    assert gzip.decompress(hit.content) == plain.content
    assert int(hit["Content-Length"]) == len(hit.content) < len(plain.content) / 2
    identity, _ = get(client, "/de/", accept_encoding="identity")
    assert not identity.has_header("Content-Encoding")
    assert identity.content == plain.content and "Accept-Encoding" in identity["Vary"]


def test_uncached_public_pages_are_gzipped_too(client, page_cache):
    miss, state = get(client, "/de/", accept_encoding="gzip")
    assert state == "MISS"
    assert miss["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(miss.content)


def test_admin_is_never_compressed(admin_client):
    response = admin_client.get("/admin/", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_query_parameters_no_page_reads_share_the_entry(client, page_cache):
    get(client, "/de/aktuelles/")
    shared, state = get(client, "/de/aktuelles/?fbclid=abc123&utm_source=mastodon")
    assert state == "HIT"
    paged, state = get(client, "/de/aktuelles/?page=1")
    assert state == "MISS"
    assert get(client, "/de/aktuelles/?page=1")[1] == "HIT"
    assert paged.content == shared.content


def stored_pages(cache) -> int:
    """Entries in the local-memory cache of the test settings (its private dict)."""
    return sum(":page:" in key for key in cache._cache)


def test_search_results_are_never_cached(client, page_cache):
    assert get(client, "/de/suche/?q=Energie")[1] == "BYPASS"
    assert get(client, "/de/suche/?q=Energie")[1] == "BYPASS"
    assert stored_pages(page_cache) == 0
    assert get(client, "/de/suche/")[1] == "MISS"
    assert stored_pages(page_cache) == 1


def test_every_query_parameter_public_code_reads_is_keyed_or_uncached():
    """A parameter a page reads but the key leaves out would serve one answer for all values."""
    read = set()
    pattern = re.compile(r"request\.GET\.(?:get|getlist)\(\s*\"(\w+)\"")
    for app in ("home", "news", "campaign", "feedback"):
        for source in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            if "translation" in source.parts:  # admin views, never below a language prefix
                continue
            read |= set(pattern.findall(source.read_text()))
    assert read, "the scan found no parameters at all"
    assert read <= set(page_cache.KEY_PARAMS) | set(page_cache.UNCACHED_PARAMS)


def test_logged_in_editors_are_never_served_or_stored(client, page_cache, django_user_model):
    editor = django_user_model.objects.create_superuser("cache-editor", "e@example.org", "x")
    client.force_login(editor)
    first, state = get(client, "/de/")
    assert state == "BYPASS" and "wagtail-userbar" in first.content.decode()
    assert get(client, "/de/")[1] == "BYPASS"
    client.logout()
    client.cookies.clear()
    anonymous, state = get(client, "/de/")
    assert state == "MISS"
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_a_warm_cache_is_not_served_to_logged_in_editors(client, page_cache, django_user_model):
    get(client, "/de/")
    editor = django_user_model.objects.create_superuser("cache-editor2", "f@example.org", "x")
    client.force_login(editor)
    response, state = get(client, "/de/")
    assert state == "BYPASS"
    assert "wagtail-userbar" in response.content.decode()


def test_any_session_cookie_bypasses_the_cache(client, page_cache):
    get(client, "/de/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-even-valid"
    assert get(client, "/de/")[1] == "BYPASS"


def test_csrf_cookie_alone_still_gets_cached_pages(client, page_cache):
    get(client, "/de/")
    client.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32
    assert get(client, "/de/")[1] == "HIT"


def test_preview_never_reaches_the_cache(admin_client, client, page_cache, home_de):
    response = admin_client.get(f"/admin/pages/{home_de.pk}/view_draft/")
    assert response.status_code == 200
    assert get(client, "/de/")[1] == "MISS"


@pytest.mark.parametrize("url", ["/admin/", "/healthz", "/sitemap.xml", "/robots.txt"])
def test_paths_outside_the_languages_are_left_alone(admin_client, page_cache, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert not response.has_header("X-Cache")
    assert stored_pages(page_cache) == 0


def test_a_cache_outage_serves_pages_uncached(client, page_cache, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(page_cache, "get", unreachable)
    monkeypatch.setattr(page_cache, "set", unreachable)
    response, state = get(client, "/de/")
    assert (response.status_code, state) == (200, "BYPASS")


def test_language_redirect_is_never_cached(client, page_cache):
    for language in ("de", "en", "de"):
        response = client.get("/", headers={"accept-language": language})
        assert response.status_code == 302 and response["Location"] == f"/{language}/"
        assert not response.has_header("X-Cache")
        assert "no-cache" in response["Cache-Control"]


def test_not_found_is_not_cached(client, page_cache):
    for _ in range(2):
        response, state = get(client, "/de/gibt-es-nicht/")
        assert (response.status_code, state) == (404, "BYPASS")


def test_bad_query_strings_are_404_and_not_cached(client, page_cache):
    for _ in range(2):
        response, state = get(client, "/de/aktuelles/?page=abc")
        assert (response.status_code, state) == (404, "BYPASS")


@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_pages_with_view_restrictions_are_never_cached(client, page_cache, kind):
    page = Page.objects.get(slug="impressum")
    PageViewRestriction.objects.create(page=page, restriction_type=kind, password="geheim")
    for _ in range(2):
        response, state = get(client, "/de/impressum/")
        assert state == "BYPASS"
        assert response.status_code == (200 if kind == PageViewRestriction.PASSWORD else 302)
    # the password form carries a CSRF token and sets its cookie: never cached, never zipped
    if kind == PageViewRestriction.PASSWORD:
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_post_is_never_cached(client, page_cache):
    get(client, "/de/")
    response = client.post("/de/", {})
    assert response["X-Cache"] == "BYPASS"


def test_cache_off_when_seconds_is_zero(client, page_cache, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    assert get(client, "/de/")[1] == "BYPASS"
    assert get(client, "/de/")[1] == "BYPASS"


# --- The rules for answers, one by one ------------------------------------------------------


def answer(**headers):
    response = HttpResponse("<html>" + "x" * 300, content_type="text/html; charset=utf-8")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def test_answers_that_must_not_be_stored():
    request = RequestFactory().get("/de/")
    assert page_cache.storable(request, answer())
    assert page_cache.storable(request, answer(Vary="Cookie, Accept-Encoding"))
    with_cookie = answer()
    with_cookie.set_cookie("tracking", "1")
    assert not page_cache.storable(request, with_cookie)
    assert not page_cache.storable(request, answer(Cache_Control="private"))
    assert not page_cache.storable(request, answer(Cache_Control="max-age=0, no-cache"))
    assert not page_cache.storable(request, answer(Cache_Control="no-store"))
    assert not page_cache.storable(request, answer(Vary="User-Agent"))
    assert not page_cache.storable(request, answer(Vary="*"))
    assert not page_cache.storable(request, HttpResponse(status=301))
    assert not page_cache.storable(request, HttpResponse(status=500))
    token_request = RequestFactory().get("/de/")
    token_request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not page_cache.storable(token_request, answer())


@pytest.mark.parametrize(
    ("path", "cookies", "cached"),
    [
        ("/de/", {}, True),
        ("/en/events/?page=2", {}, True),
        ("/", {}, False),
        ("/admin/", {}, False),
        ("/media/films/x.mp4", {}, False),
        ("/documents/1/a.pdf", {}, False),
        ("/sitemap.xml", {}, False),
        ("/de/", {"sessionid": "x"}, False),
        ("/de/", {"messages": "x"}, False),
        ("/de/", {"csrftoken": "x"}, True),
    ],
)
def test_which_requests_have_a_key(path, cookies, cached):
    factory = RequestFactory()
    for name, value in cookies.items():
        factory.cookies[name] = value
    assert (page_cache.request_key(factory.get(path)) is not None) is cached


def test_key_ignores_parameter_order_and_unknown_parameters():
    factory = RequestFactory()
    key = page_cache.request_key(factory.get("/de/aktuelles/?topic=a&page=2&utm_medium=x"))
    assert key == page_cache.request_key(factory.get("/de/aktuelles/?page=2&topic=a"))
    assert key != page_cache.request_key(factory.get("/de/aktuelles/?page=3&topic=a"))
    assert key != page_cache.request_key(factory.get("/de/aktuelles/?page=2&topic=a", secure=True))


def test_dummy_requests_have_no_key():
    request = RequestFactory().get("/de/")
    request.is_dummy = True
    assert page_cache.request_key(request) is None
