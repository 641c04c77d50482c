"""Response headers: the strict public CSP, the admin's own policy, Permissions-Policy."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/de/", "/en/", "/de/impressum/", "/en/legal-notice/", "/healthz", "/robots.txt"]


def directives(header: str) -> dict[str, list[str]]:
    result = {}
    for part in header.split(";"):
        name, *values = part.split()
        result[name] = values
    return result


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_carry_the_strict_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    header = response["Content-Security-Policy"]
    assert "unsafe" not in header and "nonce" not in header and "*" not in header


def test_public_policy_is_the_same_for_logged_in_editors(client, django_user_model):
    """The userbar must work under the public policy: no nonce, no relaxation."""
    anonymous = client.get("/de/")["Content-Security-Policy"]
    admin = django_user_model.objects.create_superuser("csp-editor", "e@example.org", "x")
    client.force_login(admin)
    response = client.get("/de/")
    assert "wagtail-userbar" in response.content.decode()
    assert response["Content-Security-Policy"] == anonymous


def test_public_templates_have_no_inline_script_or_style():
    """Kept so by construction; the browser tests prove it in Chromium too."""
    import re

    offenders = []
    for template in (settings.BASE_DIR / "templates").rglob("*.html"):
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", text):
            offenders.append(f"{template}: inline <script>")
        if re.search(r"<style|\sstyle=|\son[a-z]+=", text):
            offenders.append(f"{template}: inline style or event handler")
    assert offenders == []


def test_admin_gets_its_own_policy_without_eval_or_wildcards(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    header = response["Content-Security-Policy"]
    policy = directives(header)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "unsafe-eval" not in header
    for values in policy.values():
        for value in values:
            assert value not in ("*", "https:", "http:")
            assert value.startswith(("'", "data:", "blob:")) or value in settings.VIDEO_HOSTS


def test_admin_login_page_has_admin_policy(client):
    response = client.get("/admin/login/")
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_page_preview_gets_the_admin_policy(admin_client, home_de):
    response = admin_client.get(f"/admin/pages/{home_de.pk}/view_draft/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/de/", "/admin/login/", "/healthz"])
def test_permissions_policy_turns_off_unused_features(client, url):
    header = client.get(url)["Permissions-Policy"]
    features = dict(item.split("=", 1) for item in header.split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    film = '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
    for feature in ("fullscreen", "picture-in-picture", "autoplay", "encrypted-media"):
        assert features[feature] == film


def test_common_security_headers(client):
    response = client.get("/de/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] in ("SAMEORIGIN", "DENY")
