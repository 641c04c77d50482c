"""Admin basics: the demo admin logs in; the locales admin offers no locale synchronisation."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_demo_admin_can_log_in(client, settings):
    settings.DEBUG = True
    call_command("create_demo_admin", verbosity=0)
    call_command("create_demo_admin", verbosity=0)  # idempotent
    assert get_user_model().objects.filter(username="admin").count() == 1
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "lausitz-demo"}, follow=True
    )
    assert response.status_code == 200
    assert response.context["user"].is_authenticated
    assert response.redirect_chain[-1][0] == "/admin/"


def test_demo_role_users_work_in_their_roles_language(client, settings):
    """The translator's admin is English: the dashboard answers in English without any
    Accept-Language, the editor's in German."""
    settings.DEBUG = True
    call_command("create_demo_admin", verbosity=0)
    call_command("create_demo_admin", verbosity=0)  # idempotent
    for username, html_lang in [("uebersetzung-en", "en"), ("redaktion", "de")]:
        client.logout()
        client.post("/admin/login/", {"username": username, "password": "lausitz-demo"})
        response = client.get("/admin/")
        assert response.status_code == 200, username
        assert f'<html lang="{html_lang}"' in response.content.decode(), username
    translator = get_user_model().objects.get(username="uebersetzung-en")
    assert list(translator.groups.values_list("name", flat=True)) == ["Übersetzung EN"]


def test_demo_admin_refuses_without_debug():
    assert not settings.DEBUG
    with pytest.raises(CommandError):
        call_command("create_demo_admin")


def test_locales_admin_offers_no_synchronisation(admin_client):
    assert "wagtail.locales" in settings.INSTALLED_APPS
    assert "wagtail_localize.locales" not in settings.INSTALLED_APPS
    english = Locale.objects.get(language_code="en")
    response = admin_client.get(f"/admin/locales/edit/{english.pk}/")
    assert response.status_code == 200
    html = response.content.decode().lower()
    assert 'name="language_code"' in html
    for marker in ("sync", "synchron"):
        assert marker not in html
