"""The campaign grid and the home teaser load their films in a fixed number of queries: the
exact count with one film equals the count with ten fully loaded films (poster, topics,
English translation)."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from campaign.models import CampaignPage, FilmPage
from home.models import CustomImage, Film, FilmSource, HomePage, Topic
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def small_image(index):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 180), (index * 20 % 255, 80, 120)).save(buffer, "JPEG")
    return CustomImage.objects.create(
        title=f"Poster {index}",
        description=f"Poster {index}",
        file=ImageFile(buffer, f"p{index}.jpg"),
    )


def add_film_page(campaign, index, german):
    film = Film(
        locale=german,
        title=f"Film {index}",
        description="Ein Testfilm.",
        duration=30,
        transcript="Text.",
        poster=small_image(index),
        host_captions_confirmed=True,
    )
    film.sources = [FilmSource(language="de", external_url=f"https://vimeo.com/{index + 1}")]
    film.save()
    film.save_revision().publish()
    page = FilmPage(title=f"Film {index}", slug=f"film-{index}", film=film, intro="Kurz.")
    page.topics = list(Topic.objects.filter(locale=german)[:2])
    campaign.add_child(instance=page)
    page.save_revision().publish()
    translate_with_localize(film)
    translate_with_localize(page)
    return page


def count_queries(client, url):
    client.get(url)  # renditions are created on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_campaign_grid_and_home_teaser_queries_do_not_grow_with_films(client, german):
    home = HomePage.objects.get(locale=german, depth=2)
    campaign = CampaignPage(title="Testkampagne", slug="testkampagne", claim="Test")
    home.add_child(instance=campaign)
    campaign.save_revision().publish()
    # The home teaser shows the first live campaign: take the demo campaign out of the way.
    CampaignPage.objects.filter(slug="krasse-gegend", locale=german).update(live=False)
    add_film_page(campaign, 0, german)
    one = count_queries(client, "/de/testkampagne/")
    home_one = count_queries(client, "/de/")
    for index in range(1, 10):
        add_film_page(campaign, index, german)
    ten = count_queries(client, "/de/testkampagne/")
    home_ten = count_queries(client, "/de/")
    assert len(campaign.film_pages()) == 10
    assert "Film 9" in client.get("/de/testkampagne/").content.decode()
    assert one == ten, f"campaign page: {one} queries with one film, {ten} with ten"
    assert home_one == home_ten, f"home page: {home_one} queries with one film, {home_ten} with ten"
    assert ten <= 15 and home_ten <= 15
