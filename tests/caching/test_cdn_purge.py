"""A CDN in front: a publish or unpublish purges the page and its translations, by their real
addresses, from every configured cache; with nothing configured, nothing is sent anywhere.

The purges go to a real HTTP endpoint on 127.0.0.1 that records them, through Wagtail's
``HTTPBackend`` (``PORTAL_FRONTEND_CACHE_URL``) and the task that sends them (run at once
by the test settings' immediate task backend)."""

import json
import logging
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from wagtail.models import Page

from home.models import StandardPage

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


class _RecordPurges(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purges.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


@pytest.fixture
def purge_endpoint():
    """A cache's purge endpoint: records (Host, path) of every PURGE request."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RecordPurges)
    server.purges = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def cdn(settings, purge_endpoint):
    """The purges the CDN receives, configured as PORTAL_FRONTEND_CACHE_URL would."""
    host, port = purge_endpoint.server_address
    settings.WAGTAILFRONTENDCACHE = {
        "http": {"BACKEND": HTTP_BACKEND, "LOCATION": f"http://{host}:{port}"}
    }
    return purge_endpoint.purges


def address(page) -> tuple[str, str]:
    """(Host, path) a purge of ``page`` carries: the site's host, the page's own path."""
    url = urlsplit(page.get_full_url())
    return url.netloc, url.path


@pytest.fixture
def impressum(db, english):
    german = Page.objects.get(slug="impressum", locale__language_code="de").specific
    translation = german.get_translation(english).specific
    assert translation.live and urlsplit(translation.url).path == "/en/legal-notice/"
    return german, translation


def every_version(german) -> list[tuple[str, str]]:
    """The page and its live translations in every configured language (the demo has
    Impressum in each): what a change to one of them must purge."""
    return [address(page.specific) for page in german.get_translations(inclusive=True).live()]


def test_publishing_a_german_page_purges_it_and_its_english_translation(cdn, impressum):
    german, english = impressum
    german.title = "Impressum (neu)"
    german.save_revision().publish()
    assert address(german) in cdn
    assert address(english) in cdn
    assert sorted(cdn) == sorted(every_version(german))
    assert {"/de/impressum/", "/en/legal-notice/"} <= {path for _host, path in cdn}


def test_publishing_the_english_translation_purges_the_german_page_too(cdn, impressum):
    german, english = impressum
    english.save_revision().publish()
    assert sorted(cdn) == sorted(every_version(german))


def test_unpublishing_a_translation_purges_it_and_the_page_whose_switcher_linked_it(cdn, impressum):
    german, english = impressum
    english.unpublish()
    assert sorted(cdn) == sorted([*every_version(german), address(english)])


def test_a_page_without_translation_purges_only_itself(cdn, home_de):
    page = home_de.add_child(instance=StandardPage(title="Nur deutsch", slug="nur-deutsch"))
    page.save_revision().publish()
    assert cdn == [address(page)]


def test_without_a_configured_cdn_a_publish_purges_nothing(
    settings, purge_endpoint, impressum, caplog
):
    settings.WAGTAILFRONTENDCACHE = {}
    german, _english = impressum
    with caplog.at_level(logging.INFO, logger="wagtail.frontendcache"):
        german.save_revision().publish()
        german.get_translations().first().unpublish()
    assert purge_endpoint.purges == []
    assert not [record for record in caplog.records if "Purging" in record.getMessage()]


# --- the environment variables -----------------------------------------------------------

PRINT_BACKENDS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({"backends": settings.WAGTAILFRONTENDCACHE,
                  "languages": settings.WAGTAILFRONTENDCACHE_LANGUAGES}))
"""


def frontend_cache_settings(**env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PORTAL_FRONTEND_CACHE", "PORTAL_CLOUDFLARE"))
    }
    clean.update(
        env,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="portal.example.org",
    )
    return subprocess.run(
        [sys.executable, "-c", PRINT_BACKENDS],
        cwd=django_settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def backends_of(**env) -> dict:
    result = frontend_cache_settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.nodb
def test_no_variable_configures_no_cdn():
    assert backends_of() == {"backends": {}, "languages": []}


@pytest.mark.nodb
def test_the_variables_configure_an_http_purge_endpoint_and_cloudflare():
    found = backends_of(
        PORTAL_FRONTEND_CACHE_URL="http://varnish.internal:6081",
        PORTAL_CLOUDFLARE_ZONEID="zone-id",
        PORTAL_CLOUDFLARE_BEARER_TOKEN="token",
    )
    assert found["backends"] == {
        "http": {"BACKEND": HTTP_BACKEND, "LOCATION": "http://varnish.internal:6081"},
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone-id",
            "BEARER_TOKEN": "token",
        },
    }


@pytest.mark.nodb
def test_half_a_cloudflare_configuration_refuses_to_start():
    result = frontend_cache_settings(PORTAL_CLOUDFLARE_ZONEID="zone-id")
    assert result.returncode != 0
    assert "PORTAL_CLOUDFLARE_BEARER_TOKEN" in result.stderr
