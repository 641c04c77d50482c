"""The registration mails, sent by the task worker (``PORTAL_TASKS``) as the barrier report
mail is: a slow or failing mail server neither delays the visitor nor undoes the
registration, the place or the cancellation already stored."""

from django.db import transaction
from django_tasks import task

from news.models import EventRegistration
from news.registration import mail

SENDERS = {
    "confirm": mail.send_confirmation_request,
    "outcome": mail.send_outcome,
    "moved_up": mail.send_moved_up,
    "again": mail.send_already_registered,
    "cancelled_by_organiser": mail.send_cancelled_by_organiser,
}


@task()
def send_registration_mail(registration_id: int, kind: str, base_url: str) -> bool:
    registration = EventRegistration.objects.filter(pk=registration_id).first()
    if registration is None:  # deleted before the worker got to it
        return False
    SENDERS[kind](registration, base_url)
    return True


def send_later(registration, kind: str, base_url: str) -> None:
    """Queue the mail once the current transaction has committed."""
    transaction.on_commit(lambda: send_registration_mail.enqueue(registration.pk, kind, base_url))
