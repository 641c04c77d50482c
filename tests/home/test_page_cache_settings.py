"""The page cache is on in production and development; REDIS_URL chooses Redis."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.nodb

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "seconds": settings.PORTAL_PAGE_CACHE_SECONDS,
    "caches": settings.CACHES,
    "generation_file": str(settings.PORTAL_PAGE_CACHE_GENERATION_FILE or ""),
    "middleware": settings.MIDDLEWARE,
}))
"""


def settings_of(module, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PORTAL_PAGE_CACHE", "REDIS_URL", "PORTAL_CACHE", "PORTAL_REDIS"))
    }
    clean.update(
        env,
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="portal.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["portal.settings.production", "portal.settings.dev"])
def test_on_by_default_in_process_memory_with_a_shared_generation_file(module):
    found = settings_of(module)
    assert found["seconds"] == 600
    assert found["caches"]["pages"]["BACKEND"].endswith("LocMemCache")
    assert found["generation_file"].endswith("var/page-generation")
    middleware = found["middleware"]
    assert middleware.index("portal.caching.compression.PublicGZipMiddleware") < middleware.index(
        "portal.caching.pages.PageCacheMiddleware"
    )
    # hits get the security headers afresh and never touch the session
    for outer in (
        "portal.security.PortalCSPMiddleware",
        "portal.security.PermissionsPolicyMiddleware",
    ):
        assert middleware.index(outer) < middleware.index(
            "portal.caching.pages.PageCacheMiddleware"
        )
    assert middleware.index("portal.caching.pages.PageCacheMiddleware") < middleware.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )


def test_redis_url_puts_pages_and_generation_in_redis():
    found = settings_of(
        "portal.settings.production",
        REDIS_URL="redis://cache.internal:6379/2",
        PORTAL_CACHE_KEY_PREFIX="lausitz",
        PORTAL_PAGE_CACHE_SECONDS="300",
    )
    assert found["seconds"] == 300
    for alias, prefix in (("default", "lausitz"), ("pages", "lausitz-pages")):
        cache = found["caches"][alias]
        # Django's RedisCache reading an unreachable Redis as a miss
        # (tests/caching/test_redis_outage.py)
        assert cache["BACKEND"] == "portal.caching.resilient_redis.ResilientRedisCache"
        assert cache["LOCATION"] == "redis://cache.internal:6379/2"
        assert cache["KEY_PREFIX"] == prefix
        assert cache["OPTIONS"] == {
            "socket_connect_timeout": 0.25,
            "socket_timeout": 0.5,
            "RETRY_AFTER": 1.0,
        }
    assert found["generation_file"] == ""


def test_redis_timeouts_come_from_the_environment():
    found = settings_of(
        "portal.settings.production",
        REDIS_URL="redis://cache.internal:6379/2",
        PORTAL_REDIS_CONNECT_TIMEOUT="0.1",
        PORTAL_REDIS_TIMEOUT="2",
        PORTAL_REDIS_RETRY_SECONDS="5",
    )
    assert found["caches"]["pages"]["OPTIONS"] == {
        "socket_connect_timeout": 0.1,
        "socket_timeout": 2.0,
        "RETRY_AFTER": 5.0,
    }


def test_zero_seconds_turns_it_off():
    assert settings_of("portal.settings.production", PORTAL_PAGE_CACHE_SECONDS="0")["seconds"] == 0
