"""The home page gets every rendition it shows (hero, body images, teaser cards) from one
database query, and neither reads nor rewrites them in the rendition cache on each view.

Wagtail writes renditions it found in the cache back to the cache (only prefetched ones are
marked as already cached), so an image left to the cache cost a read and a write of all
its renditions per view: in production, round trips to Redis."""

import json

import pytest
from django.test import override_settings
from django.utils import timezone

from home.images.renditions import POSTER_SPEC, SHARE_SPEC, picture_specs
from home.models import CustomImage
from news.models import NewsIndexPage
from tests.factories.images import ImageFactory
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


class CacheSpy:
    """The rendition cache, recording which calls reach it."""

    def __init__(self, cache):
        self.cache = cache
        self.calls = []

    def __getattr__(self, name):
        method = getattr(self.cache, name)

        def recorded(*args, **kwargs):
            self.calls.append((name, args))
            return method(*args, **kwargs)

        return recorded


@pytest.fixture
def home_with_images(home_de):
    news_index = NewsIndexPage.objects.get(slug="aktuelles")
    with override_settings(PORTAL_PREGENERATE_RENDITIONS=True):
        hero = ImageFactory()
        body_image = ImageFactory()
        hero.get_renditions(*picture_specs(True), SHARE_SPEC, *picture_specs(False))
        body_image.get_renditions(*picture_specs(False))
        # The hero shows again as a teaser card: the same image in two roles.
        NewsPageFactory(
            parent=news_index, hero_image=hero, date=timezone.localdate()
        ).save_revision().publish()
    home_de.hero_image = hero
    home_de.hero_alt = "Tagebau-See im Morgenlicht"
    home_de.body = json.dumps(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": body_image.pk, "alt_text": "Ein Feld", "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            }
        ]
    )
    home_de.save_revision().publish()
    return home_de, hero, body_image


def test_home_renditions_come_from_one_query_without_the_rendition_cache(
    client, home_with_images, monkeypatch
):
    home, hero, body_image = home_with_images
    rendition_model = CustomImage.get_rendition_model()
    client.get(home.url)  # the site chrome and routing caches are warm from here on
    spy = CacheSpy(rendition_model.cache_backend)
    monkeypatch.setattr(rendition_model, "cache_backend", spy)

    response = client.get(home.url)
    assert response.context is not None, "served from the page cache, not rendered"
    html = response.content.decode()

    reads = [name for name, _args in spy.calls if name.startswith("get")]
    bulk_writes = [name for name, _args in spy.calls if name == "set_many"]
    assert reads == [] and bulk_writes == []
    # Wagtail's {% image %} (the og:image, the DGS film's poster) stores its one rendition on
    # every call, found or not.
    single_writes = [args[0] for name, args in spy.calls if name == "set"]
    assert len(single_writes) <= 2
    assert all(SHARE_SPEC in key or POSTER_SPEC in key for key in single_writes)

    hero_webp = hero.renditions.get(filter_spec=picture_specs(True)[0])
    body_webp = body_image.renditions.get(filter_spec=picture_specs(False)[0])
    card_webp = hero.renditions.get(filter_spec=picture_specs(False)[0])
    for rendition in (hero_webp, body_webp, card_webp):
        assert rendition.url in html, rendition.filter_spec
    assert 'alt="Ein Feld"' in html and 'alt="Tagebau-See im Morgenlicht"' in html


def test_an_image_without_its_renditions_still_gets_them_once(client, home_with_images):
    """Prefetched renditions are taken as complete; what is missing is made and kept."""
    home, _hero, body_image = home_with_images
    body_image.renditions.all().delete()
    assert client.get(home.url).status_code == 200
    assert set(body_image.renditions.values_list("filter_spec", flat=True)) == set(
        picture_specs(False)
    )
    made = body_image.renditions.count()
    client.get(home.url)
    assert body_image.renditions.count() == made
