"""What several app hosts must agree on lives where all of them see it, in production
settings with Redis and a bucket configured: sessions and login throttling in the
database, pages, fragments, the chrome and rate limits in Redis, the page cache's
generation token in Redis (not a file of one machine), tasks in the database queue and
media in the bucket. bench/two-hosts.sh shows the same with two hosts for real."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.nodb
ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "caches": {alias: c["BACKEND"] for alias, c in settings.CACHES.items()},
    "generation_file": str(settings.PORTAL_PAGE_CACHE_GENERATION_FILE),
    "sessions": settings.SESSION_ENGINE,
    "axes": getattr(settings, "AXES_HANDLER", "axes.handlers.database.AxesDatabaseHandler"),
    "tasks": settings.TASKS["default"]["BACKEND"],
    "media": settings.STORAGES["default"]["BACKEND"],
    "ratelimit_cache": getattr(settings, "RATELIMIT_USE_CACHE", "default"),
}))
"""


def production_settings(**env) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + PROBE],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "portal.example.org",
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_two_hosts_share_everything_they_must_agree_on():
    shared = production_settings(
        REDIS_URL="redis://10.0.0.5:6379/0",
        PORTAL_S3_BUCKET="portal-media",
        PORTAL_S3_ENDPOINT_URL="http://10.0.0.6:9000",
    )
    assert all("redis" in backend.lower() for backend in shared["caches"].values()), shared
    assert shared["generation_file"] == "None", "the token is in Redis, not a machine's file"
    assert shared["sessions"] == "django.contrib.sessions.backends.db"
    assert shared["axes"] == "axes.handlers.database.AxesDatabaseHandler"
    assert shared["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shared["media"] == "portal.storage.s3.MediaStorage"
    assert shared["ratelimit_cache"] == "default"


def test_one_host_without_redis_or_bucket_keeps_the_embedded_defaults():
    alone = production_settings(REDIS_URL="", PORTAL_S3_BUCKET="")
    assert alone["media"] == "django.core.files.storage.FileSystemStorage"
    assert alone["generation_file"] != "None"
