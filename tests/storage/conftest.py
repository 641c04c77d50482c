import pytest

from tests.object_store import ObjectStore, use_bucket


@pytest.fixture(scope="session")
def object_store():
    store = ObjectStore()
    yield store
    store.stop()


@pytest.fixture
def bucket(object_store, settings, monkeypatch):
    """A fresh bucket of this test's own as the site's media storage."""
    name = object_store.new_bucket()
    use_bucket(settings, monkeypatch, object_store.endpoint, name)
    return name
