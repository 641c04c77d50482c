"""The fixed vocabularies of a project: where it is and how far it has come.

Values are stable ASCII slugs: they appear in filter addresses (``?district=spree-neisse``)
and in the open-data exports, in every language; the labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.TextChoices):
    """The five districts of the Brandenburg Lausitz (Cottbus is a kreisfreie Stadt)."""

    COTTBUS = "cottbus", _("Cottbus (independent city)")
    DAHME_SPREEWALD = "dahme-spreewald", _("Dahme-Spreewald")
    ELBE_ELSTER = "elbe-elster", _("Elbe-Elster")
    OBERSPREEWALD_LAUSITZ = "oberspreewald-lausitz", _("Oberspreewald-Lausitz")
    SPREE_NEISSE = "spree-neisse", _("Spree-Neiße")


class ProjectStatus(models.TextChoices):
    """From the first idea to the finished project, in that order."""

    IDEA = "idea", _("Idea")
    PLANNING = "planning", _("Planning")
    FUNDED = "funded", _("Funded")
    UNDER_CONSTRUCTION = "under-construction", _("Under construction")
    COMPLETED = "completed", _("Completed")
