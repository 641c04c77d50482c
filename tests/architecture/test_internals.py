"""Internals of Wagtail the portal relies on (docs/wagtail-internals.md) that no behaviour
test would name precisely."""

import pytest
import wagtail
from django.core.cache import cache
from wagtail.models import Page

from home.chrome.cache import CACHE_FORMAT, chrome_for
from home.listings.cards import WORKFLOW_PAGE_FIELDS

pytestmark = pytest.mark.django_db


def test_deferred_page_columns_exist():
    """Listing cards defer these columns of Wagtail's Page; a renamed one would fail every
    listing with FieldDoesNotExist."""
    names = {field.name for field in Page._meta.get_fields()}
    assert set(WORKFLOW_PAGE_FIELDS) <= names


def test_chrome_cache_key_names_the_wagtail_version(rf, monkeypatch):
    """Pickled pages of another Wagtail version are never read back after an upgrade."""
    assert wagtail.__version__ in CACHE_FORMAT
    stored = []
    original_set = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *a, **kw: (stored.append(key), original_set(key, *a, **kw))
    )
    chrome_for(rf.get("/de/"))
    chrome_keys = [key for key in stored if key.startswith("portal:chrome:")]
    assert chrome_keys and all(CACHE_FORMAT in key for key in chrome_keys)
