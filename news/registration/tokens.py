"""Signed links in the registration mails. A confirmation link expires
(``PORTAL_REGISTRATION_CONFIRM_HOURS``); a cancellation link does not (it is useful until the
event, and the registration it names is deleted after it)."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "news.registration.confirm"
CANCEL_SALT = "news.registration.cancel"


class LinkExpired(Exception):
    """The link is genuine but old; ``registration_id`` says whose it was."""

    def __init__(self, registration_id: int):
        super().__init__(registration_id)
        self.registration_id = registration_id


class LinkInvalid(Exception):
    pass


def confirm_token(registration) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(registration.pk))


def cancel_token(registration) -> str:
    return signing.Signer(salt=CANCEL_SALT).sign(str(registration.pk))


def read_confirm_token(token: str) -> int:
    max_age = settings.PORTAL_REGISTRATION_CONFIRM_HOURS * 3600
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        return int(signer.unsign(token, max_age=max_age))
    except signing.SignatureExpired as error:
        raise LinkExpired(int(signer.unsign(token))) from error
    except (signing.BadSignature, ValueError) as error:
        raise LinkInvalid from error


def read_cancel_token(token: str) -> int:
    try:
        return int(signing.Signer(salt=CANCEL_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise LinkInvalid from error
