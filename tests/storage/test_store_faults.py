"""What goes wrong with an object store, and what the site then does: a wrong bucket or
wrong credentials stop the start with a sentence (a system check, run by gunicorn's app
too); an unreachable store leaves pages rendering and refuses uploads with a message,
keeping nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.core import checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.storage import local_store
from portal.storage.checks import TAG
from portal.storage.errors import StoreUnavailable, StoreUnavailableMiddleware
from tests.home.test_film_admin import ADD_URL as FILM_ADD_URL
from tests.home.test_film_admin import counts as film_counts
from tests.home.test_film_admin import film_form, video, vtt
from tests.object_store import ObjectStore, free_port, use_bucket
from tests.storage.test_bucket_media import add_image_form, png

ROOT = Path(__file__).resolve().parents[2]


def storage_errors():
    return [error for error in checks.run_checks(tags=[TAG]) if error.is_serious()]


@pytest.mark.django_db
def test_a_bucket_that_exists_passes(bucket):
    assert storage_errors() == []


@pytest.mark.django_db
def test_a_wrong_bucket_name_is_named_at_start_up(object_store, settings, monkeypatch):
    use_bucket(settings, monkeypatch, object_store.endpoint, "portal-no-such-bucket")
    [error] = storage_errors()
    assert error.id == "portal.E101"
    assert "portal-no-such-bucket" in error.msg and "does not exist" in error.msg
    assert "PORTAL_S3_BUCKET" in error.hint


@pytest.mark.django_db
def test_an_unreachable_store_is_named_at_start_up(settings, monkeypatch):
    use_bucket(settings, monkeypatch, f"http://127.0.0.1:{free_port()}", "portal-media")
    [error] = storage_errors()
    assert "cannot be reached" in error.msg
    assert "PORTAL_S3_ENDPOINT_URL" in error.hint


@pytest.fixture(scope="module")
def authenticating_store():
    """A second moto that checks credentials (IAM authentication on): it knows no key, so
    every key is wrong. See test_moto_with_authentication_cannot_serve_signed_urls for why
    the site's own store in the tests runs without it."""
    port = free_port()
    process = local_store.start("127.0.0.1", port, extra_env={"INITIAL_NO_AUTH_ACTION_COUNT": "0"})
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.django_db
def test_wrong_credentials_are_named_at_start_up(authenticating_store, settings, monkeypatch):
    use_bucket(settings, monkeypatch, authenticating_store, "portal-media")
    [error] = storage_errors()
    assert "refused the credentials" in error.msg
    assert "AWS_ACCESS_KEY_ID" in error.hint


def test_moto_with_authentication_cannot_serve_signed_urls(authenticating_store):
    """A recorded incompatibility of the test store, not of the site: with IAM
    authentication on, moto 5.2.6's server answers a request without an Authorization
    header (a signed URL carries its signature in the query string) with a 500
    (KeyError 'HTTP_AUTHORIZATION'). Private documents are fetched exactly that way, so
    the tests' main store runs without authentication; when this starts failing, moto
    has fixed it and the main store can check credentials too."""
    s3 = local_store.client(authenticating_store)
    url = s3.generate_presigned_url(
        "get_object", Params={"Bucket": "portal-media", "Key": "x"}, ExpiresIn=60
    )
    assert requests.get(url, timeout=5).status_code == 500


def test_production_refuses_to_start_with_a_wrong_bucket(object_store, tmp_path):
    """What gunicorn does: it imports portal.wsgi, which runs the storage check."""
    env = {
        **os.environ,
        **local_store.DEMO_CREDENTIALS,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PORTAL_S3_BUCKET": "portal-typo",
        "PORTAL_S3_ENDPOINT_URL": object_store.endpoint,
    }
    result = subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "The media bucket 'portal-typo' does not exist" in result.stderr


@pytest.fixture
def dead_store(settings, monkeypatch):
    """The site's media bucket on an endpoint where nothing listens any more."""
    store = ObjectStore()
    bucket = store.new_bucket()
    use_bucket(settings, monkeypatch, store.endpoint, bucket)
    store.stop()
    return store


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/de/", "/en/", "/de/krasse-gegend/", "/de/aktuelles/"])
def test_pages_render_while_the_store_is_unreachable(dead_store, client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert b"/media/" in response.content, "the page still links the media it knows"


@pytest.mark.django_db
def test_an_image_upload_is_refused_at_the_file_keeping_the_entries(dead_store, admin_client):
    images = get_image_model().objects.count()
    response = admin_client.post("/admin/images/add/", add_image_form())
    assert response.status_code == 200, "the form again, not an error page"
    text = response.content.decode()
    assert "Dateiablage ist gerade nicht erreichbar" in text
    assert "Es wurde nichts gespeichert" in text
    assert 'value="Kahn im Spreewald"' in text, "the title the editor typed is still there"
    assert get_image_model().objects.count() == images


@pytest.mark.django_db
def test_a_document_upload_is_refused_at_the_file(dead_store, admin_client):
    documents = get_document_model().objects.count()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Satzung",
            "file": SimpleUploadedFile("satzung.pdf", b"%PDF-1.4 x", "application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "Dateiablage ist gerade nicht erreichbar" in response.content.decode()
    assert get_document_model().objects.count() == documents


@pytest.mark.django_db
def test_the_multiple_uploader_shows_the_message(dead_store, admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("kahn.png", png(), content_type="image/png")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    answer = response.json()
    assert answer["success"] is False
    assert "Dateiablage" in answer["error_message"]


@pytest.mark.django_db
def test_a_film_upload_is_refused_at_the_file_and_keeps_nothing(dead_store, admin_client):
    before = film_counts()
    data = film_form(sources=[{"file": video()}], tracks=[{"file": vtt()}])
    response = admin_client.post(FILM_ADD_URL, data)
    assert response.status_code == 200, "the form again, with the editor's entries"
    text = response.content.decode()
    assert "Dateiablage ist gerade nicht erreichbar" in text
    assert "Ein grünes Bild, ein Ton." in text
    assert film_counts() == before, "no film, source, caption track or revision"


@pytest.mark.parametrize("ajax", [False, True])
def test_a_store_failing_after_the_form_was_checked_gets_a_503_that_explains(ajax):
    """The fallback for a store that fails between the form's check and the save."""
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    request = RequestFactory().post("/admin/images/add/", **headers)
    with translation.override("de"):
        response = StoreUnavailableMiddleware(lambda r: None).process_exception(
            request, StoreUnavailable("connection refused")
        )
        if hasattr(response, "render"):
            response.render()
    text = response.content.decode()
    assert "Es wurde nichts gespeichert" in text
    assert response.status_code == (200 if ajax else 503)
