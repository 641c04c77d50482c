"""Template filters of the project pages."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def euros(amount) -> str:
    """An amount in whole euros, grouped as the reader's language writes numbers:
    "1.250.000 €" in German, "€1,250,000" in English."""
    if amount is None or amount == "":
        return ""
    return _("%(amount)s €") % {"amount": floatformat(amount, "0g")}
