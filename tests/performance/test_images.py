"""Images: AVIF with a WebP fallback, explicit size, lazy below the fold, the hero fetched
first; every rendition made at upload time, none on a visit."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.test import override_settings
from PIL import Image

from home.images.renditions import all_specs
from home.models import CustomImage, StandardPage

pytestmark = pytest.mark.django_db
AVIF_AND_WEBP = override_settings(
    PORTAL_IMAGE_FORMATS=("avif", "webp"), PORTAL_PREGENERATE_RENDITIONS=True
)


def upload(django_capture_on_commit_callbacks, size=(1700, 1000)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 90)).save(buffer, "JPEG")
    with django_capture_on_commit_callbacks(execute=True):
        return CustomImage.objects.create(
            title="Testbild", description="Ein grünes Feld", file=ImageFile(buffer, "feld.jpg")
        )


@AVIF_AND_WEBP
def test_an_upload_gets_every_rendition_the_templates_use(django_capture_on_commit_callbacks):
    image = upload(django_capture_on_commit_callbacks)
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(all_specs())
    assert any("format-avif" in spec for spec in made)


@AVIF_AND_WEBP
def test_page_with_hero_serves_avif_and_webp_and_makes_no_rendition(
    client, home_de, django_capture_on_commit_callbacks
):
    image = upload(django_capture_on_commit_callbacks)
    page = StandardPage(
        title="Bilderseite", slug="bilderseite", hero_image=image, hero_alt="Ein grünes Feld"
    )
    home_de.add_child(instance=page)
    page.save_revision().publish()
    renditions_before = image.renditions.count()
    html = client.get(page.get_url()).content.decode()
    assert image.renditions.count() == renditions_before, "a visit made a rendition"

    picture = re.search(r'<picture><source[^>]*type="image/avif"[^>]*>(<img[^>]*>)</picture>', html)
    assert picture, "hero without an AVIF <source>"
    img = picture.group(1)
    for attribute in ('fetchpriority="high"', 'width="640"', "height=", "srcset=", "sizes="):
        assert attribute in img
    assert ".webp" in img and 'loading="lazy"' not in img
    assert 'alt="Ein grünes Feld"' in img


def test_images_below_the_fold_are_lazy_with_size_and_decorative_alt(client):
    html = client.get("/de/").content.decode()
    imgs = re.findall(r"<img[^>]*>", html)
    hero, rest = imgs[0], imgs[1:]
    assert 'fetchpriority="high"' in hero and "loading=" not in hero
    assert rest, "the demo home page shows cards with images"
    for img in rest:
        assert 'loading="lazy"' in img and "width=" in img and "height=" in img
        assert "alt=" in img
    assert any('alt=""' in img for img in rest), 'card images are decorative (alt="")'


def test_home_teaser_cards_get_their_renditions_in_one_query(client, home_de):
    """News, event and film cards on the home page: one rendition query for all of them and
    the body's images, one for the hero (rendered on every view, outside the cached
    fragments) and one for the DGS film's poster (a fragment of its own), each with only the
    sizes it shows (not every rendition of the image)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/de/")  # the test settings make renditions on first use, not on upload
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/de/").content.decode()
    rendition_queries = [q["sql"] for q in queries if "customrendition" in q["sql"]]
    assert len(rendition_queries) == 3
    groups = re.findall(
        r'"filter_spec" IN \(([^)]*)\) AND "home_customrendition"."image_id" IN \(([^)]*)\)',
        " ".join(rendition_queries),
    )
    hero_groups = [ids for specs, ids in groups if "width-1600" in specs]
    assert hero_groups == [str(home_de.hero_image_id)]
    assert any("width-480" in specs and len(ids.split(",")) >= 6 for specs, ids in groups)
    # Three articles, three events and the film posters, each a <picture>.
    assert html.count('class="card__image"') >= 6
    assert html.count('<li class="film-tile">') >= 1
