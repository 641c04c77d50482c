"""Places and the waiting list, decided under a lock on the event's row.

Every change of who holds a place (a confirmation, a cancellation and the move up it
causes) runs in one transaction that first locks the event's row (``SELECT … FOR UPDATE``):
confirmations of one event wait for each other, so two never count the same free place. On
SQLite the lock is a no-op, but SQLite writes one transaction at a time anyway. The unique
``(event, place)`` constraint is the backstop.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from news.models import EventPage, EventRegistration, RegistrationStatus
from news.models.registrations import places_taken


def registration_event(page: EventPage) -> EventPage:
    """The German event (its facts are every translation's): registrations from every
    language share its places."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = EventPage.objects.filter(
        translation_key=page.translation_key, locale_id=default.pk
    ).first()
    return source or page


@dataclass
class Outcome:
    registration: EventRegistration
    changed: bool  # False: the link had been used before (nothing happened now)
    moved_up: list = field(default_factory=list)  # registrations given a place now


def _lock_event(event_id: int) -> EventPage:
    return EventPage.objects.select_for_update(of=("self",)).only("pk", "capacity").get(pk=event_id)


def _free_place(event: EventPage) -> int | None:
    """The lowest free place number, or None when every place is taken."""
    taken = set(
        EventRegistration.objects.filter(
            event_id=event.pk, status=RegistrationStatus.CONFIRMED
        ).values_list("place", flat=True)
    )
    if event.capacity is None:
        return max(taken, default=0) + 1
    return next((n for n in range(1, event.capacity + 1) if n not in taken), None)


def places_left(event: EventPage) -> int | None:
    """Free places of ``event`` (its German version holds the registrations) as the form
    shows them: None without a limit, 0 when newcomers go on the waiting list. One query; a
    hint only, the lock in ``confirm`` decides."""
    source = registration_event(event)
    if source.capacity is None:
        return None
    return max(source.capacity - places_taken(source), 0)


def active_registration(event: EventPage, email: str) -> EventRegistration | None:
    """The registration of ``email`` for ``event`` that is not cancelled, in any case of its
    letters (the database allows one)."""
    return (
        EventRegistration.objects.filter(event=event, email__iexact=email)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def confirm(registration_id: int) -> Outcome:
    """A pending registration gets a place, or a place on the waiting list when none is
    free. Confirming again changes nothing."""
    with transaction.atomic():
        event_id = EventRegistration.objects.values_list("event_id", flat=True).get(
            pk=registration_id
        )
        event = _lock_event(event_id)
        registration = EventRegistration.objects.select_for_update().get(pk=registration_id)
        if registration.status != RegistrationStatus.PENDING:
            return Outcome(registration, changed=False)
        registration.confirmed_at = timezone.now()
        place = _free_place(event)
        if place is None:
            registration.status = RegistrationStatus.WAITING
        else:
            registration.status = RegistrationStatus.CONFIRMED
            registration.place = place
        registration.save(update_fields=["status", "place", "confirmed_at"])
        return Outcome(registration, changed=True)


def cancel(registration_id: int) -> Outcome:
    """Cancel; a place freed goes to the first on the waiting list (by confirmation)."""
    with transaction.atomic():
        event_id = EventRegistration.objects.values_list("event_id", flat=True).get(
            pk=registration_id
        )
        event = _lock_event(event_id)
        registration = EventRegistration.objects.select_for_update().get(pk=registration_id)
        if registration.status == RegistrationStatus.CANCELLED:
            return Outcome(registration, changed=False)
        held_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.place = None
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "place", "cancelled_at"])
        moved_up = _move_up(event) if held_place else []
        return Outcome(registration, changed=True, moved_up=moved_up)


def _move_up(event: EventPage) -> list:
    moved = []
    waiting = EventRegistration.objects.filter(
        event_id=event.pk, status=RegistrationStatus.WAITING
    ).order_by("confirmed_at", "pk")
    for candidate in waiting.select_for_update():
        place = _free_place(event)
        if place is None:
            break
        candidate.status = RegistrationStatus.CONFIRMED
        candidate.place = place
        candidate.save(update_fields=["status", "place"])
        moved.append(candidate)
    return moved
