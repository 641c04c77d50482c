"""Press photos on the press page: credit, licence and file facts shown, the original file as
a download with its name, nothing from restricted collections, JSON-LD, the image form's
licence field, and both caches refreshed when an image's credit changes."""

import json
import re
from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from home.images.models import Licence
from news.models import PressPage
from news.press_photos import PressPhoto
from tests.factories.images import ImageFactory
from tests.home.test_page_cache_invalidation import any_cache, fresh, warm  # noqa: F401

pytestmark = pytest.mark.django_db

DE, EN = "/de/presse/", "/en/press/"
CREDIT = "Foto: Lausitz-Entwicklungsagentur / M. Beispiel (Demo)"


@pytest.fixture
def press_de(db):
    return PressPage.objects.get(slug="presse")


def photo_block(image, alt="Ein Foto", caption="Bildunterschrift"):
    return {"type": "photo", "value": {"image": image.pk, "alt_text": alt, "caption": caption}}


def set_photos(page, *blocks):
    page.photos = list(blocks)
    page.save_revision().publish()


def demo_photo(title="Demo: Tagungsort am See"):
    return get_image_model().objects.get(title=title)


def test_each_photo_shows_caption_credit_licence_and_file_facts(client):
    image = demo_photo()
    html = client.get(DE).content.decode()
    assert 'alt="Ein Tagungsgebäude am Ufer eines Sees"' in html
    assert "<figcaption>Tagungsort des Informationstags Strukturentwicklung am Seeufer" in html
    assert f"<dt>Bildnachweis</dt><dd>{CREDIT}</dd>" in html
    assert "Frei für die Presse zur Berichterstattung über die Agentur" in html
    kilobytes = round(image.file.size / 1000)  # demo images have no recorded file_size
    assert f"(JPEG, {image.width} × {image.height} px, {kilobytes} kB)" in html
    # a CC licence links to its licence text; a licence note is shown as written
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" lang="en">CC BY 4.0</a>' in html
    assert "Nur mit Nennung des Fotografen; nicht für Werbung." in html


def test_english_page_shows_the_same_photos_with_translated_captions(client, press_de):
    english = PressPage.objects.get(translation_key=press_de.translation_key, slug="press")
    german_ids = [child.value["image"].pk for child in press_de.photos]
    assert [child.value["image"].pk for child in english.photos] == german_ids
    html = client.get(EN).content.decode()
    assert "<figcaption>Venue of the structural development information day" in html
    assert 'alt="A conference building on a lakeshore"' in html
    assert f"<dt>Credit</dt><dd>{CREDIT}</dd>" in html  # a fact: the same in every language
    assert "Free for press use in connection with reporting on the agency" in html
    assert "Download original" in html
    # the licence note is written in German and marked as such
    assert '<span lang="de">Nur mit Nennung des Fotografen; nicht für Werbung.</span>' in html


@pytest.mark.parametrize(
    ("size", "language", "text"),
    [(2_100_000, "de", "2,1 MB"), (2_100_000, "en", "2.1 MB"), (225_962, "de", "226 kB")],
)
def test_file_size_in_the_readers_notation(size, language, text):
    image = SimpleNamespace(file_size=size, width=4000, height=3000, file=SimpleNamespace())
    image.file.name = "original_images/foto.jpg"
    photo = PressPhoto(image, "", "")
    with translation.override(language):
        assert photo.summary == f"JPEG, 4000 × 3000 px, {text}"


def test_download_returns_the_original_bytes_with_a_file_name(client, press_de):
    image = demo_photo()
    html = client.get(DE).content.decode()
    url = f"{DE}download/{image.pk}/"
    assert f'href="{url}" download="demo-tagungsort-am-see.jpg"' in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'attachment; filename="demo-tagungsort-am-see.jpg"'
    with image.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()
    assert not response.cookies


def test_download_name_of_a_german_title_is_ascii(client, press_de):
    image = ImageFactory(title="Bürgerdialog in Großräschen", licence=Licence.PRESS)
    set_photos(press_de, photo_block(image))
    response = client.get(f"{DE}download/{image.pk}/")
    assert response.status_code == 200
    assert 'filename="buergerdialog-in-grossraeschen.jpg"' in response["Content-Disposition"]


def test_only_images_of_the_list_can_be_downloaded(client, press_de):
    other = demo_photo("Demo: Windräder über dem Tagebausee")  # the home page's hero
    assert client.get(f"{DE}download/{other.pk}/").status_code == 404
    assert client.get(f"{DE}download/999999/").status_code == 404


def test_images_of_a_restricted_collection_are_neither_shown_nor_downloadable(client, press_de):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    below = internal.add_child(name="Intern / Entwürfe")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    secret = ImageFactory(title="Vertraulich", collection=below, credit="Foto: intern")
    public = ImageFactory(title="Öffentlich", credit="Foto: öffentlich")
    set_photos(press_de, photo_block(secret, caption="Geheim"), photo_block(public))
    html = client.get(DE).content.decode()
    assert "Geheim" not in html and "Foto: intern" not in html
    assert f"download/{secret.pk}/" not in html
    assert "Foto: öffentlich" in html
    assert client.get(f"{DE}download/{secret.pk}/").status_code == 404
    assert client.get(f"{DE}download/{public.pk}/").status_code == 200
    assert "Vertraulich" not in json.dumps(json_ld(client.get(DE).content.decode()))


def test_a_page_without_photos_says_so(client, press_de):
    set_photos(press_de)
    assert "Hier gibt es noch keine Pressefotos." in client.get(DE).content.decode()


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_json_ld_describes_each_photo_with_credit_and_licence(client):
    data = json_ld(client.get(DE).content.decode())
    assert data["@type"] == "CollectionPage" and data["inLanguage"] == "de"
    photos = data["image"]
    assert len(photos) == 4
    first = photos[0]
    assert first["@type"] == "ImageObject"
    assert first["creditText"] == CREDIT and first["copyrightNotice"] == CREDIT
    assert first["license"] == "http://testserver/de/presse/"  # the terms are on the page
    assert first["contentUrl"].startswith("http://testserver/de/presse/download/")
    assert first["encodingFormat"] == "image/jpeg"
    assert photos[1]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert json_ld(client.get(EN).content.decode())["image"][0]["caption"].startswith("Venue")


def test_image_form_offers_the_licence_with_help_text(admin_client):
    image = demo_photo()
    html = admin_client.get(f"/admin/images/{image.pk}/").content.decode()
    assert 'name="licence"' in html and 'name="licence_note"' in html
    assert "such images should not be offered to the press" in html or "nicht der Presse" in html
    for value, _label in Licence.choices:
        assert f'value="{value}"' in html


def test_changing_an_images_credit_updates_the_press_page(client, any_cache):  # noqa: F811
    html = warm(client, DE)
    assert CREDIT in html
    image = demo_photo()
    image.credit = "Foto: Neue Fotografin (Demo)"
    image.licence = Licence.ALL_RIGHTS_RESERVED
    image.save()
    html = fresh(client, DE)
    assert "Foto: Neue Fotografin (Demo)" in html and CREDIT not in html
    assert "Alle Rechte vorbehalten" in html


def test_restricting_a_collection_removes_its_photos_from_the_cached_page(
    client,
    any_cache,  # noqa: F811
):
    assert CREDIT in warm(client, DE)
    root = Collection.get_first_root_node()
    CollectionViewRestriction.objects.create(
        collection=root, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    html = fresh(client, DE)
    assert CREDIT not in html and "Hier gibt es noch keine Pressefotos." in html
