"""Registration addresses, translated per language (``/de/anmeldung/12/``,
``/en/registration/12/``). Included inside ``i18n_patterns`` in ``portal/urls.py``, before
Wagtail's pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from news.registration import views

app_name = "news_registration"

urlpatterns = [
    path(_("registration/<int:event_id>/"), views.register, name="register"),
    path(_("registration/<int:event_id>/sent/"), views.sent, name="sent"),
    path(_("registration/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("registration/cancel/<str:token>/"), views.cancel, name="cancel"),
]
