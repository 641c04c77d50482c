"""No 5xx from bad input: hostile paths, query strings, headers and form posts at every
public route in both languages. Routes that do not exist yet answer 404, which is fine:
they are listed so that news, events, campaign and search are covered once they land.

The test client re-raises any exception a view lets escape, so a crash fails the test with
its traceback rather than as a bare 500.
"""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ROUTES = [
    "/",
    "/de/",
    "/en/",
    "/de/impressum/",
    "/de/datenschutz/",
    "/de/barrierefreiheit/",
    "/en/legal-notice/",
    "/en/privacy/",
    "/en/accessibility/",
    "/healthz",
    "/robots.txt",
    "/sitemap.xml",
    "/de/aktuelles/",
    "/en/news/",
    "/de/veranstaltungen/",
    "/en/events/",
    "/de/krasse-gegend/",
    "/en/krasse-gegend/",
    "/de/suche/",
    "/en/search/",
    "/de/api/events/",
    "/en/api/events/",
    "/de/embed/events/",
    "/en/embed/events/",
    "/documents/1/x.pdf",
]
PARAMETERS = ["page", "topic", "q", "ordering", "kind", "year", "month", "tag", "format", "lang"]
PARAMETERS += ["from", "to", "district", "place", "attendance", "status"]  # event filters
PARAMETERS += ["limit"]  # the embeddable calendar
NASTY = [
    "",
    "0",
    "-1",
    "999999999999999999999999",
    "1e309",
    "NaN",
    "%",
    "%00",
    "%ZZ",
    "\x00",
    "../../etc/passwd",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "\u202e",
    "ä" * 300,
    "x" * 5000,
    "energie-und-waerme",
    "energy-and-heat",
    "-title",
    "__class__",
    "title__icontains",
]
# Any character a client can send, except lone surrogates (not encodable at all).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
VALUES = st.one_of(st.sampled_from(NASTY), TEXT)
QUERY = st.lists(st.tuples(st.sampled_from(PARAMETERS) | TEXT, VALUES), max_size=5)
HEADER_NAMES = [
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT",
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
    "HTTP_COOKIE",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
]


def as_wsgi(text: str) -> str:
    """What a WSGI server hands Django for these bytes on the wire: UTF-8 bytes decoded as
    ISO-8859-1 (PEP 3333). A real request cannot carry anything else in a header."""
    return text.encode("utf-8").decode("iso-8859-1")


HEADER_VALUES = st.one_of(
    st.sampled_from(NASTY + ["de-DE,de;q=0.9,en;q=0.8", "*;q=abc", "en;q=1e400", "bytes=9-1"]),
    TEXT,
).map(as_wsgi)
HEADERS = st.dictionaries(st.sampled_from(HEADER_NAMES), HEADER_VALUES, max_size=4)
# Host is special: a host outside ALLOWED_HOSTS is answered 400 by Django before any view.
HOSTS = st.sampled_from(["testserver", "127.0.0.1", "localhost", "testserver:80"])
SUFFIX = st.one_of(
    st.just(""),
    st.sampled_from(["..", "%2e%2e/", "//", "%00", "index.php", "?", "#", ";x=1", "%ff"]),
    TEXT.map(lambda text: text.replace("?", "").replace("#", "")),
)


def assert_not_server_error(response, request_description):
    assert response.status_code < 500, request_description


def build_query(pairs):
    from urllib.parse import urlencode

    return urlencode(pairs)


@pytest.mark.parametrize("route", ROUTES)
@given(suffix=SUFFIX, query=QUERY, headers=HEADERS, host=HOSTS, raw=st.sampled_from(NASTY))
def test_hostile_get_requests_never_cause_a_server_error(route, suffix, query, headers, host, raw):
    client = Client(raise_request_exception=True)
    path = route + suffix
    query_string = as_wsgi(build_query(query) + ("&" + raw if raw else ""))
    response = client.get(path, QUERY_STRING=query_string, HTTP_HOST=host, **headers)
    assert_not_server_error(response, (path, query_string, headers))


def fewer(share):
    """A share of the profile's examples, for the tests that repeat what the first covers."""
    return settings(max_examples=max(10, int(settings.default.max_examples * share)))


@pytest.mark.parametrize("route", ROUTES)
@fewer(0.4)
@given(form=QUERY, headers=HEADERS, method=st.sampled_from(["post", "put", "delete", "options"]))
def test_hostile_form_posts_never_cause_a_server_error(route, form, headers, method):
    client = Client(raise_request_exception=True, enforce_csrf_checks=True)
    data = {}
    for key, value in form:
        data.setdefault(key, []).append(value)
    if method == "post":
        response = client.post(route, data, **headers)
    else:
        response = getattr(client, method)(route, build_query(form), **headers)
    assert_not_server_error(response, (method, route, form, headers))


@given(path=TEXT, query=st.text(max_size=200))
def test_arbitrary_paths_never_cause_a_server_error(path, query):
    client = Client(raise_request_exception=True)
    for prefix in ("/de/", "/en/", "/"):
        response = client.get(prefix + path, QUERY_STRING=as_wsgi(query))
        assert_not_server_error(response, (prefix + path, query))
