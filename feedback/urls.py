"""The form's addresses, translated per language (``/de/barriere-melden/``,
``/en/report-a-barrier/``); a language without a translation of the path uses the English
one. Included inside ``i18n_patterns`` in ``portal/urls.py``, before Wagtail's pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from feedback import views

app_name = "feedback"

urlpatterns = [
    path(_("report-a-barrier/"), views.report, name="report"),
    path(_("report-a-barrier/received/"), views.received, name="received"),
]
