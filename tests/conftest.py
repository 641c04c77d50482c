"""Shared fixtures: the demo site is loaded once per test session into the test database.

Each test runs in a transaction that is rolled back, so tests may change the demo site
freely. Wagtail keeps site root paths in the cache, so the caches (pages included) are
cleared around each test.
"""

import sqlite3

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.chrome.cache import forget_process_memo
from home.images.renditions import pregenerate_renditions


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        # Every rendition the templates use, made once for the session: each test rolls
        # back what it wrote, so renditions made inside a test are made again by the next.
        for image in get_image_model().objects.all():
            pregenerate_renditions(image, force=True)


def _clear_caches():
    for alias in caches:
        caches[alias].clear()
    forget_process_memo()


@pytest.fixture(autouse=True)
def _fresh_cache():
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture
def page_cache(settings):
    """The full-page cache on (the test settings turn it off), empty."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    _clear_caches()
    return caches["pages"]


@pytest.fixture
def german():
    return Locale.objects.get(language_code="de")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_de(db, german):
    return Page.objects.get(depth=2, locale=german).specific


@pytest.fixture
def home_en(db, english):
    return Page.objects.get(depth=2, locale=english).specific


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A file copy of the session's demo database (SQLite's backup API, under a second), for
    tests that run the site in other processes (gunicorn, a task worker)."""
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database; the SQLite pass runs it")
    path = tmp_path_factory.mktemp("processes") / "demo.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
    return path
