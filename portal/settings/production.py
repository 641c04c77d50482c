"""Production settings: refuse to start without a secret key and allowed hosts."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS if h != "*"]
# Origins besides https://<allowed host>, e.g. the plain-HTTP local stack of `make prod`.
CSRF_TRUSTED_ORIGINS += [
    origin.strip()
    for origin in os.environ.get("PORTAL_EXTRA_CSRF_ORIGINS", "").split(",")
    if origin.strip()
]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# TLS is terminated by the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# The front server (deploy/nginx/portal.conf) serves /static/ and /media/ itself. Documents
# keep Wagtail's privacy checks: Django answers with X-Accel-Redirect and nginx sends the
# file from its internal /protected-documents/ location. PORTAL_FRONT_SERVER=none streams
# them from Python instead (a set-up without nginx, e.g. bench/load.sh).
PORTAL_FRONT_SERVER = os.environ.get("PORTAL_FRONT_SERVER", "nginx")
if PORTAL_FRONT_SERVER == "nginx":
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(Path(MEDIA_ROOT) / "documents")  # noqa: F405
    SENDFILE_URL = "/protected-documents"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
