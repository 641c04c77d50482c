"""Test settings: fast hashing, in-memory e-mail, media in a temporary folder."""

import os
import tempfile
from pathlib import Path

from portal.settings.base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="portal-media-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-static-"))
# Uploads in tests make no renditions; the demo's images get theirs once per session
# (tests/conftest.py), not once per test.
PORTAL_PREGENERATE_RENDITIONS = False
# AVIF encoding takes about a second per large rendition: tests render WebP only
# (tests/performance/test_images.py switches AVIF on for the one test that checks it).
PORTAL_IMAGE_FORMATS = ("webp",)

# Tasks run inside the test process, when the transaction that enqueued them commits
# (tests/films/test_worker.py runs a real worker process on the database backend).
PORTAL_TASKS = os.environ.get("PORTAL_TASKS", "immediate")
TASKS = {"default": {"BACKEND": PORTAL_TASK_BACKENDS[PORTAL_TASKS]}}  # noqa: F405

# A small demo master: the session's demo content goes through the film pipeline.
PORTAL_DEMO_FILM = os.environ.get("PORTAL_DEMO_FILM", "640x360:8")

# The page cache is off unless a test turns it on (the ``page_cache`` fixture): most tests
# read ``response.context`` or count a page's queries, which a cache hit has neither of.
# PORTAL_PAGE_CACHE_SECONDS=600 runs the whole suite with it on, to look for stale pages.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "0"))
# Fragments likewise (the ``fragment_cache`` fixture turns them on).
PORTAL_FRAGMENT_CACHE_SECONDS = int(os.environ.get("PORTAL_FRAGMENT_CACHE_SECONDS", "0"))
if PORTAL_PAGE_CACHE_GENERATION_FILE is not None:  # noqa: F405
    PORTAL_PAGE_CACHE_GENERATION_FILE = Path(
        os.environ.get("PORTAL_PAGE_CACHE_GENERATION_FILE")
        or Path(tempfile.mkdtemp(prefix="portal-cache-")) / "generation"
    )
