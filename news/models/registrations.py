"""Registrations for an event on the site itself (issue 29).

A registration belongs to the German event (the one whose facts every translation copies),
so the English and German forms share the same places. Places are numbered 1..capacity:
``(event, place)`` is unique, so even a bug in the locking could never give one place twice
(the database refuses the second). The waiting list is ordered by the moment of
confirmation.

One address holds at most one registration per event that is not cancelled (any case of
its letters): registering again sends that registration's links once more instead of taking
a second place (``news.registration.views``), and the constraint holds even when both forms
arrive at the same moment.
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("not yet confirmed")
    CONFIRMED = "confirmed", _("place confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class EventRegistration(models.Model):
    event = models.ForeignKey(
        "news.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    place = models.PositiveIntegerField(_("place"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        permissions = [("export_registrations", _("Can export the registrations of events"))]
        constraints = [
            models.UniqueConstraint(fields=["event", "place"], name="news_registration_one_place"),
            models.CheckConstraint(
                condition=models.Q(place__isnull=True) | models.Q(status="confirmed"),
                name="news_registration_place_only_when_confirmed",
            ),
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~models.Q(status="cancelled"),
                name="news_registration_one_per_address",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "confirmed_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


def places_taken(event) -> int:
    """Confirmed places of ``event`` (the German event holds the registrations): what its
    number of places may not go below (``EventPage.clean``)."""
    if event.pk is None:
        return 0
    return EventRegistration.objects.filter(
        event_id=event.pk, status=RegistrationStatus.CONFIRMED
    ).count()


def capacity_errors(event) -> dict:
    """The number of places may not go below the places already confirmed: those people
    were promised a place. Cancel registrations in the admin first (the waiting list moves
    up only when places are freed, never the other way)."""
    if event.capacity is None or not event.registration_on_site:
        return {}
    taken = places_taken(event)
    if event.capacity >= taken:
        return {}
    message = ngettext(
        "%(taken)d place is already confirmed: the number of places cannot be lower. "
        "Cancel registrations under “Event registrations” first.",
        "%(taken)d places are already confirmed: the number of places cannot be lower. "
        "Cancel registrations under “Event registrations” first.",
        taken,
    ) % {"taken": taken}
    return {"capacity": message}
