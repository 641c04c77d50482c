"""Login throttling through Wagtail's own admin login view (django-axes).

The key is username + client address, so an attacker who guesses one editor's password
neither locks out that editor elsewhere nor other editors behind the same address, and a
forged ``X-Forwarded-For`` does not give a fresh key.
"""

import logging

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.test import Client, override_settings

from portal.security import client_ip

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple 7"
WRONG = "wrong-secret-Passw0rd!"


@pytest.fixture
def editors(django_user_model):
    for name in ("alice", "bob"):
        django_user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)


def attempt(username, password, remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client()
    response = client.post(LOGIN, {"username": username, "password": password}, **extra)
    return response, "_auth_user_id" in client.session


def fail_until_limit(username, remote, forwarded=lambda i: None):
    for i in range(settings.AXES_FAILURE_LIMIT):
        response, logged_in = attempt(username, WRONG, remote, forwarded(i))
        assert not logged_in and response.status_code in (200, 429)


def test_settings_key_on_username_and_address():
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "portal.security.LoginThrottleBackend"
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE


def test_correct_password_logs_in(editors):
    response, logged_in = attempt("alice", PASSWORD, "192.0.2.1")
    assert response.status_code == 302 and logged_in


def test_lockout_hits_only_that_user_from_that_address(editors):
    fail_until_limit("alice", "192.0.2.1")

    response, logged_in = attempt("alice", PASSWORD, "192.0.2.1")
    assert response.status_code == 429
    assert not logged_in

    response, logged_in = attempt("alice", PASSWORD, "192.0.2.2")
    assert response.status_code == 302 and logged_in, "alice elsewhere still logs in"

    response, logged_in = attempt("bob", PASSWORD, "192.0.2.1")
    assert response.status_code == 302 and logged_in, "bob behind the same address logs in"


def test_forged_forwarded_for_is_ignored_without_a_trusted_proxy(editors):
    """Default: no proxy trusted. A new X-Forwarded-For per attempt changes nothing."""
    fail_until_limit("alice", "192.0.2.1", forwarded=lambda i: f"203.0.113.{i + 1}")
    response, logged_in = attempt("alice", PASSWORD, "192.0.2.1", forwarded="198.51.100.7")
    assert response.status_code == 429 and not logged_in


@override_settings(TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_IPS=["10.0.0.5"])
def test_behind_the_proxy_the_key_is_the_address_the_proxy_saw(editors):
    """The proxy appends the address it saw; what the client put before it is ignored."""
    fail_until_limit("alice", "10.0.0.5", forwarded=lambda i: f"6.6.6.{i}, 203.0.113.9")

    response, logged_in = attempt("alice", PASSWORD, "10.0.0.5", forwarded="1.1.1.1, 203.0.113.9")
    assert response.status_code == 429 and not logged_in

    response, logged_in = attempt("alice", PASSWORD, "10.0.0.5", forwarded="203.0.113.10")
    assert response.status_code == 302 and logged_in, "another client behind the proxy"


@override_settings(TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_IPS=["10.0.0.5"])
def test_forwarded_for_from_a_client_that_is_not_the_proxy_is_ignored(editors):
    fail_until_limit("alice", "192.0.2.1", forwarded=lambda i: f"203.0.113.{i + 1}")
    response, logged_in = attempt("alice", PASSWORD, "192.0.2.1", forwarded="198.51.100.7")
    assert response.status_code == 429 and not logged_in


@pytest.mark.parametrize(
    ("count", "remote", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "203.0.113.1", "192.0.2.1"),
        (1, "10.0.0.5", "203.0.113.1", "203.0.113.1"),
        (1, "10.0.0.5", "6.6.6.6, 203.0.113.1", "203.0.113.1"),
        (2, "10.0.0.5", "6.6.6.6, 203.0.113.1, 10.0.0.4", "203.0.113.1"),
        (2, "10.0.0.5", "203.0.113.1", "10.0.0.5"),
        (1, "192.0.2.1", "203.0.113.1", "192.0.2.1"),
        (1, "10.0.0.5", "", "10.0.0.5"),
    ],
)
def test_client_ip(rf, count, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=count, TRUSTED_PROXY_IPS=["10.0.0.5"]):
        assert client_ip(request) == expected


def test_passwords_are_never_logged_or_stored(editors, caplog):
    caplog.set_level(logging.DEBUG)
    fail_until_limit("alice", "192.0.2.1")
    attempt("alice", PASSWORD, "192.0.2.1")
    attempt("bob", PASSWORD, "192.0.2.3")
    assert AccessAttempt.objects.filter(username="alice").exists()
    assert any("alice" in record.getMessage() for record in caplog.records)
    for record in caplog.records:
        assert WRONG not in record.getMessage() and PASSWORD not in record.getMessage()
    for row in AccessAttempt.objects.all():
        assert WRONG not in row.post_data and PASSWORD not in row.post_data
        assert WRONG not in row.get_data
    assert AccessLog.objects.filter(username="bob").exists()


def test_test_client_login_still_works(client, editors):
    """``Client.login()`` authenticates without a request; the throttling backend steps aside
    (there is no client address to key on) and Django's model backend decides."""
    assert client.login(username="alice", password=PASSWORD)
    assert not client.login(username="alice", password=WRONG)


def test_lockout_answer_says_what_happened(editors):
    fail_until_limit("alice", "192.0.2.1")
    response, _ = attempt("alice", PASSWORD, "192.0.2.1")
    assert response.status_code == 429
    assert b"too many login attempts" in response.content.lower() or b"gesperrt" in (
        response.content.lower()
    )
