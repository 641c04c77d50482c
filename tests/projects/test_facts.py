"""Facts of a project (district, place, location, status, amount, dates) reach every
language when the German project is published; text stays translated."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Locale

from home.models import Topic
from projects.models import PROJECT_FACT_FIELDS

pytestmark = pytest.mark.django_db


def test_publishing_the_german_project_updates_the_english_facts(client, add_project):
    german = add_project(translate=True)
    english = german.get_translation(Locale.objects.get(language_code="en"))
    english_title = english.title

    german.district = "oberspreewald-lausitz"
    german.municipality = "Senftenberg"
    german.latitude, german.longitude = Decimal("51.52520"), Decimal("14.00160")
    german.status = "under-construction"
    german.funding_amount = Decimal("990000.00")
    german.start_date = datetime.date(2027, 3, 1)
    german.end_date = datetime.date(2029, 6, 30)
    german.title = "Neuer deutscher Titel"
    german.save_revision().publish()

    english.refresh_from_db()
    for field in PROJECT_FACT_FIELDS:
        assert getattr(english, field) == getattr(german, field), field
    assert english.title == english_title  # text keeps its own translation
    # The live revision carries the facts too: a later publish of the English text
    # does not bring the old ones back.
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.status == "under-construction"
    assert english.municipality == "Senftenberg"
    page = client.get(english.url).content.decode()
    assert "Senftenberg" in page and "Under construction" in page


def test_an_english_draft_stays_a_draft(add_project):
    german = add_project(translate=True)
    english = german.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    german.status = "completed"
    german.save_revision().publish()
    english.refresh_from_db()
    assert english.status == "completed"
    assert not english.live


def test_publishing_the_english_page_does_not_change_the_german_facts(add_project):
    german = add_project(translate=True)
    english = german.get_translation(Locale.objects.get(language_code="en"))
    english.status = "completed"
    english.save_revision().publish()
    german.refresh_from_db()
    assert german.status == "planning"


def test_topics_follow_the_german_project(add_project):
    german = add_project(translate=True)
    economy = Topic.objects.get(locale__language_code="de", slug="wirtschaft")
    german.topics.set([economy])
    german.save_revision().publish()
    english = german.get_translation(Locale.objects.get(language_code="en"))
    assert [topic.slug for topic in english.topics.all()] == ["economy"]
