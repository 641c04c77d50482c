"""The production stack of ``make prod`` (nginx + gunicorn + production settings), from the
outside, as a visitor's browser or a CDN meets it (issue 23).

Runs against ``PORTAL_PROD_URL`` (CI: ``make prod``, then this with the URL set); skips
without it, unless ``PORTAL_REQUIRE_PROD`` is set, where that is a failure. The page tree
is that of the demo content, which the stack serves too.
"""

import http.client
import os
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from portal.storage import local_store

pytestmark = [pytest.mark.prod, pytest.mark.nodb]
BASE = os.environ.get("PORTAL_PROD_URL", "").rstrip("/")


@pytest.fixture(scope="module", autouse=True)
def stack():
    if not BASE:
        reason = "PORTAL_PROD_URL is not set (start the stack with `make prod`)"
        if os.environ.get("PORTAL_REQUIRE_PROD"):
            pytest.fail(reason + " (PORTAL_REQUIRE_PROD is set)")
        pytest.skip(reason)


def fetch(path, method="GET", headers=None):
    """(status, headers as a dict of lists, body) without following redirects."""
    parts = urlsplit(BASE)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    found = {}
    for name, value in response.getheaders():
        found.setdefault(name.lower(), []).append(value)
    connection.close()
    return response.status, found, body


def header(headers, name) -> str:
    return ", ".join(headers.get(name.lower(), []))


@pytest.mark.parametrize("path", ["/de/", "/en/"])
def test_home_pages_come_with_their_images_served_by_nginx(path):
    status, headers, body = fetch(path)
    assert status == 200
    images = sorted(set(re.findall(rb'(?:src|srcset)="(/media/images/[^" ]+)', body)))
    assert images, "the demo home page shows images"
    for image in images[:5]:
        image_status, image_headers, image_body = fetch(image.decode())
        assert image_status == 200 and image_body
        assert header(image_headers, "Server") == "nginx"
        assert header(image_headers, "Content-Type").startswith("image/")


def film_path():
    _status, _headers, body = fetch("/de/krasse-gegend/")
    films = re.findall(rb'"(/media/films/[^"]+\.mp4)"', body)
    if not films:  # the film page itself names the file
        page = re.search(rb'href="(/de/krasse-gegend/[^"]+/)"', body).group(1).decode()
        films = re.findall(rb'"(/media/films/[^"]+\.mp4)"', fetch(page)[2])
    return films[0].decode()


def test_a_film_head_varies_on_nothing_and_offers_ranges():
    status, headers, _body = fetch(film_path(), method="HEAD", headers={"Accept-Language": "en"})
    assert status == 200
    assert "accept-language" not in header(headers, "Vary").lower()
    assert "content-language" not in headers
    assert header(headers, "Accept-Ranges") == "bytes"
    assert header(headers, "ETag")
    assert header(headers, "Server") == "nginx"


def test_range_requests_are_answered_as_the_rfc_says():
    film = film_path()
    size = int(header(fetch(film, method="HEAD")[1], "Content-Length"))
    status, headers, body = fetch(film, headers={"Range": "bytes=0-99"})
    assert (status, len(body), header(headers, "Content-Range")) == (206, 100, f"bytes 0-99/{size}")
    status, headers, body = fetch(film, headers={"Range": "bytes=-10"})
    assert (status, len(body)) == (206, 10)
    status, headers, _body = fetch(film, headers={"Range": f"bytes={size}-"})
    assert status == 416
    assert header(headers, "Content-Range") == f"bytes */{size}"
    status, headers, _body = fetch(film, headers={"Range": "bytes=0-9,20-29"})
    assert status == 206
    assert header(headers, "Content-Type").startswith("multipart/byteranges")


@pytest.mark.parametrize("malformed", ["bytes=abc", "bytes=5-2", "bytes=0-9,abc"])
def test_a_malformed_range_is_refused_with_the_films_size(malformed):
    """RFC 9110 14.2: invalid ranges may be ignored or answered with 416; nginx says 416
    and names the size, so a player can ask again correctly."""
    film = film_path()
    size = int(header(fetch(film, method="HEAD")[1], "Content-Length"))
    status, headers, _body = fetch(film, headers={"Range": malformed})
    assert status == 416
    assert header(headers, "Content-Range") == f"bytes */{size}"


