"""The registration mail through a real SMTP conversation: Django's smtp backend talks to a
local aiosmtpd server on a free port, and the message arrives with its confirmation link."""

import email
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from news.models import EventRegistration
from tests.news.registration_helpers import make_event, register

pytestmark = pytest.mark.django_db


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "veranstaltungen@example.org"
    yield inbox
    controller.stop()


def test_confirmation_mail_arrives_at_a_real_smtp_server(
    smtp_server, django_capture_on_commit_callbacks
):
    event = make_event(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = register(event, "de", email="smtp@example.org")
    assert response.status_code == 302
    assert EventRegistration.objects.get().email == "smtp@example.org"
    [message] = smtp_server.messages
    assert message["To"] == "smtp@example.org"
    assert message["From"] == "veranstaltungen@example.org"
    subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
    assert subject.startswith("Bitte bestätigen Sie Ihre Anmeldung")
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert "/de/anmeldung/bestaetigen/" in body
