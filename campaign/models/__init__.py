from campaign.models.pages import CampaignPage, FilmPage, FilmPageRelatedPage

__all__ = ["CampaignPage", "FilmPage", "FilmPageRelatedPage"]
