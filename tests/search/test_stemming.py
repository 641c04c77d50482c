"""Stemming per language on PostgreSQL: inflected forms find their base forms."""

import pytest
from django.db import connection
from wagtail.models import Page

from home.search.backend import LocalizedPostgresSearchBackend
from tests.search.conftest import hits

pytestmark = pytest.mark.django_db


def test_german_inflected_form_finds_the_base_form(client, on_postgresql, press_release_de):
    assert "Wärmeplanungen" not in press_release_de.title + str(press_release_de.body)
    found = hits(client.get("/de/suche/", {"q": "Wärmeplanungen"}))
    assert press_release_de.pk in {page.pk for page in found}
    assert all(page.locale.language_code == "de" for page in found)


def test_english_inflected_form_finds_the_base_form(client, on_postgresql):
    # The heating-network article says "municipality", never "municipalities".
    article = Page.objects.get(slug="heating-network-public-dialogue").specific
    assert "municipalities" not in f"{article.title} {article.teaser} {article.body}"
    found = hits(client.get("/en/search/", {"q": "municipalities"}))
    assert article.pk in {page.pk for page in found}
    assert all(page.locale.language_code == "en" for page in found)
    planning = hits(client.get("/en/search/", {"q": "plans"}))
    assert "structural-change-on-the-ground-municipalities-compare-notes" in {
        page.slug for page in planning
    }


def test_index_rows_use_the_configuration_of_the_page_language(on_postgresql, press_release_de):
    english = Page.objects.get(slug="structural-change-on-the-ground-municipalities-compare-notes")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, body::text FROM wagtailsearch_indexentry"
            " WHERE object_id IN (%s, %s)",
            [str(press_release_de.pk), str(english.pk)],
        )
        bodies = dict(cursor.fetchall())
    assert "'warmeplan'" in bodies[str(press_release_de.pk)]  # German stem
    assert "'municip'" in bodies[str(english.pk)]  # English stem


def test_backend_picks_the_configuration_from_the_locale(db, press_release_de):
    backend = LocalizedPostgresSearchBackend({"SEARCH_CONFIGS": {"de": "german", "en": "english"}})
    english = Page.objects.get(slug="structural-change-on-the-ground-municipalities-compare-notes")
    assert backend.config_for_object(press_release_de) == "german"
    assert backend.config_for_object(english) == "english"
    assert backend.config_for_object(object()) == "german"  # no locale: the default language
    assert backend.config_for_language("fr") == "simple"
