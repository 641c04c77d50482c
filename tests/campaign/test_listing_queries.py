"""The campaign grid and the home teaser load their films in a fixed number of queries: the
exact count with one film equals the count with ten fully loaded films (poster, topics,
English translation)."""

import pytest

from campaign.models import CampaignPage
from home.models import HomePage
from tests.factories.campaign import CampaignPageFactory, FilmPageFactory
from tests.helpers import count_queries, translate_with_localize

pytestmark = pytest.mark.django_db


def add_film_page(campaign, index):
    page = FilmPageFactory(
        parent=campaign, title=f"Film {index}", slug=f"film-{index}", film__title=f"Film {index}"
    )
    page.save_revision().publish()
    translate_with_localize(page.film)
    translate_with_localize(page)
    return page


def test_campaign_grid_and_home_teaser_queries_do_not_grow_with_films(client, german):
    home = HomePage.objects.get(locale=german, depth=2)
    campaign = CampaignPageFactory(parent=home, title="Testkampagne", slug="testkampagne")
    campaign.save_revision().publish()
    # The home teaser shows the first live campaign: take the demo campaign out of the way.
    CampaignPage.objects.filter(slug="krasse-gegend", locale=german).update(live=False)
    add_film_page(campaign, 0)
    one = count_queries(client, "/de/testkampagne/")[0]
    home_one = count_queries(client, "/de/")[0]
    for index in range(1, 10):
        add_film_page(campaign, index)
    ten = count_queries(client, "/de/testkampagne/")[0]
    home_ten = count_queries(client, "/de/")[0]
    assert len(campaign.film_pages()) == 10
    assert "Film 9" in client.get("/de/testkampagne/").content.decode()
    assert one == ten, f"campaign page: {one} queries with one film, {ten} with ten"
    assert home_one == home_ten, f"home page: {home_one} queries with one film, {home_ten} with ten"
    assert ten <= 15 and home_ten <= 15
