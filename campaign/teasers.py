"""The campaign's teaser on the home page: its claim and first films, in the home page's
language, in a fixed number of queries."""

from campaign.models import CampaignPage
from home.i18n import public
from home.listings.cards import for_cards


def campaign_teaser_items(request, home_page):
    campaign = for_cards(
        public(CampaignPage.objects.live().child_of(home_page)).order_by("path")
    ).first()
    if campaign is None:
        return None
    film_pages = list(campaign.film_pages(renditions=False)[:3])
    posters = [page.film.poster for page in film_pages if page.film.poster_id]
    return {"campaign": campaign, "film_pages": film_pages, "images": posters}
