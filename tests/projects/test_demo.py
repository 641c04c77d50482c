"""The projects demo: a dozen live projects in every district and status, each translated
into English, named by the seed press release and event; loading it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.demo.content import DEMO_NOTE_DE, DEMO_NOTE_EN
from home.naming import named_by
from projects.choices import District, ProjectStatus
from projects.demo import load_projects_demo
from projects.demo_projects import HEAT_PLANNING_SLUGS, SEED_EVENT, SEED_PRESS_RELEASE
from projects.models import ProjectIndexPage, ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_projects():
    return ProjectPage.objects.live().filter(locale__language_code="de")


def test_both_indexes_are_live_translations_shown_in_the_menu(english):
    german = ProjectIndexPage.objects.get(slug="projekte", locale__language_code="de")
    english = german.get_translation(english)
    assert english.slug == "projects" and english.title == "Projects"
    assert german.live and english.live
    assert german.show_in_menus and english.show_in_menus
    assert german.intro and english.intro and german.intro != english.intro


def test_a_dozen_live_german_projects_in_every_district_and_status(german_projects):
    assert german_projects.count() >= 10
    assert set(german_projects.values_list("district", flat=True)) == set(District.values)
    assert set(german_projects.values_list("status", flat=True)) == set(ProjectStatus.values)


def test_every_project_is_complete_and_marked_as_demo(german_projects):
    for project in german_projects:
        assert len(project.summary) <= 300, project.title
        project.full_clean()  # inside the Lausitz, end after start
        assert project.municipality and project.partner_list, project.title
        assert project.topics.exists(), project.title
        assert project.hero_image is not None and project.hero_alt, project.title
        paragraphs = [
            block.value.source for block in project.body if block.block_type == "paragraph"
        ]
        assert DEMO_NOTE_DE in paragraphs[-1], project.title
    with_amount = german_projects.exclude(funding_amount=None).count()
    assert german_projects.count() > with_amount > german_projects.count() // 2


def test_every_project_has_a_live_real_english_translation(german_projects, english):
    locale = english
    for project in german_projects:
        english = project.get_translation_or_none(locale)
        assert english is not None and english.live, project.title
        english = english.specific
        assert english.title != project.title and english.summary != project.summary
        assert DEMO_NOTE_EN in english.body[-1].value.source
        assert (english.district, english.status) == (project.district, project.status)
        assert {t.locale.language_code for t in english.topics.all()} == {"en"}
        source = TranslationSource.objects.get(object_id=project.translation_key)
        translation = Translation.objects.get(source=source, target_locale=english.locale)
        total, done = translation.get_progress()
        assert total > 0 and total == done, project.title


@pytest.mark.parametrize("slug", [SEED_PRESS_RELEASE, SEED_EVENT])
def test_seed_press_release_and_event_name_the_heat_planning_projects_in_both_languages(
    slug, english
):
    german = Page.objects.get(slug=slug, locale__language_code="de").specific
    heat = ProjectPage.objects.filter(slug__in=HEAT_PLANNING_SLUGS, locale=german.locale)
    keys = set(heat.values_list("translation_key", flat=True))
    assert len(keys) == 2
    assert set(german.projects.values_list("translation_key", flat=True)) == keys
    english = german.get_translation(english).specific
    assert english.live
    # The English page's own copy, synchronised by wagtail-localize, and what it shows.
    assert set(english.projects.values_list("translation_key", flat=True)) == keys
    shown = named_by(english, "projects", "en")
    assert {p.translation_key for p in shown} == keys
    assert {p.locale.language_code for p in shown} == {"en"}


def test_heat_planning_projects_list_the_seed_pages_in_both_languages():
    for project in ProjectPage.objects.filter(slug__in=HEAT_PLANNING_SLUGS):
        mentioned = {page.slug for pages in project.mentions().values() for page in pages}
        if project.locale.language_code == "de":
            assert {SEED_PRESS_RELEASE, SEED_EVENT} <= mentioned
        else:
            assert {
                "structural-change-on-the-ground-municipalities-compare-notes",
                "information-and-discussion-day-structural-development",
            } <= mentioned


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translation_sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "last_published": dict(Page.objects.values_list("pk", "last_published_at")),
    }


def test_loading_the_projects_demo_again_changes_nothing():
    before = snapshot()
    messages = []
    load_projects_demo(messages.append)
    assert messages == []
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == before
