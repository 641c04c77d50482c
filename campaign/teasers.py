"""The campaign's teaser on the home page: its claim and first films, in the home page's
language, in a fixed number of queries."""

from home.i18n import public

from .models import CampaignPage


def campaign_teaser_items(request, home_page):
    campaign = public(CampaignPage.objects.live().child_of(home_page)).order_by("path").first()
    if campaign is None:
        return None
    return {"campaign": campaign, "film_pages": list(campaign.film_pages()[:3])}
