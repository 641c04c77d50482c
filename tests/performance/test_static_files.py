"""Static files in production: hashed names, compressed variants, cached for a year.

Runs ``collectstatic`` and a request with the production settings in a subprocess (the
test settings keep Django's plain storage)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.nodb

PROBE = """
from django.test import Client
from django.core.management import call_command
call_command("collectstatic", "--noinput", verbosity=0)
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="localhost")
from django.templatetags.static import static
url = static("css/site.css")
response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
print("URL", url)
print("STATUS", response.status_code)
print("ENCODING", response.get("Content-Encoding"))
print("CACHE", response.get("Cache-Control"))
"""


def test_stylesheet_is_hashed_compressed_and_cached_for_a_year(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "localhost",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    code = "import django; django.setup()\n" + PROBE
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["URL"].startswith("/static/css/site.") and lines["URL"] != "/static/css/site.css"
    assert lines["STATUS"] == "200"
    assert lines["ENCODING"] in {"gzip", "br"}
    assert "max-age=315360000" in lines["CACHE"] and "immutable" in lines["CACHE"]
