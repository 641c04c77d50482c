"""Development settings: DEBUG on, a throwaway key, e-mail on the console."""

import os

from portal.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Partner pages on another local port may frame the embeddable calendar (plain http here).
if "PORTAL_EMBED_FRAME_ANCESTORS" not in os.environ:
    PORTAL_EMBED_FRAME_ANCESTORS = [  # noqa: F405
        *PORTAL_EMBED_FRAME_ANCESTORS,  # noqa: F405
        "http://127.0.0.1:*",
        "http://localhost:*",
    ]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The worker's progress on films (make run shows it beside the dev server's requests).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"home.films": {"handlers": ["console"], "level": "INFO"}},
}
