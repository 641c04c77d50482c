"""What the form refuses, and what it keeps but never renders as markup: every refusal is a
field error in the visitor's language, linked from the summary at the top, and stores
nothing. Also the honeypot and the rate limit per client address."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache

from feedback.models import MESSAGE_MAX_LENGTH, AccessibilityReport
from tests.feedback.conftest import VALID, form_url, post_report, received_url

pytestmark = pytest.mark.django_db


def errors_of(response) -> dict[str, str]:
    """field name -> its error text, and the links of the error summary."""
    page = BeautifulSoup(response.content, "html.parser")
    found = {}
    for error in page.select(".field__error"):
        field = page.find(attrs={"aria-describedby": lambda v, e=error: v and e["id"] in v})
        found[field["name"]] = error.get_text(" ", strip=True)
    return found


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        ({"message": ""}, "message", "Bitte beschreiben Sie die Barriere."),
        ({"message": "   \n\t "}, "message", "Bitte beschreiben Sie die Barriere."),
        ({"message": "x" * 50_000}, "message", "höchstens 5000 Zeichen (er hat 50000)"),
        ({"message": "Knopf\x00kaputt"}, "message", "Null"),
        ({"message": "Knopf\x1b[31mrot"}, "message", "Steuerzeichen"),
        ({"name": "Erika\x07"}, "name", "Steuerzeichen"),
        ({"email": "erika(at)example"}, "email", "E-Mail-Adresse wie name@example.org"),
        ({"email": "<script>@x"}, "email", "E-Mail-Adresse wie name@example.org"),
        ({"page_address": "https://evil.example/de/"}, "page_address", "Seite dieser Website"),
        ({"page_address": "//evil.example/de/"}, "page_address", "Seite dieser Website"),
        ({"page_address": "javascript:alert(1)"}, "page_address", "Seite dieser Website"),
        ({"page_address": "JaVaScRiPt:alert(1)"}, "page_address", "Seite dieser Website"),
        ({"page_address": "data:text/html,<b>x</b>"}, "page_address", "Seite dieser Website"),
        ({"page_address": "/de/\\evil"}, "page_address", "Seite dieser Website"),
        ({"page_address": "/" + "a" * 600}, "page_address", "höchstens 500 Zeichen"),
    ],
)
def test_refused_input_gives_a_field_error_and_stores_nothing(visitor, data, field, text):
    response = post_report(visitor, data)
    assert response.status_code == 200
    errors = errors_of(response)
    assert list(errors) == [field]
    assert text in errors[field], errors[field]
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.find(id="error-summary")
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    target = summary.find("a")["href"]
    assert page.find(id=target[1:])["aria-invalid"] == "true"
    assert page.title.get_text().startswith("Fehler: ")
    assert AccessibilityReport.objects.count() == 0
    assert mail.outbox == []


def test_the_visitors_text_is_kept_when_another_field_is_wrong(visitor):
    response = post_report(visitor, {"email": "kaputt"})
    page = BeautifulSoup(response.content, "html.parser")
    assert (
        page.find("textarea", attrs={"name": "message"}).get_text().lstrip("\n") == VALID["message"]
    )


def test_html_is_stored_as_typed_and_shown_escaped_in_the_admin(
    visitor, admin_client, django_capture_on_commit_callbacks
):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> Knopf fehlt'
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(visitor, {"message": hostile, "name": "<b>Erika</b>"})
    assert response.status_code == 302
    report = AccessibilityReport.objects.get()
    assert report.message == hostile
    html = admin_client.get(f"/admin/accessibilityreport/edit/{report.pk}/").content.decode()
    assert "&lt;script&gt;alert(" in html and "<script>alert(" not in html
    assert "<img src=x" not in html and "<b>Erika</b>" not in html
    listing = admin_client.get("/admin/accessibilityreport/").content.decode()
    assert "&lt;script&gt;" in listing and "<script>alert(" not in listing
    assert "<script>alert(" not in mail.outbox[0].body


def test_honeypot_is_answered_like_success_but_stores_and_sends_nothing(
    visitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(visitor, {"website": "https://spam.example"})
    assert response.status_code == 302 and response["Location"] == received_url("de")
    assert AccessibilityReport.objects.count() == 0
    assert mail.outbox == []


def test_sixth_report_within_the_hour_gets_429_with_the_text_kept(visitor, settings):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_RATE = "5/h"
    cache.clear()
    for number in range(5):
        assert post_report(visitor, {"message": f"Meldung {number}"}).status_code == 302
    response = post_report(visitor, {"message": "Die sechste Meldung"}, language="en")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "en"
    notice = page.find(id="notice")
    assert notice.has_attr("autofocus")
    assert "Your report was not sent yet" in notice.get_text()
    assert (
        page.find("textarea", attrs={"name": "message"}).get_text().lstrip("\n")
        == "Die sechste Meldung"
    )
    assert AccessibilityReport.objects.count() == 5


def test_rate_limit_counts_per_client_address(visitor, settings):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_RATE = "1/h"
    cache.clear()
    assert post_report(visitor, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert post_report(visitor, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert post_report(visitor, REMOTE_ADDR="192.0.2.2").status_code == 302


def test_rate_limit_uses_the_trusted_proxys_forwarded_address(visitor, settings):
    """The same client address as the login throttling (portal.security.client_ip): behind
    the proxy, every visitor would otherwise share 127.0.0.1's allowance."""
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_RATE = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    assert post_report(visitor, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 302
    assert post_report(visitor, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 302
    assert post_report(visitor, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429


def test_invalid_attempts_do_not_use_up_the_allowance(visitor, settings):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_RATE = "1/h"
    cache.clear()
    for _attempt in range(3):
        assert post_report(visitor, {"message": ""}).status_code == 200
    assert post_report(visitor).status_code == 302


@pytest.mark.parametrize(
    ("language", "explains"),
    [
        ("de", "Bitte erlauben Sie Cookies für diese Website"),
        ("en", "Please allow cookies for this website"),
    ],
)
def test_post_without_the_csrf_token_is_refused_with_a_reason(visitor, language, explains):
    """A browser that refused the form's cookie gets a page in the visitor's language that
    says why and what to do, not Django's English technical page."""
    response = visitor.post(form_url(language), VALID)
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html and explains in html
    assert AccessibilityReport.objects.count() == 0


def test_message_limit_is_the_models(visitor):
    assert post_report(visitor, {"message": "x" * MESSAGE_MAX_LENGTH}).status_code == 302


@pytest.mark.parametrize(
    ("language", "words"),
    [("de", "Melden Sie uns eine Barriere"), ("en", "Tell us about a barrier")],
)
def test_the_form_has_a_meta_description_in_its_language(visitor, language, words):
    """Search engines and link previews describe the form (Lighthouse's SEO check)."""
    html = visitor.get(form_url(language)).content.decode()
    assert f'<meta name="description" content="{words}' in html
