"""URLs: public pages under a language prefix (/de/…, /en/…); admin, media and machine
endpoints without one. ``/`` only redirects by Accept-Language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home.chrome import routing
from home.seo.views import sitemap_index, sitemap_section
from news import api as events_api
from news import embed as events_embed
from portal.media import serve_film_media, serve_media
from portal.views import healthz, language_redirect, robots_txt

urlpatterns = [
    path("", language_redirect, name="language_redirect"),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The sitemap index; its files are per language, below (home/seo/sitemap.py).
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Films need HTTP Range (seeking; Safari plays nothing without it) in every environment.
    re_path(r"^media/films/(?P<path>.+)$", serve_film_media, name="film_media"),
]

if settings.DEBUG or settings.PORTAL_SERVE_MEDIA:
    # Images in development, through the same Range-capable view (production: the web server,
    # unless PORTAL_SERVE_MEDIA is set, as bench/run.sh does for a one-process set-up).
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", serve_media, name="media")]

urlpatterns += i18n_patterns(
    # The barrier report form (its paths are translated: /de/barriere-melden/), before
    # Wagtail's pages, whose pattern takes every path.
    path("", include("feedback.urls")),
    # Registration for events (news/registration/: /de/anmeldung/<event>/ and its links),
    # apart from the cacheable, cookie-free event page.
    path("", include("news.registration.urls")),
    # The sitemap's files per section (/de/sitemap-news.xml); page-cached like the pages.
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    # The public events API (JSON, schema.org Event); cached like the pages.
    path("api/events/", events_api.events, name="events_api"),
    # The embeddable calendar for partner sites: one neutral path per language, the one
    # route other origins may frame (portal.security.EMBED_PATH); cached like the pages.
    path("embed/events/", events_embed.calendar, name="events_embed"),
    # Wagtail's page view with faster routing (home.chrome.routing), then Wagtail's own URLs.
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
