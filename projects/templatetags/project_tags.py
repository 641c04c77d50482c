"""Template filters and tags of the project pages."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from projects.map import project_map as build_project_map

register = template.Library()


@register.filter
def euros(amount) -> str:
    """An amount in whole euros, grouped as the reader's language writes numbers:
    "1.250.000 €" in German, "€1,250,000" in English."""
    if amount is None or amount == "":
        return ""
    return _("%(amount)s €") % {"amount": floatformat(amount, "0g")}


@register.simple_tag
def project_map(markers, index_url="", filters=None, single=False) -> dict:
    """The drawing of the project map for ``templates/projects/includes/map.html``."""
    return build_project_map(markers or [], index_url=index_url, filters=filters, single=single)
