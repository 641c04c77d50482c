from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign “Die Lausitz. Krasse Gegend.”")
    default_auto_field = "django.db.models.BigAutoField"
