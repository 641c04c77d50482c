"""Redis restarted under load: no 5xx, and no stale page older than the cache bound.

Against a real ``redis-server`` of the test's own on a free port in 6391–6399, keeping
nothing on disk (as docs/operations.md asks for production), which the tests kill, restart
and freeze (SIGSTOP). The page cache, the fragments, the chrome and the report form's rate
limit all go through it, configured as ``REDIS_URL`` configures them
(``portal.caching.resilient_redis``). The machine's Redis on 6379 is never touched.
"""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from wagtail.models import Page

from feedback.models import AccessibilityReport
from home.chrome.cache import forget_process_memo
from portal.caching import resilient_redis
from portal.caching.generation import current_generation
from tests.feedback.conftest import post_report, visitor  # noqa: F401

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
PORTS = range(6391, 6400)
BACKEND = "portal.caching.resilient_redis.ResilientRedisCache"
PAGES = [
    "/de/",
    "/en/",
    "/de/aktuelles/",
    "/en/news/",
    "/de/impressum/",
    "/en/legal-notice/",
    "/de/veranstaltungen/",
    "/de/krasse-gegend/",
    "/de/krasse-gegend/hier-waechst-was/",
    "/de/suche/?q=Lausitz",
]


class RedisProcess:
    """A redis-server on 127.0.0.1:``port`` that keeps nothing on disk."""

    def __init__(self, port: int):
        self.port = port
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> bool:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_timeout=1)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False  # the port was taken meanwhile
            try:
                return client.ping()
            except redis.ConnectionError:
                time.sleep(0.05)
        self.kill()
        return False

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


