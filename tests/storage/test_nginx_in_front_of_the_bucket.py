"""nginx's object-store mode (deploy/nginx/media-s3.conf) with a real nginx in front of a
real S3-compatible store (moto's server): media under the site's own origin with Range
from nginx's cache, no bucket listing or other S3 operation through it, and a private
document fetched with the signed URL the app names (X-Accel-Redirect), its signature
never shown to the visitor.

The app is played by a small HTTP server that answers as Django's document view does
(tests/storage/test_bucket_media.py checks the Django side): this test is about nginx's
configuration."""

import getpass
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.object_store import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.django_db]

FILM = bytes(range(256)) * 12_000  # 3 MB


def nginx_or_skip():
    if shutil.which("nginx") is None or shutil.which("envsubst") is None:
        if os.environ.get("CI"):
            pytest.fail("nginx and envsubst are needed (.ci/run installs them)")
        pytest.skip("nginx or envsubst (Debian: nginx, gettext-base) is not installed")


class FakeDocumentView(http.server.BaseHTTPRequestHandler):
    """Answers /documents/… as Django's document view does with media in a bucket."""

    signed_url = ""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("X-Accel-Redirect", "/protected-objects/")
        self.send_header("X-Portal-Object-Url", self.signed_url)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front(bucket, object_store, tmp_path):
    nginx_or_skip()
    app = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeDocumentView)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port = free_port()
    env = {
        **os.environ,
        "PORTAL_LISTEN": f"127.0.0.1:{port}",
        "PORTAL_SERVER_NAME": "127.0.0.1",
        "PORTAL_UPSTREAM": f"127.0.0.1:{app.server_address[1]}",
        "PORTAL_STATIC_ROOT": str(tmp_path / "static"),
        "PORTAL_MEDIA_ROOT": str(tmp_path / "media"),
        "PORTAL_CACHE_DIR": str(tmp_path / "cache"),
        "PORTAL_MEDIA_BACKEND": "s3",
        "PORTAL_S3_ORIGIN": f"{object_store.endpoint}/{bucket}",
    }
    site = subprocess.run(
        ["bash", str(ROOT / "deploy/render-nginx.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "tmp").mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"""user {getpass.getuser()};
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp_path}/tmp/body;
    proxy_temp_path {tmp_path}/tmp/proxy;
    fastcgi_temp_path {tmp_path}/tmp/fastcgi;
    uwsgi_temp_path {tmp_path}/tmp/uwsgi;
    scgi_temp_path {tmp_path}/tmp/scgi;
    include {tmp_path}/site.conf;
}}
"""
    )
    nginx = subprocess.Popen(["nginx", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)])
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(f"{base}/media/x", timeout=1)
            break
        except requests.ConnectionError:
            threading.Event().wait(0.1)
    yield base
    nginx.terminate()
    nginx.wait(timeout=10)
    app.shutdown()


def test_media_come_from_the_bucket_with_ranges_from_the_cache(front):
    name = default_storage.save("films/encoded/n/film.mp4", ContentFile(FILM))
    whole = requests.get(f"{front}/media/{name}", timeout=10)
    assert whole.status_code == 200
    assert whole.content == FILM
    assert whole.headers["Content-Type"] == "video/mp4"
    assert "x-amz-request-id" not in {key.lower() for key in whole.headers}

    part = requests.get(f"{front}/media/{name}", headers={"Range": "bytes=1048570-1048585"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 1048570-1048585/{len(FILM)}"
    assert part.content == FILM[1048570:1048586]
    assert part.headers["X-Media-Cache"] == "HIT", "the object fetched before is kept"
    past_end = requests.get(f"{front}/media/{name}", headers={"Range": f"bytes={len(FILM)}-"})
    assert past_end.status_code == 416
    assert past_end.headers["Content-Range"] == f"bytes */{len(FILM)}"


def test_a_missing_key_is_a_plain_404(front):
    answer = requests.get(f"{front}/media/images/nothing-here.png", timeout=10)
    assert answer.status_code == 404
    assert b"<Error>" not in answer.content and "status" not in answer.headers


def test_captions_keep_their_type(front):
    name = default_storage.save("films/captions/de.vtt", ContentFile(b"WEBVTT\n\n"))
    answer = requests.get(f"{front}/media/{name}", timeout=10)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/vtt")


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/media/"),
        ("GET", "/media/?list-type=2"),
        ("GET", "/media/images/x.png?acl"),
        ("GET", "/media/documents/satzung.pdf"),
        ("PUT", "/media/images/new.png"),
        ("DELETE", "/media/images/x.png"),
        ("POST", "/media/images/x.png?uploads"),
    ],
)
def test_nothing_but_reading_a_key_reaches_the_store(front, method, path):
    default_storage.save("documents/satzung.pdf", ContentFile(b"%PDF secret"))
    default_storage.save("images/x.png", ContentFile(b"png"))
    answer = requests.request(method, f"{front}{path}", data=b"x", timeout=10)
    assert answer.status_code in {403, 404, 405}, (answer.status_code, answer.text[:200])
    assert b"ListBucketResult" not in answer.content and b"secret" not in answer.content


def test_a_private_document_comes_through_nginx_with_its_signature_hidden(front):
    name = default_storage.save("documents/satzung.pdf", ContentFile(b"%PDF-1.4 Satzung"))
    FakeDocumentView.signed_url = default_storage.signed_url(
        name,
        ResponseContentType="application/pdf",
        ResponseContentDisposition='attachment; filename="satzung.pdf"',
    )
    answer = requests.get(f"{front}/documents/1/satzung.pdf", timeout=10)
    assert answer.status_code == 200
    assert answer.content == b"%PDF-1.4 Satzung"
    assert answer.headers["Content-Disposition"] == 'attachment; filename="satzung.pdf"'
    assert answer.headers["Content-Security-Policy"] == "default-src 'none'"
    assert answer.headers["Cache-Control"] == "private, no-cache"
    leaked = {key.lower() for key in answer.headers} & {"x-portal-object-url", "x-accel-redirect"}
    assert not leaked
