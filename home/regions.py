"""The districts of the Brandenburg Lausitz: where projects and events take place.

In ``home`` because two feature apps use it (projects, events) and may not import each
other. Values are stable ASCII slugs (``?district=spree-neisse`` in listings, the events
API and the open data); the labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.TextChoices):
    """The five districts of the Brandenburg Lausitz (Cottbus is a kreisfreie Stadt)."""

    COTTBUS = "cottbus", _("Cottbus (independent city)")
    DAHME_SPREEWALD = "dahme-spreewald", _("Dahme-Spreewald")
    ELBE_ELSTER = "elbe-elster", _("Elbe-Elster")
    OBERSPREEWALD_LAUSITZ = "oberspreewald-lausitz", _("Oberspreewald-Lausitz")
    SPREE_NEISSE = "spree-neisse", _("Spree-Neiße")
