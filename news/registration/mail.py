"""Mails to the person registering, in the language they registered in. Each carries the
link to cancel; the first one the link to confirm. Links are absolute, built from the
address the visitor used (``base_url``)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from news.models import RegistrationStatus
from news.registration.tokens import cancel_token, confirm_token


def site_base_url(request) -> str:
    """The address the visitor (or organiser) used, for the absolute links in the mails."""
    return request.build_absolute_uri("/").rstrip("/")


def _url(base_url: str, name: str, token: str) -> str:
    return base_url.rstrip("/") + reverse(name, args=[token])


def _send(registration, base_url: str, subject: str, template: str, with_confirm=False) -> None:
    with translation.override(registration.language):
        context = {}
        if with_confirm:
            token = confirm_token(registration)
            context["confirm_url"] = _url(base_url, "news_registration:confirm", token)
        context.update(
            registration=registration,
            event=registration.event.localized,
            cancel_url=_url(base_url, "news_registration:cancel", cancel_token(registration)),
            confirm_hours=settings.PORTAL_REGISTRATION_CONFIRM_HOURS,
        )
        body = render_to_string(template, context)
        send_mail(
            f"{subject}: {context['event'].title}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [registration.email],
        )


def send_confirmation_request(registration, base_url: str) -> None:
    with translation.override(registration.language):
        subject = _("Please confirm your registration")
    _send(
        registration,
        base_url,
        subject,
        "news/registration/mail/confirm.txt",
        with_confirm=True,
    )


def send_outcome(registration, base_url: str) -> None:
    """After confirming: a place, or the waiting list."""
    with translation.override(registration.language):
        if registration.status == RegistrationStatus.CONFIRMED:
            subject = _("Your place is confirmed")
        else:
            subject = _("You are on the waiting list")
    _send(registration, base_url, subject, "news/registration/mail/outcome.txt")


def send_moved_up(registration, base_url: str) -> None:
    with translation.override(registration.language):
        subject = _("A place has become free for you")
    _send(registration, base_url, subject, "news/registration/mail/moved_up.txt")


def send_already_registered(registration, base_url: str) -> None:
    """Someone registered again with this address: its registration as it stands, with its
    links (a new confirmation link while it is unconfirmed), and no second place."""
    with translation.override(registration.language):
        subject = _("Your registration")
    _send(
        registration,
        base_url,
        subject,
        "news/registration/mail/again.txt",
        with_confirm=registration.status == RegistrationStatus.PENDING,
    )


def send_cancelled_by_organiser(registration, base_url: str) -> None:
    """An organiser cancelled in the admin (the person asked them to): say so, so nobody
    travels to an event they no longer have a place at."""
    with translation.override(registration.language):
        subject = _("Your registration is cancelled")
    _send(registration, base_url, subject, "news/registration/mail/cancelled_by_organiser.txt")