def _port_is_free(port: int) -> bool:
    """Nobody listens there. SO_REUSEADDR, as redis-server sets it: connections of an
    earlier test's Redis in TIME_WAIT do not make the port busy."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture
def redis_server():
    if not os.path.exists(REDIS_SERVER):
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    for port in PORTS:
        server = RedisProcess(port)
        if _port_is_free(port) and server.start():
            break
    else:
        pytest.fail(f"no free port for redis-server in {PORTS.start}–{PORTS.stop - 1}")
    yield server
    server.kill()


@pytest.fixture
def redis_cache(settings, redis_server):
    """Both caches in the test's Redis, as REDIS_URL sets them (with the default timeouts),
    page cache and fragments on."""
    options = {
        "socket_connect_timeout": settings.PORTAL_REDIS_CONNECT_TIMEOUT,
        "socket_timeout": settings.PORTAL_REDIS_TIMEOUT,
        "RETRY_AFTER": settings.PORTAL_REDIS_RETRY_SECONDS,
    }
    settings.CACHES = {
        alias: {"BACKEND": BACKEND, "LOCATION": redis_server.url, "KEY_PREFIX": alias}
        | {"OPTIONS": options}
        for alias in ("default", "pages")
    }
    settings.PORTAL_PAGE_CACHE_GENERATION_FILE = None
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 600
    resilient_redis._outages.clear()  # what an earlier test's Redis on this port left
    forget_process_memo()
    yield caches["pages"]
    resilient_redis._outages.clear()


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def until_served_from_redis(client, url, retry_seconds) -> list:
    """The answers to ``url`` until one is a hit again once Redis is back (the backend leaves
    Redis alone for ``retry_seconds`` after its last failure). A request may straddle the
    end of that pause: its token was made while Redis was left alone, its page stored under
    it, and nobody reads that token again; the next request then misses once more."""
    deadline = time.monotonic() + retry_seconds + 5
    answers = [get(client, url)]
    while answers[-1]["X-Cache"] != "HIT":
        assert time.monotonic() < deadline, f"{url}: not served from Redis again"
        time.sleep(0.1)
        answers.append(get(client, url))
    return answers


def test_pages_answer_without_redis_and_a_publish_meanwhile_shows_after_its_restart(
    client, redis_cache, redis_server, settings, caplog
):
    for url in PAGES:
        get(client, url)
    assert get(client, "/de/impressum/")["X-Cache"] == "HIT"

    redis_server.kill()
    with caplog.at_level(logging.WARNING):
        for url in PAGES:
            assert get(client, url)["X-Cache"] == "BYPASS", url
        page = Page.objects.get(slug="impressum").specific
        page.title = "Impressum, geändert ohne Redis"
        page.save_revision().publish()
        down = get(client, "/de/impressum/")
    assert "Impressum, geändert ohne Redis" in down.content.decode()
    warnings = [r for r in caplog.records if r.name == resilient_redis.__name__]
    assert len(warnings) == 1, "one warning per outage, not one per cache call"
    assert any("generation could not be replaced" in r.getMessage() for r in caplog.records)

    assert redis_server.start()  # empty, like a restarted Redis that keeps nothing on disk
    answers = until_served_from_redis(client, "/de/impressum/", settings.PORTAL_REDIS_RETRY_SECONDS)
    states = [response["X-Cache"] for response in answers]
    assert "MISS" in states, "nothing cached before the outage comes back: rendered first"
    for response in answers:
        assert "Impressum, geändert ohne Redis" in response.content.decode()
    for url in PAGES:
        get(client, url)


def test_without_redis_every_request_reads_a_new_generation(redis_cache, redis_server):
    """Nothing stored before can be found: each read makes a fresh random token."""
    assert current_generation() == current_generation()
    redis_server.kill()
    assert current_generation() != current_generation()


def test_a_frozen_redis_costs_one_timeout_per_pause_not_one_per_cache_call(
    client, redis_cache, redis_server, settings
):
    """SIGSTOP: connections are accepted by the kernel and never answered, like a Redis
    host that stalls. An uncached page makes about a dozen cache calls; each would wait for
    the read timeout without the pause after a failure."""
    get(client, "/de/aktuelles/")
    redis_server.freeze()
    try:
        started = time.monotonic()
        response = get(client, "/de/aktuelles/")
        elapsed = time.monotonic() - started
    finally:
        redis_server.thaw()
    assert response["X-Cache"] == "BYPASS"
    # Measured: 0.5 s with the pause, 28 s without (0.5 s for each of some 55 calls).
    assert elapsed < 4 * settings.PORTAL_REDIS_TIMEOUT + 1, f"{elapsed:.2f} s"
    # Thawed with its keys, and nothing was published: the page stored before is served.
    until_served_from_redis(client, "/de/aktuelles/", settings.PORTAL_REDIS_RETRY_SECONDS)


def test_the_report_form_is_limited_through_redis_and_open_without_it(
    visitor,  # noqa: F811
    redis_cache,
    redis_server,
    settings,
):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_RATE = "1/h"
    assert post_report(visitor).status_code == 302
    assert post_report(visitor).status_code == 429
    redis_server.kill()
    before = AccessibilityReport.objects.count()
    assert post_report(visitor).status_code == 302
    assert AccessibilityReport.objects.count() == before + 1


def test_every_cache_call_reads_a_dead_redis_as_a_miss(redis_server):
    options = {"OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}}
    plain = RedisCache(redis_server.url, options)
    cache = resilient_redis.ResilientRedisCache(
        redis_server.url, {"OPTIONS": {**options["OPTIONS"], "RETRY_AFTER": 0}}
    )
    cache.set("kept", 1)
    assert cache.get("kept") == 1 and cache.incr("kept") == 2
    redis_server.kill()
    with pytest.raises(redis.ConnectionError):
        plain.get("kept")  # what answered 500 before
    assert cache.get("kept", "default") == "default"
    assert cache.get_many(["kept", "other"]) == {}
    assert cache.get_or_set("kept", "computed") == "computed"
    assert cache.set("kept", 3) is False
    assert cache.add("new", 1) is False
    assert cache.delete("kept") is False
    assert cache.touch("kept") is False
    assert cache.has_key("kept") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete_many(["a", "b"]) is None
    with pytest.raises(ValueError):
        cache.incr("kept")
    resilient_redis._outages.clear()


def test_a_redis_that_refuses_writes_is_a_miss_too(redis_server):
    """Full under ``maxmemory-policy noeviction``: every write answers OOM."""
    client = redis.Redis.from_url(redis_server.url)
    client.config_set("maxmemory-policy", "noeviction")
    client.config_set("maxmemory", 1)
    cache = resilient_redis.ResilientRedisCache(redis_server.url, {"OPTIONS": {"RETRY_AFTER": 0}})
    assert cache.set("page", "html") is False
    assert cache.add("page", "html") is False
    assert cache.get("page") is None
    resilient_redis._outages.clear()
