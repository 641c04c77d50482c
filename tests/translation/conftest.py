"""Users in the portal's roles, each with a logged-in client."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from home.translation.roles import setup_roles


def _member(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.set(Group.objects.filter(name__in=groups))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def roles(db):
    return setup_roles()


@pytest.fixture
def editor(roles, django_user_model):
    return _member(django_user_model, "redaktion", "Redaktion")


@pytest.fixture
def translator(roles, django_user_model):
    return _member(django_user_model, "uebersetzung", "Übersetzung EN")


@pytest.fixture
def reviewer(roles, django_user_model):
    return _member(django_user_model, "freigabe", "Freigabe EN")


@pytest.fixture
def default_editor(roles, django_user_model):
    return _member(django_user_model, "wagtail-editor", "Editors", "Moderators")
