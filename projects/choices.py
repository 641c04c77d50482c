"""The fixed vocabularies of a project: where it is (``home.regions.District``, shared with
events) and how far it has come.

Values are stable ASCII slugs: they appear in filter addresses (``?district=spree-neisse``)
and in the open-data exports, in every language; the labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.regions import District

__all__ = ["District", "ProjectStatus"]


class ProjectStatus(models.TextChoices):
    """From the first idea to the finished project, in that order."""

    IDEA = "idea", _("Idea")
    PLANNING = "planning", _("Planning")
    FUNDED = "funded", _("Funded")
    UNDER_CONSTRUCTION = "under-construction", _("Under construction")
    COMPLETED = "completed", _("Completed")
