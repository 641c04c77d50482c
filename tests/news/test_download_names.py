"""Calendar downloads keep their name: an event whose slug has an umlaut downloads as
"fürstenberger-wärmetag.ics" (RFC 6266 ``filename*``), with an ASCII ``filename=`` for
clients that read only that, instead of "download.ics" (issue 21)."""

from email.message import Message
from email.utils import collapse_rfc2231_value

import pytest

from news.models import EventIndexPage
from portal.downloads import attachment
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db


def filenames(header: str) -> tuple[str | None, str | None]:
    """(``filename``, decoded ``filename*``) of a Content-Disposition header, read by the
    standard library's RFC 2231 parser, as a client would: one that ignores ``filename*``
    sees only the first."""
    message = Message()
    message["Content-Disposition"] = header
    plain = extended = None
    for name, value in message.get_params(header="content-disposition")[1:]:
        if name != "filename":
            continue
        if isinstance(value, tuple):
            extended = collapse_rfc2231_value(value)
        else:
            plain = collapse_rfc2231_value(value)
    return plain, extended


@pytest.fixture
def umlaut_event(db):
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    return EventPageFactory(
        parent=index, title="Fürstenberger Wärmetag", slug="fürstenberger-wärmetag"
    )


def test_event_with_umlaut_in_its_slug_downloads_under_its_own_name(client, umlaut_event):
    response = client.get(umlaut_event.url + "ics/")
    assert response.status_code == 200
    header = response["Content-Disposition"]
    header.encode("ascii")  # an HTTP header that every client can read
    assert header.startswith("attachment;")
    assert filenames(header) == ("fuerstenberger-waermetag.ics", "fürstenberger-wärmetag.ics")
    assert "filename*=utf-8''f%C3%BCrstenberger-w%C3%A4rmetag.ics" in header


def test_event_with_an_ascii_slug_keeps_the_plain_header(client):
    response = client.get("/de/veranstaltungen/exkursion-energiepark/ics/")
    assert response["Content-Disposition"] == 'attachment; filename="exkursion-energiepark.ics"'


@pytest.mark.parametrize(
    "url, name",
    [("/de/veranstaltungen/ics/", "veranstaltungen.ics"), ("/en/events/ics/", "events.ics")],
)
def test_calendar_feeds_are_named_after_their_index(client, url, name):
    response = client.get(url)
    assert filenames(response["Content-Disposition"]) == (name, None)


def test_a_name_without_any_latin_letter_still_gets_a_readable_fallback():
    header = attachment("日本.ics")
    assert filenames(header) == ("download.ics", "日本.ics")


def test_quotes_in_a_name_cannot_break_out_of_the_fallback():
    header = attachment('Café "Lausitz".ics')
    assert filenames(header) == ("Cafe Lausitz.ics", 'Café "Lausitz".ics')
