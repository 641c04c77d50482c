"""Issue 12's acceptance: an editor (German admin) opens the editor and the preview of every
German page type and the dashboard; a translator (English admin) opens every English
translation in wagtail-localize's translation editor and its preview. Each one's attempts
on the other language are denied and change nothing."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from campaign.models import CampaignPage, FilmPage
from home.models import HomePage, SearchPage, StandardPage
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from projects.models import ProjectIndexPage, ProjectPage
from tests.editor.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    StandardPage,
    SearchPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
    ProjectIndexPage,
    ProjectPage,
    CampaignPage,
    FilmPage,
]


def first_page(model, language):
    page = model.objects.filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the demo has no {language} {model.__name__}"
    return page


def snapshot(page):
    page = Page.objects.get(pk=page.pk)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    return page.live, page.live_revision_id, page.latest_revision_id, page.title, revisions


@pytest.fixture
def english_translator(translator):
    profile = UserProfile.get_for_user(translator.user)
    profile.preferred_language = "en"
    profile.save()
    return translator


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_editor_opens_editor_and_preview_of_every_german_page_type(editor, model):
    page = first_page(model, "de")
    before = snapshot(page)
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html and "Veröffentlichen" in html  # the German admin

    # The preview panel: the editor's unsaved change is shown through the page's template.
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    title = f"Vorschau {page.title}"
    data = edit_form_data(page, editor.user, title=title, seo_title="")
    response = editor.post(preview_url, data)
    assert json.loads(response.content) == {"is_valid": True, "is_available": True}
    response = editor.get(preview_url)
    assert response.status_code == 200
    assert title in response.content.decode()
    assert '<html lang="de"' in response.content.decode()

    # "View draft": the stored latest version, body included
    response = editor.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert (page.seo_title or page.title) in response.content.decode()
    assert snapshot(page) == before, "opening and previewing changes nothing"


def test_editor_opens_the_german_dashboard(editor):
    response = editor.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Veranstaltungen in den nächsten 30 Tagen" in html


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_editor_is_denied_the_english_page_of_every_type(editor, model):
    page = first_page(model, "en")
    before = snapshot(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert editor.get(edit_url).status_code == 403
    assert editor.post(edit_url, {"action": "publish"}).status_code == 403
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert editor.post(preview_url, {"title": "x"}).status_code in (302, 403)
    assert editor.get(preview_url).status_code in (302, 403)
    draft_url = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    assert editor.get(draft_url).status_code in (302, 403)
    assert snapshot(page) == before


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_translator_opens_every_english_translation_and_its_preview(english_translator, model):
    page = first_page(model, "en")
    before = snapshot(page)
    response = english_translator.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    assert '<html lang="en"' in response.content.decode()  # the English admin
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    response = english_translator.get(
        reverse("wagtail_localize:preview_translation", args=[translation.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and page.title in html
    assert snapshot(page) == before


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_translator_is_denied_the_german_page_of_every_type(english_translator, model):
    page = first_page(model, "de")
    before = snapshot(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert english_translator.get(edit_url).status_code == 403
    assert english_translator.post(edit_url, {"action": "publish"}).status_code == 403
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert english_translator.post(preview_url, {"title": "x"}).status_code in (302, 403)
    assert english_translator.get(preview_url).status_code in (302, 403)
    draft_url = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    assert english_translator.get(draft_url).status_code in (302, 403)
    assert snapshot(page) == before
