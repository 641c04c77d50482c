from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    """Plugs into ``home`` through ``home.registry``: a home-page teaser and a demo loader
    (``home`` never imports this app)."""

    name = "campaign"
    verbose_name = _("Campaign “Die Lausitz. Krasse Gegend.”")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once
        # Django has loaded every app.
        from campaign.demo.loader import load_campaign_demo
        from campaign.demo.polish import load_polish_campaign_demo
        from campaign.teasers import campaign_teaser_items
        from home import registry

        # Before news (20): the press release embeds the campaign film.
        registry.register_demo_loader("campaign", load_campaign_demo, order=15)
        registry.register_demo_loader("campaign-pl", load_polish_campaign_demo, order=16)
        registry.register_home_teaser(
            "campaign", "campaign/home_teaser.html", campaign_teaser_items, order=30
        )
