"""The public "report a barrier" form: what is stored, what is refused, and how it looks to
a visitor (labels, help, errors, prefilled address) in every language."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail

from feedback.models import AccessibilityReport, ReportStatus, due_date_for
from tests.feedback.conftest import VALID, form_url, post_report, received_url

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_form_is_served_in_every_language_with_its_own_address(client, language):
    response = client.get(form_url(language))
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    assert page.find("form", class_="feedback-form")["method"] == "post"
    assert form_url(language).startswith(f"/{language}/")


def test_form_addresses_are_translated():
    assert form_url("de") == "/de/barriere-melden/"
    assert form_url("en") == "/en/report-a-barrier/"
    assert received_url("de") == "/de/barriere-melden/eingegangen/"


def test_language_switcher_links_the_form_in_the_other_language(client):
    page = soup(client.get(form_url("de")))
    switcher = page.find("nav", class_="language-switcher")
    assert switcher.find("a")["href"] == form_url("en")


def test_fields_are_labelled_described_and_marked_required_in_text(client):
    page = soup(client.get(form_url("en")))
    message = page.find("textarea", attrs={"name": "message"})
    label = page.find("label", attrs={"for": message["id"]})
    assert "(required)" in label.get_text()
    assert message.has_attr("required") and not message.has_attr("maxlength")
    assert page.find(id=message["aria-describedby"]) is not None
    for name, autocomplete in [("name", "name"), ("email", "email"), ("page_address", "off")]:
        field = page.find("input", attrs={"name": name})
        assert field["autocomplete"] == autocomplete
        assert "(optional)" in page.find("label", attrs={"for": field["id"]}).get_text()
    assert page.find("form", class_="feedback-form").has_attr("novalidate")


def test_honeypot_is_hidden_from_everyone_but_bots(client):
    page = soup(client.get(form_url("de")))
    trap = page.find("input", attrs={"name": "website"})
    wrapper = trap.find_parent("div")
    assert wrapper.has_attr("hidden")
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert page.find("label", attrs={"for": trap["id"]}) is not None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?page=/de/aktuelles/", "/de/aktuelles/"),
        ("?page=/de/suche/%3Fq%3DWind", "/de/suche/?q=Wind"),
        ("?page=http://testserver/en/news/", "/en/news/"),
        ("?page=https://evil.example/de/", ""),
        ("?page=//evil.example/de/", ""),
        ("?page=javascript:alert(1)", ""),
    ],
)
def test_page_address_is_prefilled_from_the_query_only_for_paths_of_this_site(
    client, query, expected
):
    page = soup(client.get(form_url("de") + query))
    assert page.find("input", attrs={"name": "page_address"}).get("value", "") == expected


def test_page_address_is_prefilled_from_a_same_site_referer(client):
    response = client.get(form_url("de"), HTTP_REFERER="http://testserver/de/impressum/")
    assert soup(response).find("input", attrs={"name": "page_address"})["value"] == (
        "/de/impressum/"
    )
    other = client.get(form_url("de"), HTTP_REFERER="https://elsewhere.example/de/impressum/")
    assert not soup(other).find("input", attrs={"name": "page_address"}).get("value")


def test_valid_report_is_stored_with_due_date_and_notified(
    visitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_report(visitor)
    assert response.status_code == 302
    assert response["Location"] == received_url("de")
    report = AccessibilityReport.objects.get()
    assert report.message == VALID["message"]
    assert (report.page_address, report.name, report.email) == (
        "/de/suche/",
        "Erika Beispiel",
        "erika@example.org",
    )
    assert report.language == "de" and report.status == ReportStatus.NEW
    assert report.due_date == due_date_for(report.received_at)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["kontakt@example.org"]  # the site settings' address (demo)
    assert f"/admin/accessibilityreport/edit/{report.pk}/" in sent.body
    # No personal data and not the message in the mail.
    assert "Erika" not in sent.body and "erika@" not in sent.body and "Knopf" not in sent.body


def test_notification_goes_to_the_configured_address(
    visitor, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_ACCESSIBILITY_FEEDBACK_EMAIL = "barrierefreiheit@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        post_report(visitor, language="en")
    assert mail.outbox[0].to == ["barrierefreiheit@example.org"]
    assert AccessibilityReport.objects.get().language == "en"


BERLIN, UTC = ZoneInfo("Europe/Berlin"), ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (datetime(2025, 1, 31, 12, tzinfo=BERLIN), date(2025, 2, 28)),
        (datetime(2024, 1, 31, 12, tzinfo=BERLIN), date(2024, 2, 29)),
        (datetime(2025, 3, 15, 23, 30, tzinfo=BERLIN), date(2025, 4, 15)),
        # 23:30 UTC on 31 May is 1 June in Berlin: the local day counts.
        (datetime(2025, 5, 31, 23, 30, tzinfo=UTC), date(2025, 7, 1)),
    ],
)
def test_due_date_is_one_calendar_month_after_the_local_day_of_receipt(received, due):
    assert due_date_for(received) == due


def test_confirmation_names_the_deadline_and_the_arbitration_body(client):
    response = client.get(received_url("de"))
    assert response.status_code == 200
    text = soup(response).find("main").get_text(" ", strip=True)
    assert "innerhalb eines Monats" in text
    link = soup(response).find("p", class_="arbitration").find("a")
    assert link["href"].startswith("https://")
    assert "Durchsetzungsstelle" in link.get_text()


def test_confirmation_in_english_marks_the_german_name(client):
    link = soup(client.get(received_url("en"))).find("p", class_="arbitration").find("a")
    assert link["lang"] == "de"


def test_form_page_names_the_arbitration_body(client):
    assert soup(client.get(form_url("en"))).find("p", class_="arbitration") is not None
