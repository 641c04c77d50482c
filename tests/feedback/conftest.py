"""Fixtures of the feedback tests: the form's addresses and a client that knows its token."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation


def form_url(language: str = "de") -> str:
    with translation.override(language):
        return reverse("feedback:report")


def received_url(language: str = "de") -> str:
    with translation.override(language):
        return reverse("feedback:received")


VALID = {
    "message": "Der Knopf „Absenden“ im Suchfeld ist mit der Tastatur nicht erreichbar.",
    "page_address": "/de/suche/",
    "name": "Erika Beispiel",
    "email": "erika@example.org",
    "website": "",
}


@pytest.fixture
def visitor():
    """A browser-like client that sends the CSRF cookie and token, as a real visitor does
    after opening the form (``enforce_csrf_checks``: the check is part of what is tested)."""
    return Client(enforce_csrf_checks=True)


def post_report(client, data=None, language="de", **extra):
    """Open the form (it sets the CSRF cookie), then send ``data`` with its token."""
    page = client.get(form_url(language))
    token = page.context["csrf_token"]
    return client.post(
        form_url(language), {**VALID, **(data or {}), "csrfmiddlewaretoken": token}, **extra
    )
