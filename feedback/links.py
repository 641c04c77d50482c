"""The link to the form that the footer (every page) and the accessibility statement show."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from home.registry import LinkTarget


def report_link(request) -> LinkTarget:
    """ "Report a barrier" in the active language, carrying the current page's path
    (``?page=``) so the form can fill in the address; none on the form itself."""
    url = reverse("feedback:report")
    path = getattr(request, "path", "") if request is not None else ""
    if path and path not in (url, reverse("feedback:received")):
        url += "?" + urlencode({"page": path})
    return LinkTarget(label=_("Report a barrier"), url=url)
