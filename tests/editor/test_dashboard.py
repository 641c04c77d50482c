"""The dashboard panels: what each role sees, in German, with a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from home.editorial.dashboard import MyDraftsPanel
from home.translation.dashboard import outdated_translations
from news.dashboard import upcoming_events
from news.models import EventIndexPage
from tests.factories.events import EventPageFactory
from tests.factories.pages import StandardPageFactory
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def queries(function, *args):
    with CaptureQueriesContext(connection) as captured:
        result = function(*args)
    return len(captured), result


@pytest.fixture
def soon():
    index = EventIndexPage.objects.get(slug="veranstaltungen")
    now = timezone.now()

    def make(title, days, **fields):
        start = now + datetime.timedelta(days=days)
        page = EventPageFactory(
            parent=index,
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=2),
            **fields,
        )
        page.save_revision().publish()
        return page

    return make


def test_editor_sees_the_next_30_days_of_events_with_their_status(editor, soon):
    soon("Werkstatt bald", 3)
    soon("Abgesagtes Forum", 10, status="cancelled")
    soon("Viel später", 45)
    html = dashboard(editor)
    assert "Veranstaltungen in den nächsten 30 Tagen" in html
    assert "Werkstatt bald" in html and "Abgesagtes Forum" in html
    assert "<strong>Abgesagt</strong>" in html
    assert "Viel später" not in html


def test_an_unpublished_event_due_soon_is_flagged(editor, soon):
    page = soon("Noch Entwurf", 5)
    Page.objects.filter(pk=page.pk).update(live=False)
    assert "nicht veröffentlicht" in dashboard(editor)


def test_upcoming_events_take_one_query_however_many(soon):
    soon("Eins", 2)
    one, events = queries(upcoming_events, ["de"])
    for day in range(3, 12):
        soon(f"Mehr {day}", day)
    many, more = queries(upcoming_events, ["de"])
    assert one == many == 1
    assert len(more) == len(events) + 9


def test_my_drafts_lists_my_unpublished_changes_only(editor, translator, home_de):
    mine = StandardPageFactory(parent=home_de, title="Mein Entwurf", slug="mein-entwurf")
    mine.title = "Mein Entwurf, überarbeitet"
    mine.save_revision(user=editor.user)
    other = StandardPageFactory(parent=home_de, title="Fremder Entwurf", slug="fremd")
    other.save_revision(user=translator.user)
    html = dashboard(editor)
    assert "Meine Entwürfe" in html
    assert "Mein Entwurf, überarbeitet" in html
    assert "Fremder Entwurf" not in html
    count, drafts = queries(MyDraftsPanel(editor.user).drafts)
    assert count == 2 and [page.pk for page in drafts] == [mine.pk]  # rights, then drafts


def test_translations_out_of_date_are_listed_after_the_german_page_changes(
    editor, home_de, django_capture_on_commit_callbacks
):
    """For the German editors, who sync; translators see the result in their inbox."""
    page = StandardPageFactory(parent=home_de, title="Quelle", slug="quelle-aktuell")
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_with_localize(page, publish=True)
    assert "Quelle" not in dashboard(editor).split("Übersetzungen nicht aktuell")[-1]
    page.intro = "Neuer deutscher Text."
    page.save_revision().publish()
    html = dashboard(editor)
    assert "Übersetzungen nicht aktuell" in html
    panel = html.split("Übersetzungen nicht aktuell")[1].split("</section>")[0]
    assert english.title in panel and f"/admin/pages/{english.pk}/edit/" in panel
    count, pairs = queries(outdated_translations, ["en"])
    assert count == 2
    assert (page.pk, english.pk) in [(source.pk, target.pk) for source, target in pairs]
