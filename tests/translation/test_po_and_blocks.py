"""Files for agencies (PO round trip) and every block of the library through translation."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from home.blocks import BaseStreamBlock
from home.models import Film, StandardPage
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def test_po_export_edit_import_shows_the_imported_text(
    translator, reviewer, english, django_capture_on_commit_callbacks
):
    german = Page.objects.get(slug="impressum", locale__language_code="de")
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=english
    )
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    response = translator.get(download)
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entry = next(e for e in po if e.msgid == "Impressum")
    entry.msgstr = "Imprint (agency version)"
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    file = SimpleUploadedFile("impressum-en.po", str(po).encode(), "text/x-gettext-translation")
    assert translator.post(upload, {"file": file}).status_code == 302
    target = german.get_translation(english)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert reviewer.post(edit_url, {"action": "publish"}).status_code == 302
    target.refresh_from_db()
    assert target.title == "Imprint (agency version)"
    assert reviewer.get(target.url).status_code == 200


def test_every_block_with_empty_optional_values_translates_and_publishes(
    home_de, english, django_capture_on_commit_callbacks
):
    image_id = BaseStreamBlock.base_blocks["image"].get_preview_value()["image"].pk
    film = Film.objects.filter(locale__language_code="de", live=True).first()
    body = [
        {"type": "heading", "value": {"text": "Überschrift", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Absatz</p>"},
        {"type": "paragraph", "value": ""},
        {"type": "image", "value": {
            "image": {"image": image_id, "alt_text": "", "decorative": True},
            "caption": "", "credit": ""}},
        {"type": "quote", "value": {"text": "Zitat", "attribution": "", "language": ""}},
        {"type": "call_to_action", "value": {"label": "Mehr", "page": home_de.pk, "url": ""}},
        {"type": "text_and_image", "value": {
            "text": "<p>Text</p>",
            "image": {"image": image_id, "alt_text": "Alt", "decorative": False},
            "image_position": "left"}},
    ]  # fmt: skip
    if film is not None:
        body.append({"type": "film", "value": {"film": film.pk}})
    assert {b["type"] for b in body} >= set(BaseStreamBlock.base_blocks) - {"film"}
    page = StandardPage(title="Alle Blöcke", slug="alle-bloecke-leer", body=body)
    home_de.add_child(instance=page)
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        english_page = translate_with_localize(page)
    english_page = Page.objects.get(pk=english_page.pk).specific
    assert english_page.live
    assert english_page.title == "EN Alle Blöcke"
    types = [block.block_type for block in english_page.body]
    assert types == [b["type"] for b in body]
    source_strings = StringSegment.objects.filter(source__object_id=page.translation_key).count()
    assert source_strings >= 6
