"""Media in an S3-compatible bucket (moto's server, a real HTTP endpoint): uploads,
renditions, documents and films land in the bucket under the names they have on disk,
pages link them on the site's own origin, and private documents stay private."""

import io

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from portal.media import serve_media

pytestmark = pytest.mark.django_db


def png(width=64, height=48) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def add_image_form(name="Spreewald Kahn.png") -> dict:
    """What an editor sends with "Bild hinzufügen" (the single-image form)."""
    return {
        "title": "Kahn im Spreewald",
        "file": SimpleUploadedFile(name, png(), content_type="image/png"),
        "collection": Collection.get_first_root_node().pk,
        "alt_text": "Ein Kahn auf einem Fließ im Spreewald",
        "tags": "",
    }


def test_an_uploaded_image_and_its_renditions_live_in_the_bucket(
    admin_client, bucket, object_store
):
    before = set(get_image_model().objects.values_list("pk", flat=True))
    response = admin_client.post("/admin/images/add/", add_image_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.exclude(pk__in=before).get()
    rendition = image.get_rendition("fill-32x24|format-webp")

    keys = object_store.keys(bucket)
    assert image.file.name in keys
    assert rendition.file.name in keys
    assert image.file.name.startswith("original_images/")
    # Pages link media on the site's own origin, never the bucket's address.
    assert rendition.url == f"/media/{rendition.file.name}"
    # Everyone may read images by key (nginx fetches them without a signature)...
    direct = requests.get(f"{object_store.endpoint}/{bucket}/{rendition.file.name}", timeout=5)
    assert direct.status_code == 200
    assert direct.content[:4] == b"RIFF"


def test_the_same_name_twice_gives_two_objects(bucket, object_store):
    first = default_storage.save("original_images/foto.png", ContentFile(b"one"))
    second = default_storage.save("original_images/foto.png", ContentFile(b"two"))
    assert first != second, "django-storages overwrites by default; the site must not"
    assert default_storage.open(first).read() == b"one"


def test_media_without_nginx_are_read_from_the_bucket_with_ranges(bucket, client):
    name = default_storage.save("films/encoded/t/film.mp4", ContentFile(bytes(range(200))))
    response = client.get(f"/media/{name}", HTTP_RANGE="bytes=10-19")
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 10-19/200"
    assert b"".join(response.streaming_content) == bytes(range(10, 20))

    whole = serve_media(RequestFactory().get("/media/x"), name)
    assert b"".join(whole.streaming_content) == bytes(range(200))


@pytest.mark.parametrize(
    "path", ["films/../documents/satzung.pdf", "documents/satzung.pdf", "films//x.mp4"]
)
def test_the_media_view_never_reaches_a_document(bucket, client, path):
    default_storage.save("documents/satzung.pdf", ContentFile(b"%PDF-1.4 secret"))
    assert client.get(f"/media/{path}").status_code == 404


def document(collection=None):
    return get_document_model().objects.create(
        title="Satzung",
        file=ContentFile(b"%PDF-1.4 Satzung\n%%EOF\n", name="satzung.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )


def test_documents_are_private_objects_that_nginx_fetches_with_a_signature(
    bucket, object_store, client, settings
):
    settings.PORTAL_FRONT_SERVER = "nginx"
    doc = document()
    anonymous = requests.get(f"{object_store.endpoint}/{bucket}/{doc.file.name}", timeout=5)
    assert anonymous.status_code == 403, "a document must not be readable without a signature"

    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-objects/"
    assert response.content == b"", "no document byte goes through Python"
    signed = requests.get(response["X-Portal-Object-Url"], timeout=5)
    assert signed.status_code == 200
    assert signed.content == b"%PDF-1.4 Satzung\n%%EOF\n"
    assert signed.headers["Content-Disposition"].startswith("attachment")
    assert signed.headers["Content-Type"] == "application/pdf"


def test_a_restricted_document_is_checked_before_any_signature(bucket, client, settings):
    settings.PORTAL_FRONT_SERVER = "nginx"
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    response = client.get(document(private).url)
    assert response.status_code == 302
    assert "X-Accel-Redirect" not in response
    assert "X-Portal-Object-Url" not in response


def test_without_nginx_wagtail_streams_the_document_from_the_bucket(bucket, client):
    response = client.get(document().url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Satzung\n%%EOF\n"
