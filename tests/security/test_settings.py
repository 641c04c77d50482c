"""Settings are safe by default: production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.nodb


def run_with_production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    clean.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with_production_settings(ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with_production_settings(SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = run_with_production_settings(SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_entry_points_choose_safe_settings():
    assert '"portal.settings.dev"' in (ROOT / "manage.py").read_text()
    assert '"portal.settings.production"' in (ROOT / "portal" / "wsgi.py").read_text()


def test_check_deploy_passes_without_warnings_or_silenced_checks():
    """``check --deploy`` with production settings: zero warnings, nothing silenced."""
    import secrets

    # DJANGO_ALLOW_ASYNC_UNSAFE belongs to the browser tests' process, not to a deployment.
    dropped = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_values():
    """The values behind the deploy check, plus what the check does not look at."""
    import secrets

    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k, 'MISSING') for k in ["
        "'SECURE_HSTS_SECONDS','SECURE_HSTS_INCLUDE_SUBDOMAINS','SECURE_HSTS_PRELOAD',"
        "'SESSION_COOKIE_SECURE','SESSION_COOKIE_HTTPONLY','CSRF_COOKIE_SECURE',"
        "'SECURE_PROXY_SSL_HEADER','SECURE_SSL_REDIRECT','SECURE_REFERRER_POLICY',"
        "'SECURE_CROSS_ORIGIN_OPENER_POLICY','SECURE_CONTENT_TYPE_NOSNIFF','X_FRAME_OPTIONS',"
        "'WAGTAILADMIN_BASE_URL','WAGTAIL_ENABLE_UPDATE_CHECK','WAGTAIL_GRAVATAR_PROVIDER_URL',"
        "'SILENCED_SYSTEM_CHECKS']}, default=str)); "
        "print(json.dumps({k: s.DATABASES['default'][k] for k in "
        "['CONN_MAX_AGE', 'CONN_HEALTH_CHECKS']}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    clean.pop("WAGTAILADMIN_BASE_URL", None)
    clean.pop("DB_CONN_MAX_AGE", None)
    clean.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.example.org",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    import json

    *_, line, database_line = result.stdout.strip().splitlines()
    values = json.loads(line)
    # Database connections are reused (and checked first), not opened per request.
    assert json.loads(database_line) == {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert values["SESSION_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["WAGTAILADMIN_BASE_URL"] == "https://portal.example.org"
    assert values["WAGTAIL_ENABLE_UPDATE_CHECK"] is False
    assert values["WAGTAIL_GRAVATAR_PROVIDER_URL"] is None
    assert values["SILENCED_SYSTEM_CHECKS"] == []
