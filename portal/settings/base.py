"""Settings every environment shares.

Nothing insecure lives here: no DEBUG, no default secret key. ``dev`` and ``test`` add
development conveniences, ``production`` demands its secrets from the environment.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False

INSTALLED_APPS = [
    "home",
    "news",
    "projects",
    "campaign",
    "feedback",
    "portal",
    "wagtail_localize",
    # wagtail.locales instead of wagtail_localize.locales: same app label, but without the
    # "synchronise from another locale" option, which creates live alias pages with German
    # text in the English tree.
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    # The project index answers its GeoJSON and CSV on sub-paths ({% routablepageurl %}).
    # Purges a CDN in front on publish; does nothing unless WAGTAILFRONTENDCACHE names one.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Both header middlewares sit above whitenoise so that static files carry them too.
    "portal.security.PermissionsPolicyMiddleware",
    "portal.security.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses public text answers; outside the page cache, whose hits come compressed.
    "portal.caching.compression.PublicGZipMiddleware",
    # ETags and 304s for every answer (after gzip, so the tag is that of the plain body).
    "django.middleware.http.ConditionalGetMiddleware",
    # Cache-Control for browsers, CDNs and nginx; above the page cache, so hits get it too.
    "portal.caching.headers.HttpCachingMiddleware",
    # Below the header middlewares (hits get their headers afresh), above everything that
    # reads the session or the user (anonymous hits never touch them). See portal/caching/pages.py.
    "portal.caching.pages.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Refused admin page actions explain the role instead of "no access" (issue 21).
    "home.translation.refusals.RoleRefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # An unreachable object store during an upload: a 503 that explains, not a 500.
    "portal.storage.errors.StoreUnavailableMiddleware",
    # Last, as django-axes requires: turns a lock-out into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                # Wagtail's project template omits it; templates need LANGUAGE_CODE.
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite file by default (no set-up); DATABASE_URL selects PostgreSQL.
# Connections are kept for a minute (checked before reuse) instead of opened per request:
# opening one, with Django's set-up of the connection, cost a page view about 2 ms, a fifth
# of a short page's time (bench/run.sh). DB_CONN_MAX_AGE=0 opens one per request again.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The task worker writes (film progress) while the site serves: WAL lets readers go on
    # during a write, and a writer waits up to 20 s for the lock instead of failing at 5 s.
    # IMMEDIATE transactions take the write lock when they begin: a deferred transaction
    # that read first and then writes gets "database is locked" at once, without waiting,
    # when another writer got there first (seen: an editor's publish during the autosave).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks (Django's task framework via django-tasks) -----------------------
# Wagtail's own tasks (reference index, focal points, file deletion) and the film pipeline
# (home.films.tasks) are stored in the database and done by a worker process:
# `manage.py db_worker` (make run starts it beside the dev server; deploy/ runs it as a
# service). PORTAL_TASKS=immediate runs them inside the request instead (the test settings'
# default), for a set-up without a worker.
PORTAL_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
PORTAL_TASKS = os.environ.get("PORTAL_TASKS", "database")
TASKS = {"default": {"BACKEND": PORTAL_TASK_BACKENDS[PORTAL_TASKS]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Caches ----------------------------------------------------------------------------
# Redis when REDIS_URL is set (all app servers share the pages and see a publish at once),
# each process's memory otherwise. "pages" holds the full-page cache (portal/caching/pages.py);
# without Redis its generation token lives in a file that every worker on the machine reads.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHE_KEY_PREFIX = os.environ.get("PORTAL_CACHE_KEY_PREFIX", "portal")
# How long a page stays cached at most (it is dropped earlier on any publish, and at the
# next start or end of an event); 0 turns the page cache off.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PORTAL_PAGE_CACHE_SECONDS", "600"))
# Rendered fragments of published content (StreamField bodies, an article's extras), kept
# per generation in the same cache (portal/caching/fragments.py); 0 turns them off.
PORTAL_FRAGMENT_CACHE_SECONDS = int(os.environ.get("PORTAL_FRAGMENT_CACHE_SECONDS", "600"))
# HTTP caching of public pages (portal/caching/headers.py): browsers keep a page for
# PORTAL_HTTP_MAX_AGE seconds, the front server (nginx's micro-cache, a CDN) for
# PORTAL_FRONT_CACHE_SECONDS; both may serve a stale copy while they refresh it, and for a
# day when the app fails. A publish reaches a new visitor within the sum of the first two.
PORTAL_HTTP_MAX_AGE = int(os.environ.get("PORTAL_HTTP_MAX_AGE", "5"))
PORTAL_FRONT_CACHE_SECONDS = int(os.environ.get("PORTAL_FRONT_CACHE_SECONDS", "5"))
PORTAL_HTTP_STALE_SECONDS = int(os.environ.get("PORTAL_HTTP_STALE_SECONDS", "60"))
PORTAL_HTTP_STALE_IF_ERROR_SECONDS = int(
    os.environ.get("PORTAL_HTTP_STALE_IF_ERROR_SECONDS", str(60 * 60 * 24))
)
# Redis going away (a restart under load) must never answer 500: the backend reads an
# unreachable Redis as a miss (portal/caching/resilient_redis.py). Short socket timeouts
# (seconds; redis-py waits 5 s) make a dead Redis cost milliseconds, and after a failure each
# process leaves Redis alone for PORTAL_REDIS_RETRY_SECONDS, answering misses at once.
PORTAL_REDIS_CONNECT_TIMEOUT = float(os.environ.get("PORTAL_REDIS_CONNECT_TIMEOUT", "0.25"))
PORTAL_REDIS_TIMEOUT = float(os.environ.get("PORTAL_REDIS_TIMEOUT", "0.5"))
PORTAL_REDIS_RETRY_SECONDS = float(os.environ.get("PORTAL_REDIS_RETRY_SECONDS", "1"))
if REDIS_URL:
    _redis = {
        "BACKEND": "portal.caching.resilient_redis.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {
            "socket_connect_timeout": PORTAL_REDIS_CONNECT_TIMEOUT,
            "socket_timeout": PORTAL_REDIS_TIMEOUT,
            "RETRY_AFTER": PORTAL_REDIS_RETRY_SECONDS,
        },
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": CACHE_KEY_PREFIX},
        "pages": {**_redis, "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-pages"},
    }
    PORTAL_PAGE_CACHE_GENERATION_FILE = None
else:
    _locmem = "django.core.cache.backends.locmem.LocMemCache"
    CACHES = {
        "default": {"BACKEND": _locmem},
        "pages": {"BACKEND": _locmem, "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 2000}},
    }
    PORTAL_PAGE_CACHE_GENERATION_FILE = Path(
        os.environ.get("PORTAL_PAGE_CACHE_GENERATION_FILE", BASE_DIR / "var" / "page-generation")
    )

# --- A CDN in front (docs/deploying.md) ----------------------------------------------------
# Public pages are cacheable by their Cache-Control (s-maxage: PORTAL_FRONT_CACHE_SECONDS);
# a publish or unpublish also purges the page and its translations at once
# (wagtail.contrib.frontend_cache and home/cdn.py), sent by the task worker. Each purge
# target is configured by the environment only; none set: no backend, no purge request.
# PORTAL_FRONTEND_CACHE_URL: a cache that takes HTTP PURGE requests (Varnish, a CDN's purge
# endpoint), sent the page's path with the site's host in the Host header.
# PORTAL_CLOUDFLARE_ZONEID + PORTAL_CLOUDFLARE_BEARER_TOKEN: Cloudflare's purge API (the
# token needs the zone's "Cache Purge" permission).
WAGTAILFRONTENDCACHE = {}
if _purge_url := os.environ.get("PORTAL_FRONTEND_CACHE_URL", "").strip():
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": _purge_url,
    }
_cloudflare = {
    "ZONEID": os.environ.get("PORTAL_CLOUDFLARE_ZONEID", "").strip(),
    "BEARER_TOKEN": os.environ.get("PORTAL_CLOUDFLARE_BEARER_TOKEN", "").strip(),
}
if any(_cloudflare.values()):
    if not all(_cloudflare.values()):
        raise ImproperlyConfigured(
            "Set both PORTAL_CLOUDFLARE_ZONEID and PORTAL_CLOUDFLARE_BEARER_TOKEN, or neither."
        )
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        **_cloudflare,
    }
# Wagtail would also purge each URL's path under every other language prefix
# (/de/impressum/ -> /en/impressum/), which is no page here: translations have slugs of
# their own. home/cdn.py purges the translations' real URLs instead.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Languages -------------------------------------------------------------------------
LANGUAGE_CODE = "de"
# A language is added here (and in its interface translation, locale/<code>/); the URL prefix,
# switcher, hreflang, sitemaps, feeds, calendars, the events API, the roles ("Übersetzung XX",
# "Freigabe XX") and the status overview's columns follow from this list.
LANGUAGES = [("de", _("German")), ("en", _("English")), ("pl", _("Polish"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's login form leaves the password label English (home/editorial/login.py).
WAGTAILADMIN_USER_LOGIN_FORM = "home.editorial.login.LoginForm"
# ASCII slugs ("fachkraefte-sicherung"), as the demo and the English pages have: Wagtail's
# admin script and Page.full_clean then transliterate, and home.editorial.slugs adds the German
# umlaut rule both lack (issue 21).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Languages that are translated from German; each gets "Übersetzung XX" and "Freigabe XX"
# roles from `manage.py setup_roles`. Adding a language: LANGUAGES + this list + setup_roles.
PORTAL_TRANSLATION_LANGUAGES = [code for code, _name in LANGUAGES if code != LANGUAGE_CODE]

# Machine translation only when an editor asks and a DeepL key is configured; glossary terms
# are masked by the portal (home/translation/machine.py).
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "home.translation.machine.GlossaryProtectingTranslator",
        "OPTIONS": {
            "INNER": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "INNER_OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
        },
    }

# New translations start as drafts: English pages go live only when someone publishes them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_MIMETYPES = {".vtt": "text/vtt"}
# Media on an S3-compatible object store (portal/storage/) when PORTAL_S3_BUCKET is set, so
# that several app servers share them; the disk (MEDIA_ROOT) otherwise. Keys are the same
# names as on disk, URLs stay /media/… on the site's own origin (nginx proxies them).
# Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or any way boto3 finds them).
PORTAL_S3_BUCKET = os.environ.get("PORTAL_S3_BUCKET", "").strip()
PORTAL_S3_ENDPOINT_URL = os.environ.get("PORTAL_S3_ENDPOINT_URL", "").strip()
PORTAL_S3_REGION = os.environ.get("PORTAL_S3_REGION", "eu-central-1")
# "public-read" on every object but documents; "none" when a bucket policy grants reads.
PORTAL_S3_OBJECT_ACL = os.environ.get("PORTAL_S3_OBJECT_ACL", "public-read")
PORTAL_S3_CONNECT_TIMEOUT = float(os.environ.get("PORTAL_S3_CONNECT_TIMEOUT", "2"))
PORTAL_S3_READ_TIMEOUT = float(os.environ.get("PORTAL_S3_READ_TIMEOUT", "20"))
if PORTAL_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "portal.storage.s3.MediaStorage",
        "OPTIONS": {
            "bucket_name": PORTAL_S3_BUCKET,
            "endpoint_url": PORTAL_S3_ENDPOINT_URL or None,
            "region_name": PORTAL_S3_REGION,
        },
    }
# "nginx": private documents leave through nginx (X-Accel-Redirect), never through Python.
# Production's default; without a front server (dev, tests) Wagtail's view streams them.
PORTAL_FRONT_SERVER = os.environ.get("PORTAL_FRONT_SERVER", "none")
# Film masters (home.Film) are uploaded to MEDIA_ROOT/films/; the worker transcodes each into
# MEDIA_ROOT/films/encoded/ (home.films.tasks). Served with HTTP Range by nginx in production
# and by portal.media in development. Uploads larger than this are refused.
PORTAL_FILM_MAX_UPLOAD_MB = int(os.environ.get("PORTAL_FILM_MAX_UPLOAD_MB", "500"))
# Keep the uploaded master once its renditions are made (needed to transcode again);
# false deletes it after a successful transcode to save space.
PORTAL_FILM_KEEP_MASTER = os.environ.get("PORTAL_FILM_KEEP_MASTER", "true").lower() != "false"
# A new version of a film replaces its outputs; the old ones are deleted this much later,
# when no cached page, browser or playing visitor still asks for them.
PORTAL_FILM_OLD_OUTPUT_SECONDS = int(os.environ.get("PORTAL_FILM_OLD_OUTPUT_SECONDS", "3600"))
# A film whose worker wrote no progress for this long is taken for stalled (the worker was
# killed) and queued again by `manage.py resume_films`.
PORTAL_FILM_STALLED_SECONDS = int(os.environ.get("PORTAL_FILM_STALLED_SECONDS", "90"))
# How long the film form keeps a stored upload for its next submit (a signed reference
# stays valid); clean_film_uploads deletes uploads no film or revision uses after this.
PORTAL_FILM_UPLOAD_GRACE_HOURS = int(os.environ.get("PORTAL_FILM_UPLOAD_GRACE_HOURS", "24"))
# The demo film's master ("WIDTHxHEIGHT:SECONDS"), made when the demo content is loaded and
# processed like any upload; the tests use a small one.
PORTAL_DEMO_FILM = os.environ.get("PORTAL_DEMO_FILM", "1920x1080:20")
# Uploads above this size are streamed to a temporary file, never held in memory (Django's
# default, stated here because film masters depend on it).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Wagtail ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Lausitz-Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
# No "svg": an SVG is a document that can carry script and entity bombs.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# 20 MB and 50 megapixels cover any camera photo; a decompression bomb (a small file that
# expands to gigabytes in memory) is refused before Pillow decodes it.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
# Documents go through Django (permission checks, privacy collections) and are always
# downloaded, never shown inline: an uploaded file cannot run script on the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# An upload while the media bucket is unreachable: the form says so at the file field.
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.storage.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.storage.forms.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Create the renditions templates use when an image is added (demo command), not on first visit.
PORTAL_PREGENERATE_RENDITIONS = os.environ.get("PORTAL_PREGENERATE_RENDITIONS", "1") == "1"
# Serve /media/ (images, renditions) from Django in production too: for a single server
# without a separate web server, and for the benchmark (bench/run.sh). Off by default.
PORTAL_SERVE_MEDIA = os.environ.get("PORTAL_SERVE_MEDIA", "0") == "1"
# AVIF at 50 is about as sharp as WebP at 80 and ~30 % smaller on the demo images (at
# Wagtail's default it was larger than the WebP fallback, which defeats the point).
WAGTAILIMAGES_AVIF_QUALITY = 50
# <picture> formats, best first; the last is the <img> fallback (see home/images/renditions.py).
PORTAL_IMAGE_FORMATS = tuple(
    os.environ.get("PORTAL_IMAGE_FORMATS", "avif,webp").replace(" ", "").split(",")
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's database backend. On PostgreSQL a subclass stems per language (German pages with
# the "german" configuration, English ones with "english"); SQLite keeps the plain backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "home.search.backend",
        # PostgreSQL ships no Polish stemmer: Polish is indexed and searched unstemmed
        # ("simple"), so "elektrownia" does not find "elektrowni" (see README).
        "SEARCH_CONFIGS": {"de": "german", "en": "english", "pl": "simple"},
    }
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Security defaults that hold everywhere -------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# Visitors never get a language cookie: the language lives in the URL.
LANGUAGE_COOKIE_AGE = None
CSRF_COOKIE_HTTPONLY = True
# The CSRF cookie (set only by forms: the admin's, the barrier report form) ends with the
# browser session instead of living for a year; the privacy statement says so.
CSRF_COOKIE_AGE = None

# --- Content Security Policy (django-csp 4) -------------------------------------------
# The public site has no inline script or style and no nonce (pages are cacheable).
# JSON-LD (<script type="application/ld+json">) is data, which CSP does not block.
VIDEO_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
SELF, NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        # blob: for hls.js, which plays a film's HLS ladder through Media Source Extensions
        # (the video's source is a blob: URL of a MediaSource); no worker-src: its worker is
        # off (static/js/film-player.js).
        "media-src": [SELF, "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_HOSTS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin, previews and "view draft" (everything below /admin/); chosen by
# portal.security.PortalCSPMiddleware, which explains why inline script and style are needed.
PORTAL_ADMIN_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    # Image previews before upload and cropping use blob: URLs.
    "img-src": [SELF, "data:", "blob:"],
    "media-src": [SELF, "blob:"],
    # The preview panel shows the page in an iframe of the admin's own origin.
    "frame-src": [SELF, *VIDEO_HOSTS],
}

# The embeddable events calendar for partner sites (``/<language>/embed/…``, news/embed.py)
# is the one route other origins may frame: portal.security.PortalCSPMiddleware gives it this
# policy, with ``frame-ancestors`` from PORTAL_EMBED_FRAME_ANCESTORS, and the view sends no
# X-Frame-Options. It runs no script at all and loads nothing but its own stylesheet.
PORTAL_EMBED_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [NONE],
    "img-src": [SELF],
    "media-src": [NONE],
    "connect-src": [NONE],
    "frame-src": [NONE],
    "form-action": [NONE],
}
# Who may frame it: any site served over HTTPS, and the portal itself (the editors' embed
# code builder previews it). Space-separated CSP sources in the environment, e.g.
# PORTAL_EMBED_FRAME_ANCESTORS="https://www.cottbus.de https://www.lausitz.de 'self'".
PORTAL_EMBED_FRAME_ANCESTORS = os.environ.get(
    "PORTAL_EMBED_FRAME_ANCESTORS", f"https: {SELF}"
).split()

# --- Permissions-Policy (portal.security.PermissionsPolicyMiddleware) -------------------
# What the site never uses is off; what embedded films need is allowed for the site and the
# two video hosts only.
_FILM = ["self", *VIDEO_HOSTS]
PORTAL_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
    "autoplay": _FILM,
    "encrypted-media": _FILM,
    "fullscreen": _FILM,
    "picture-in-picture": _FILM,
}

# --- Accessibility feedback (feedback/: the "report a barrier" form) -------------------
# Where new reports and reminders are mailed; empty: the contact e-mail of the site settings.
PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL = os.environ.get("PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL", "")
# remind_accessibility_feedback mails about open reports due within this many days.
PORTAL_ACCESSIBILITY_FEEDBACK_REMIND_DAYS = int(
    os.environ.get("PORTAL_ACCESSIBILITY_FEEDBACK_REMIND_DAYS", "7")
)
# delete_closed_accessibility_feedback deletes reports closed longer ago than this.
PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS = int(
    os.environ.get("PORTAL_ACCESSIBILITY_FEEDBACK_KEEP_DAYS", "365")
)
# Reports stored per client address (django-ratelimit syntax, e.g. "5/h"); counted in the
# default cache, so without REDIS_URL each app process counts for itself.
PORTAL_ACCESSIBILITY_FEEDBACK_RATE = os.environ.get("PORTAL_ACCESSIBILITY_FEEDBACK_RATE", "5/h")
# When the count cannot be read (Redis unreachable), django-ratelimit would refuse every
# report; the form stays open instead, and the honeypot still stops bots. (With Redis
# reachable there is always a count: only an outage opens the form this way.)
RATELIMIT_FAIL_OPEN = True

# --- Sitemap (home/seo/sitemap.py) ------------------------------------------------------
# /sitemap.xml is an index; each section and language has its own files of at most this
# many pages (the protocol allows 50,000 addresses; smaller files stay cheap to render).
PORTAL_SITEMAP_URLS_PER_FILE = int(os.environ.get("PORTAL_SITEMAP_URLS_PER_FILE", "1000"))
# Page types with a section of their own (by model label); every other type is "pages".
PORTAL_SITEMAP_SECTIONS = {
    "news": ["news.NewsPage"],
    "events": ["news.EventPage"],
    "projects": ["projects.ProjectPage"],
    "films": ["campaign.FilmPage"],
}

# --- Event registration on the site (news/registration/) ------------------------------
# delete_old_registrations deletes registrations this many days after their event ended.
PORTAL_REGISTRATION_RETENTION_DAYS = int(os.environ.get("PORTAL_REGISTRATION_RETENTION_DAYS", "30"))
# Registrations sent per client address (django-ratelimit syntax); each sends a mail. An
# office registering its team from one address stays well under it.
PORTAL_REGISTRATION_RATE = os.environ.get("PORTAL_REGISTRATION_RATE", "20/h")
# How long the confirmation link of the first mail works.
PORTAL_REGISTRATION_CONFIRM_HOURS = int(os.environ.get("PORTAL_REGISTRATION_CONFIRM_HOURS", "48"))
# The sender of the mails to visitors (registration); Django's default otherwise.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The mail server (EMAIL_BACKEND smtp, production's default) and, for EMAIL_BACKEND
# filebased (bench/registrations.sh reads the links from it), the folder of the files.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]

# --- Login throttling (django-axes) ----------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "portal.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked out: this username from this address, so an attacker guessing one editor's password
# neither locks out that editor elsewhere nor other editors behind the same address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
# Never store or log what was typed into the password field.
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2", "new_password1"]
# How many proxies in front of the app append to X-Forwarded-For, and their addresses.
# 0 (default): the app is reached directly; REMOTE_ADDR is the client, the header is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXY_IPS = [
    ip.strip() for ip in os.environ.get("TRUSTED_PROXY_IPS", "127.0.0.1,::1").split(",")
]
