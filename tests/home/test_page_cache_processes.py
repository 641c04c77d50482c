"""Two app processes, one cache: a publish in one process is seen by the other at once.

A gunicorn server and a ``manage.py shell`` publisher run as separate processes on a copy of
the session's demo database. With ``REDIS_URL`` they share pages and generation through the
local Redis (under a key prefix of their own, removed afterwards); without it, pages stay in
the server's memory and the generation file tells it about the publish.

Marked ``nodb``: the processes use their own database file, so CI runs this once (SQLite
pass). Without a reachable Redis the Redis case skips with a reason, unless ``CI`` or
``PORTAL_REQUIRE_POSTGRES`` is set (CI has Redis): then it fails.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest
from django.conf import settings

pytestmark = pytest.mark.nodb

REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(slug="impressum").specific
page.title = "Nebenan veröffentlicht"
page.save_revision().publish()
"""


def redis_or_skip():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as error:
        reason = f"Redis at {REDIS_URL} is not reachable ({error})"
        if os.environ.get("CI") or os.environ.get("PORTAL_REQUIRE_POSTGRES"):
            pytest.fail(reason + " (CI or PORTAL_REQUIRE_POSTGRES is set)")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers["X-Cache"], response.read().decode()


@pytest.fixture(params=["redis", "generation-file"])
def app_env(request, demo_database, tmp_path):
    database = tmp_path / "site.sqlite3"
    shutil.copy(demo_database, database)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PORTAL_PAGE_CACHE_SECONDS": "600",
    }
    env.pop("REDIS_URL", None)
    prefix = None
    if request.param == "redis":
        redis_or_skip()
        prefix = f"portal-test-{uuid.uuid4().hex}"
        env.update(REDIS_URL=REDIS_URL, PORTAL_CACHE_KEY_PREFIX=prefix)
    else:
        env["PORTAL_PAGE_CACHE_GENERATION_FILE"] = str(tmp_path / "generation")
    yield env
    if prefix:
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=f"{prefix}*"))
        if keys:
            client.delete(*keys)


@pytest.fixture
def server(app_env):
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, "portal.wsgi:application"],
        cwd=settings.BASE_DIR,
        env=app_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("gunicorn did not start: " + process.stderr.read().decode()[-2000:])
            time.sleep(0.3)
    yield port
    process.terminate()
    process.wait(timeout=30)


def test_publish_in_another_process_reaches_the_server_at_once(server, app_env):
    assert fetch(server, "/de/impressum/")[0] == "MISS"
    state, html = fetch(server, "/de/impressum/")
    assert state == "HIT" and "Nebenan veröffentlicht" not in html

    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PUBLISH],
        cwd=settings.BASE_DIR,
        env=app_env,
        check=True,
        capture_output=True,
        timeout=120,
    )

    state, html = fetch(server, "/de/impressum/")
    assert state == "MISS"
    assert "Nebenan veröffentlicht" in html
    assert fetch(server, "/de/impressum/")[0] == "HIT"
