"""Helpers of the registration tests: an event taking registrations, the form's addresses,
a visitor who opens the form (CSRF cookie) and sends it, links read from the mails."""

import datetime
import re
from urllib.parse import urlsplit

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from news.models import EventIndexPage
from tests.factories.events import EventPageFactory

VALID = {
    "name": "Erika Beispiel",
    "email": "erika@example.org",
    "organisation": "Stadtwerke Spremberg",
    "accessibility_needs": "Gebärdensprachdolmetschen",
    "consent": "on",
    "website": "",
}
LINK = re.compile(r"https?://\S+")


def make_event(capacity=None, **fields):
    start = timezone.now() + datetime.timedelta(days=10)
    fields.setdefault("start", start)
    fields.setdefault("end", start + datetime.timedelta(hours=3))
    return EventPageFactory(
        parent=EventIndexPage.objects.get(slug="veranstaltungen"),
        registration_on_site=True,
        capacity=capacity,
        **fields,
    )


def form_url(event, language="de"):
    with translation.override(language):
        return reverse("news_registration:register", args=[event.pk])


def register(event, language="de", client=None, **data):
    client = client or Client(enforce_csrf_checks=True)
    page = client.get(form_url(event, language))
    token = page.context["csrf_token"]
    return client.post(form_url(event, language), {**VALID, **data, "csrfmiddlewaretoken": token})


def links(message) -> list[str]:
    return LINK.findall(message.body)


def confirm_link(message) -> str:
    return next(link for link in links(message) if "/confirm/" in link or "/bestaetigen/" in link)


def cancel_link(message) -> str:
    return next(link for link in links(message) if "/cancel/" in link or "/abmelden/" in link)


def path_of(link: str) -> str:
    return urlsplit(link).path


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]
