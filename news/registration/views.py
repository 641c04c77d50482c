"""The registration form and the pages behind the links of its mails.

Why plain Django views beside the event page and not a route of it: the event page stays
cacheable and sets no cookie (it only links here); these pages render a CSRF token or act
on a personal link, so ``never_cache`` keeps every one of them out of the page cache, the
front server and browsers' caches, as the barrier report form does (``feedback/views.py``).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.chrome.cache import chrome_for
from home.forms import count_submission
from news.models import EventPage, EventRegistration, RegistrationStatus
from news.registration import places
from news.registration.forms import RegistrationForm
from news.registration.mail import site_base_url
from news.registration.tasks import send_later
from news.registration.tokens import (
    LinkExpired,
    LinkInvalid,
    read_cancel_token,
    read_confirm_token,
)
from portal.languages import current_language, path_in_every_language

RATE_GROUP = "news.registration"


def _public_event(event_id: int) -> EventPage:
    """A live, public event in the URL's language (its translation when one is live)."""
    page = get_object_or_404(EventPage.objects.live().public(), pk=event_id)
    return page.localized


def _privacy_page(request):
    chrome = chrome_for(request)
    site_settings = chrome.site_settings if chrome is not None else None
    if site_settings is None or not site_settings.privacy_page_id:
        return None
    return chrome.chosen_page(site_settings.privacy_page_id, current_language())


def _consent_help() -> str:
    days = settings.PORTAL_REGISTRATION_RETENTION_DAYS
    return ngettext(
        "We use your details only to organise this event and delete them %(days)d day after it.",
        "We use your details only to organise this event and delete them %(days)d days after it.",
        days,
    ) % {"days": days}


def _render(request, template, context, status=200):
    context.setdefault("language_urls", path_in_every_language(request))
    return render(request, template, context, status=status)


def _store(page, data) -> tuple[EventRegistration, str]:
    """A new pending registration and the mail it needs ("confirm"), or, when this address
    already holds one for the event, that one and a mail with its links again ("again").
    Both answers look the same on the site: the form tells nobody who else registered."""
    event = places.registration_event(page)
    existing = places.active_registration(event, data["email"])
    if existing is not None:
        return existing, "again"
    try:
        with transaction.atomic():
            registration = EventRegistration.objects.create(
                event=event,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"].strip(),
                accessibility_needs=data["accessibility_needs"],
                language=current_language(),
            )
    except IntegrityError:
        # The same address from a second form at the same moment: the constraint let one in.
        existing = places.active_registration(event, data["email"])
        if existing is None:
            raise
        return existing, "again"
    return registration, "confirm"


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, event_id):
    """GET: the form. POST: a pending registration and the mail with the confirmation link
    (POST/redirect/GET), or the form again with its errors and everything typed."""
    page = _public_event(event_id)
    if not page.registration_on_site:
        raise Http404
    context = {"event": page, "privacy_page": _privacy_page(request)}
    if not page.registration_open():
        return _render(request, "news/registration/closed.html", context)
    context["places_left"] = places.places_left(page)
    sent = HttpResponseRedirect(reverse("news_registration:sent", args=[page.pk]))
    if request.method != "POST":
        context["form"] = RegistrationForm(consent_help=_consent_help())
        return _render(request, "news/registration/form.html", context)
    form = RegistrationForm(request.POST, consent_help=_consent_help())
    if form.is_spam:
        return sent  # a bot: answered like a person, nothing stored or sent
    context["form"] = form
    if not form.is_valid():
        return _render(request, "news/registration/form.html", context)
    # Each registration sends a mail: without a limit the form could flood strangers'
    # mailboxes.
    usage = count_submission(request, RATE_GROUP, settings.PORTAL_REGISTRATION_RATE)
    if usage is not None and usage["should_limit"]:
        context["rate_limited"] = True
        response = _render(request, "news/registration/form.html", context, status=429)
        response["Retry-After"] = str(usage["time_left"])
        return response
    registration, mail_kind = _store(page, form.cleaned_data)
    send_later(registration, mail_kind, site_base_url(request))
    return sent


@never_cache
@require_http_methods(["GET", "HEAD"])
def sent(request, event_id):
    page = _public_event(event_id)
    return _render(
        request,
        "news/registration/sent.html",
        {"event": page, "confirm_hours": settings.PORTAL_REGISTRATION_CONFIRM_HOURS},
    )


def _link_problem(request, kind, status=400):
    return _render(
        request,
        "news/registration/link_problem.html",
        {"kind": kind, "confirm_hours": settings.PORTAL_REGISTRATION_CONFIRM_HOURS},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def confirm(request, token):
    """The link of the first mail: a place or the waiting list, said on the page and in a
    second mail. A link used before says what it did; an old one says how to start again."""
    try:
        registration_id = read_confirm_token(token)
    except LinkExpired as expired:
        # An old link that was used in time still says what it did.
        used = EventRegistration.objects.filter(pk=expired.registration_id).exclude(
            status=RegistrationStatus.PENDING
        )
        if not used.exists():
            return _link_problem(request, "expired", status=410)
        registration_id = expired.registration_id
    except LinkInvalid:
        return _link_problem(request, "invalid")
    try:
        outcome = places.confirm(registration_id)
    except EventRegistration.DoesNotExist:
        return _link_problem(request, "gone", status=410)
    registration = outcome.registration
    if outcome.changed:
        send_later(registration, "outcome", site_base_url(request))
    return _render(
        request,
        "news/registration/confirmed.html",
        {
            "registration": registration,
            "event": registration.event.localized,
            "again": not outcome.changed,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """GET asks (mail programs open links on their own to check them: a GET must not
    cancel); POST cancels, and a freed place goes to the first on the waiting list."""
    try:
        registration_id = read_cancel_token(token)
    except LinkInvalid:
        return _link_problem(request, "invalid")
    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id)
    registration = registration.first()
    if registration is None:
        return _link_problem(request, "gone", status=410)
    context = {"registration": registration, "event": registration.event.localized}
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        outcome = places.cancel(registration.pk)
        for moved in outcome.moved_up:
            send_later(moved, "moved_up", site_base_url(request))
        context.update(registration=outcome.registration, just_cancelled=True)
    return _render(request, "news/registration/cancel.html", context)
