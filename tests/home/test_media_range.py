"""Films are served with HTTP Range (206), in development and production configuration.

Real HTTP requests against a WSGI server in a subprocess (``portal.settings.dev`` and
``portal.settings.production``), plus the view's edge cases through Django's test client.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.http import Http404

from portal.media import parse_range, serve_film_media, serve_media

ROOT = Path(__file__).resolve().parents[2]
SIZE = 10_000
CONTENT = bytes(i % 251 for i in range(SIZE))

pytestmark = pytest.mark.nodb

SERVER = """
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server
import django
from django.core.wsgi import get_wsgi_application
django.setup(set_prefix=False)
class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass
server = make_server("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), handler_class=Quiet)
server.serve_forever()
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module", params=["dev", "production"])
def media_server(request, tmp_path_factory):
    """A WSGI server with the given settings, serving a media folder with one film."""
    media = tmp_path_factory.mktemp(f"media-{request.param}")
    (media / "films" / "captions").mkdir(parents=True)
    (media / "films" / "test.mp4").write_bytes(CONTENT)
    (media / "films" / "captions" / "test.de.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (media / "images").mkdir()
    (media / "images" / "bild.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"portal.settings.{request.param}",
        "MEDIA_ROOT": str(media),
        "SECRET_KEY": "range-test-key",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{media / 'unused.sqlite3'}",
    }
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield request.param, port
    server.terminate()
    server.wait(timeout=10)


def fetch(port, path="/media/films/test.mp4", method="GET", **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_first_hundred_bytes(media_server):
    _env, port = media_server
    response, body = fetch(port, Range="bytes=0-99")
    assert response.status == 206
    assert response.getheader("Content-Range") == f"bytes 0-99/{SIZE}"
    assert response.getheader("Content-Length") == "100"
    assert response.getheader("Content-Type") == "video/mp4"
    assert response.getheader("Accept-Ranges") == "bytes"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert body == CONTENT[:100]


def test_open_ended_range(media_server):
    _env, port = media_server
    response, body = fetch(port, Range="bytes=100-")
    assert response.status == 206
    assert response.getheader("Content-Range") == f"bytes 100-{SIZE - 1}/{SIZE}"
    assert body == CONTENT[100:]


def test_suffix_range(media_server):
    _env, port = media_server
    response, body = fetch(port, Range="bytes=-100")
    assert response.status == 206
    assert response.getheader("Content-Range") == f"bytes {SIZE - 100}-{SIZE - 1}/{SIZE}"
    assert body == CONTENT[-100:]


def test_end_past_the_file_is_clamped(media_server):
    _env, port = media_server
    response, body = fetch(port, Range=f"bytes={SIZE - 10}-{SIZE * 2}")
    assert response.status == 206
    assert body == CONTENT[-10:]


def test_range_past_the_end_is_416(media_server):
    _env, port = media_server
    response, _body = fetch(port, Range=f"bytes={SIZE}-")
    assert response.status == 416
    assert response.getheader("Content-Range") == f"bytes */{SIZE}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "bytes=abc", "items=0-9", "bytes=9-1"])
def test_multiple_or_malformed_ranges_get_the_whole_file(media_server, header):
    _env, port = media_server
    response, body = fetch(port, Range=header)
    assert response.status == 200
    assert body == CONTENT


def test_head_sends_headers_only(media_server):
    _env, port = media_server
    response, body = fetch(port, method="HEAD")
    assert response.status == 200
    assert response.getheader("Content-Length") == str(SIZE)
    assert response.getheader("Accept-Ranges") == "bytes"
    assert body == b""
    response, body = fetch(port, method="HEAD", Range="bytes=0-9")
    assert response.status == 206 and response.getheader("Content-Length") == "10"


def test_conditional_get_is_304_before_any_range(media_server):
    _env, port = media_server
    first, _ = fetch(port)
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    assert etag and modified
    response, body = fetch(port, **{"If-None-Match": etag, "Range": "bytes=0-9"})
    assert response.status == 304 and body == b""
    response, _ = fetch(port, **{"If-Modified-Since": modified})
    assert response.status == 304


def test_if_range_with_a_stale_validator_sends_the_whole_file(media_server):
    _env, port = media_server
    response, body = fetch(port, **{"Range": "bytes=0-9", "If-Range": '"stale"'})
    assert response.status == 200 and body == CONTENT
    etag = fetch(port)[0].getheader("ETag")
    response, body = fetch(port, **{"Range": "bytes=0-9", "If-Range": etag})
    assert response.status == 206 and body == CONTENT[:10]


def test_caption_files_are_text_vtt(media_server):
    _env, port = media_server
    response, body = fetch(port, "/media/films/captions/test.de.vtt")
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/vtt")
    assert body == b"WEBVTT\n"


def test_images_are_served_with_range_in_development_only(media_server):
    env, port = media_server
    response, _ = fetch(port, "/media/images/bild.jpg", Range="bytes=0-2")
    if env == "dev":
        assert response.status == 206
        assert response.getheader("Content-Type") == "image/jpeg"
    else:
        assert response.status != 206  # production: the web server serves images


def test_post_is_refused(media_server):
    _env, port = media_server
    response, body = fetch(port, method="POST")
    assert response.status in (403, 405) and CONTENT not in body


# Edge cases through the view itself (no server needed).


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "films").mkdir()
    (tmp_path / "films" / "test.mp4").write_bytes(CONTENT)
    (tmp_path / "geheim.txt").write_text("secret")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "privat.pdf").write_bytes(b"%PDF")
    return tmp_path


@pytest.mark.parametrize("path", ["../geheim.txt", "/etc/passwd", "", "missing.mp4"])
def test_paths_outside_the_films_folder_or_missing_are_404(rf, media_root, path):
    with pytest.raises(Http404):
        serve_film_media(rf.get("/media/films/x"), path)


def test_documents_never_bypass_wagtails_privacy_checks(rf, media_root):
    with pytest.raises(Http404):
        serve_media(rf.get("/media/documents/privat.pdf"), "documents/privat.pdf")


def test_zero_length_suffix_is_unsatisfiable():
    assert parse_range("bytes=-0", SIZE) == "unsatisfiable"
    assert parse_range("bytes=-20000", SIZE) == (0, SIZE - 1)


def test_streamed_range_reads_in_chunks(rf, media_root):
    response = serve_film_media(rf.get("/", HTTP_RANGE="bytes=10-19"), "test.mp4")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == CONTENT[10:20]
