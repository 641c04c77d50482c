"""Documents in production: Wagtail decides who may fetch one, nginx sends the bytes.

With the production settings' ``SENDFILE_BACKEND`` (django-sendfile2's nginx backend), the
document view answers a permitted request with ``X-Accel-Redirect`` to nginx's internal
``/protected-documents/`` location and an empty body, so no document byte passes through
Python; a document in a collection with a privacy restriction gets no such answer. The
nginx side is checked through the real stack in tests/prod/test_stack.py.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def nginx_sendfile(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_ROOT = str(tmp_path / "documents")
    settings.SENDFILE_URL = "/protected-documents"


def document(name, collection=None):
    model = get_document_model()
    doc = model(title=name, file=ContentFile(b"%PDF-1.4 Lausitz", name=name))
    if collection is not None:
        doc.collection = collection
    doc.save()
    return doc


def test_a_public_document_is_handed_to_nginx(client, nginx_sendfile):
    doc = document("bericht.pdf")
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-documents/{doc.file.name.split('/', 1)[1]}"
    assert b"".join(response) == b"", "the bytes come from nginx, not from Python"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_restricted_document_is_not_handed_to_anyone(client, nginx_sendfile):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    doc = document("intern.pdf", private)
    response = client.get(doc.url)
    assert "X-Accel-Redirect" not in response
    assert b"Lausitz" not in response.content
