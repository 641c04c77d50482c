"""The bare Django reference of the benchmarks: one view with a constant 3 KB page and only
the Security and Common middleware; no database, no templates, no sessions. Benchmarks
report the portal's figures as a ratio to this project's, measured in the same run, so
that they do not depend on how fast the shared machine happens to be that day."""

SECRET_KEY = "bench-only"  # never deployed: it serves one constant page on 127.0.0.1
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.bare.urls"
INSTALLED_APPS = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES = {}
USE_TZ = True