def test_a_range_in_an_unknown_unit_is_ignored():
    film = film_path()
    size = int(header(fetch(film, method="HEAD")[1], "Content-Length"))
    status, headers, _body = fetch(film, method="HEAD", headers={"Range": "items=0-9"})
    assert (status, int(header(headers, "Content-Length"))) == (200, size)


def test_public_pages_are_micro_cached_and_revalidate():
    fetch("/de/aktuelles/")
    status, headers, _body = fetch("/de/aktuelles/")
    assert status == 200
    assert header(headers, "X-Front-Cache") in {"HIT", "STALE", "UPDATING"}
    assert "public" in header(headers, "Cache-Control")
    etag = header(headers, "ETag")
    assert fetch("/de/aktuelles/", headers={"If-None-Match": etag})[0] == 304


@pytest.fixture
def gunicorn_socket():
    """The app server's socket (``PORTAL_PROD_SOCKET``), to take it away for a moment."""
    socket_path = os.environ.get("PORTAL_PROD_SOCKET")
    if not socket_path:
        pytest.skip("PORTAL_PROD_SOCKET is not set")
    return Path(socket_path)


def test_a_dead_app_server_yields_the_stale_page_not_an_error(gunicorn_socket):
    assert fetch("/de/impressum/")[0] == 200  # now in nginx's cache
    away = gunicorn_socket.with_name(gunicorn_socket.name + ".away")
    gunicorn_socket.rename(away)  # gunicorn unreachable, as when it is dead
    try:
        time.sleep(6)  # longer than the page's X-Accel-Expires (5 s): the copy is stale
        status, headers, body = fetch("/de/impressum/")
        # A page nobody asked for before has no copy to fall back on.
        uncached_status = fetch("/de/?never-cached=1")[0]
    finally:
        away.rename(gunicorn_socket)
    assert status == 200
    assert header(headers, "X-Front-Cache") == "STALE"
    assert b"<h1" in body
    assert uncached_status == 502


def test_editors_never_get_the_shared_copy():
    status, headers, _body = fetch("/de/", headers={"Cookie": "sessionid=someone"})
    assert status == 200
    assert header(headers, "X-Front-Cache") == "BYPASS"
    assert "private" in header(headers, "Cache-Control")


def test_documents_only_through_wagtails_privacy_check():
    assert fetch("/media/documents/anything.pdf")[0] == 404
    assert fetch("/protected-documents/anything.pdf")[0] == 404


def test_static_files_with_hashed_names_are_immutable():
    _status, _headers, body = fetch("/de/")
    css = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body).group(1).decode()
    status, headers, _body = fetch(css)
    assert status == 200
    assert "immutable" in header(headers, "Cache-Control")


@pytest.fixture
def large_media_file():
    """A 64 MB file in the stack's media folder (``PORTAL_PROD_MEDIA_ROOT``) or bucket
    (``PORTAL_S3_BUCKET`` of ``make prod OBJECT_STORE=moto``): larger than the socket
    buffers, so a download stays open while its client does not read."""
    if os.environ.get("PORTAL_S3_BUCKET"):
        yield from _large_object()
        return
    root = os.environ.get("PORTAL_PROD_MEDIA_ROOT")
    if not root:
        pytest.skip("PORTAL_PROD_MEDIA_ROOT is not set")
    path = Path(root) / "films" / "connection-limit-test.bin"
    with path.open("wb") as file:
        file.truncate(64 * 1024 * 1024)
    yield f"/media/films/{path.name}"
    path.unlink()


def _large_object():
    key, bucket = "films/connection-limit-test.bin", os.environ["PORTAL_S3_BUCKET"]
    s3 = local_store.client(os.environ["PORTAL_S3_ENDPOINT_URL"])
    s3.put_object(Bucket=bucket, Key=key, Body=bytes(64 * 1024 * 1024), ACL="public-read")
    yield f"/media/{key}"
    s3.delete_object(Bucket=bucket, Key=key)


def test_a_client_holding_many_media_connections_is_limited(large_media_file):
    """A greedy client gets 429s from nginx beyond its share; the site keeps answering."""
    parts = urlsplit(BASE)
    held = []
    try:
        for _ in range(40):
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            connection.request("GET", large_media_file)
            held.append((connection, connection.getresponse()))
        statuses = [response.status for _connection, response in held]
        assert 429 in statuses and 200 in statuses
    finally:
        for connection, _response in held:
            connection.close()
    started = time.monotonic()
    assert fetch("/healthz")[0] == 200
    assert time.monotonic() - started < 1
