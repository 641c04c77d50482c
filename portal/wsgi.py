"""WSGI entry point. Defaults to production settings, never dev settings by accident."""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from portal.storage.checks import TAG

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()


def _refuse_a_broken_media_store() -> None:
    """gunicorn runs no system checks of its own: a wrong bucket name or credentials would
    show only at the first upload. Check the store here, so the server does not start."""
    errors = [e for e in checks.run_checks(tags=[TAG]) if e.is_serious()]
    if errors:
        raise ImproperlyConfigured("\n".join(f"{e.msg} {e.hint or ''}".strip() for e in errors))


_refuse_a_broken_media_store()
