"""The translation status overview: right states, reachable by every role, bounded queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.translation.roles import translation_languages
from home.translation.status import STATES, build_rows, german_pages, in_state
from tests.factories.pages import StandardPageFactory
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def states(slug):
    _languages, rows = build_rows()
    return next(row for row in rows if row["page"].slug == slug)["cells"][0]["state"]


def test_states(home_de, translator, english, django_capture_on_commit_callbacks):
    missing = StandardPageFactory(parent=home_de, slug="fehlt")
    draft = StandardPageFactory(parent=home_de, slug="entwurf-status")
    changed = StandardPageFactory(parent=home_de, slug="geaendert")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(draft, publish=False)
        translate_with_localize(changed)
    changed.title = "Neu"
    changed.save_revision().publish()
    assert states("fehlt") == "missing"
    assert states("entwurf-status") == "draft"
    assert states("geaendert") == "changed"
    assert states("impressum") == "up-to-date"
    translator.post(reverse("portal_review_ready", args=[draft.get_translation(english).pk]))
    assert states("entwurf-status") == "ready"
    assert missing.pk
    assert_the_database_filters_like_the_cells()


def assert_the_database_filters_like_the_cells():
    """``in_state`` (the state filter, in SQL) picks exactly the pages with a cell in that
    state as ``build_rows`` computes the cells, for every state."""
    languages = translation_languages()
    _languages, rows = build_rows()
    for state in STATES:
        expected = {
            row["page"].pk for row in rows if any(c["state"] == state for c in row["cells"])
        }
        filtered = set(
            german_pages().filter(in_state(state, languages)).values_list("pk", flat=True)
        )
        assert filtered == expected, state


@pytest.mark.parametrize("role", ["editor", "translator", "reviewer"])
def test_every_role_reaches_the_overview(request, role):
    client = request.getfixturevalue(role)
    response = client.get(reverse("portal_translation_status"))
    assert response.status_code == 200
    assert "Impressum" in response.content.decode()


def test_filters(editor):
    url = reverse("portal_translation_status")
    html = editor.get(url + "?state=missing").content.decode()
    assert ">Impressum</a></th>" not in html  # translated and up to date: filtered out
    assert ">Impressum</a></th>" in editor.get(url + "?state=up-to-date").content.decode()
    assert editor.get(url + "?state=bogus&section=abc").status_code == 200


def test_query_count_does_not_grow_with_pages(editor, home_de):
    url = reverse("portal_translation_status")
    editor.get(url)
    with CaptureQueriesContext(connection) as few:
        editor.get(url)
    for index in range(15):
        StandardPageFactory(parent=home_de, slug=f"viele-{index}")
    editor.get(url)
    with CaptureQueriesContext(connection) as many:
        editor.get(url)
    assert len(many) == len(few)


def test_a_state_filter_reads_only_one_screen(editor, home_de):
    """With a state filter the database picks and counts the matching pages, so the
    queries do not grow with them either."""
    url = reverse("portal_translation_status") + "?state=missing"
    editor.get(url)
    with CaptureQueriesContext(connection) as few:
        shown_before = editor.get(url).content.decode().count('scope="row"')
    for index in range(15):
        StandardPageFactory(parent=home_de, slug=f"fehlend-{index}")
    with CaptureQueriesContext(connection) as many:
        shown_after = editor.get(url).content.decode().count('scope="row"')
    assert shown_after == shown_before + 15
    assert len(many) == len(few)


def test_a_translator_clicking_a_german_title_reaches_the_translation(
    editor, translator, home_de, english
):
    page = StandardPageFactory(parent=home_de, slug="titel-link", title="Titel mit Link")
    editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    target = page.get_translation(english)
    html = translator.get(reverse("portal_translation_status") + "?state=draft").content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[target.pk])}">Titel mit Link' in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) + '"' not in html
    german = editor.get(reverse("portal_translation_status") + "?state=draft").content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}">Titel mit Link' in german


def test_the_overview_is_paginated(editor, monkeypatch):
    """A screen of PAGE_SIZE German pages in tree order; the next screen continues; a page
    number past the end shows the last screen and nonsense the first, as Wagtail's own
    listings do; a state filter paginates the matching rows."""
    from home.translation import status
    from home.translation.status import german_pages

    monkeypatch.setattr(status, "PAGE_SIZE", 4)
    url = reverse("portal_translation_status")
    titles = [page.get_admin_display_title() for page in german_pages()]

    def shown(query):
        page = BeautifulSoup(editor.get(url + query).content, "html.parser")
        return [th.get_text(strip=True) for th in page.select('tbody th[scope="row"]')]

    assert shown("") == titles[:4]
    assert shown("?p=2") == titles[4:8]
    last = (len(titles) - 1) // 4 * 4
    assert shown(f"?p={len(titles)}") == titles[last:]
    assert shown("?p=x") == titles[:4]
    assert len(shown("?state=up-to-date")) <= 4
    assert 'class="pagination"' in editor.get(url).content.decode()
