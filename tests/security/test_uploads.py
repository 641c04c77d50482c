"""Uploads through the admin's own views: bombs are refused with a message, nothing is kept;
documents are always downloaded, never rendered on the site's origin."""

import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&lol9;</text></svg>
"""


def png_bomb(width=20000, height=20000) -> bytes:
    """A 1-bit greyscale PNG of ``width`` × ``height`` (400 megapixels by default) that is
    only ~60 KB on disk: every row is zeros, which zlib compresses ~1000:1. Written by hand,
    so the test never holds the decoded image in memory."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def upload(admin_client, name, content, content_type):
    """Wagtail's multiple-image uploader, which "Add an image" opens in the admin."""
    return admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type=content_type)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


def assert_refused(response, message_part):
    """The demo admin works in German (the site's default language): so do the messages."""
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message_part in answer["error_message"], answer


def test_png_bomb_is_refused_with_a_clear_message(admin_client):
    bomb = png_bomb()
    assert len(bomb) < 200_000
    images, files = get_image_model().objects.count(), media_files()
    response = upload(admin_client, "harmless.png", bomb, "image/png")
    assert_refused(response, "zu viele Pixel")
    assert get_image_model().objects.count() == images
    assert media_files() == files


def test_a_large_but_plausible_photo_size_is_the_limit():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024


def test_svg_entity_bomb_is_refused(admin_client):
    images, files = get_image_model().objects.count(), media_files()
    response = upload(admin_client, "laughs.svg", BILLION_LAUGHS, "image/svg+xml")
    assert_refused(response, "kein Bild")
    assert get_image_model().objects.count() == images
    assert media_files() == files


def test_svg_disguised_as_png_is_refused_without_parsing(admin_client):
    images = get_image_model().objects.count()
    response = upload(admin_client, "laughs.png", BILLION_LAUGHS, "image/png")
    assert_refused(response, "kein Bild")
    assert get_image_model().objects.count() == images


def test_svg_is_not_an_image_format():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "html" not in settings.WAGTAILDOCS_EXTENSIONS
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS


def test_a_normal_png_still_uploads(admin_client):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "PNG")
    response = upload(admin_client, "green.png", buffer.getvalue(), "image/png")
    assert response.json()["success"] is True


@pytest.mark.parametrize(
    ("name", "content"),
    [("note.txt", b"<script>alert(1)</script>"), ("paper.pdf", b"%PDF-1.4\n%%EOF\n")],
)
def test_documents_are_always_downloaded(client, name, content):
    document = get_document_model().objects.create(title=name, file=ContentFile(content, name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
