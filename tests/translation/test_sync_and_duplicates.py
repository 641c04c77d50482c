"""Sync without loss, and never two translations of the same source and language."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.demo.content import heading, paragraph
from home.models import StandardPage
from tests.factories.pages import StandardPageFactory
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db


def english_strings(source, english):
    return {
        st.translation_of.data: st.data
        for st in StringTranslation.objects.filter(
            translation_of__segments__source=source, locale=english
        ).select_related("translation_of")
    }


def test_sync_after_a_german_edit_keeps_untouched_segments_and_overrides(
    editor, home_de, english, django_capture_on_commit_callbacks
):
    link = '<p><a href="https://example.org/quelle">Quelle</a></p>'
    body = [heading("Erster Teil"), paragraph("Bleibt gleich."), paragraph("Wird geändert.")]
    body.append({"type": "paragraph", "value": link})  # an overridable segment (the URL)
    page = StandardPage(title="Drei Absätze", slug="drei-absaetze", body=body)
    home_de.add_child(instance=page)
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        english_page = translate_with_localize(page, rewrite=lambda text: f"EN:{text}")
    source = TranslationSource.objects.get(object_id=page.translation_key)
    # a manual override (here: the English page links to another address) must survive too
    overridable = OverridableSegment.objects.get(source=source)
    SegmentOverride.objects.create(
        locale=english, context=overridable.context, data_json='"https://example.org/en"'
    )
    page.body = [
        heading("Erster Teil"),
        paragraph("Bleibt gleich."),
        paragraph("Ist neu."),
        body[-1],
    ]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        assert editor.post(url, {}).status_code == 302
    source.refresh_from_db()
    current = {s.string.data for s in source.stringsegment_set.select_related("string")}
    translated = english_strings(source, english)
    assert translated["Erster Teil"] == "EN:Erster Teil"
    assert translated["Bleibt gleich."] == "EN:Bleibt gleich."
    assert "Ist neu." in current and "Ist neu." not in translated  # only the change is open
    assert SegmentOverride.objects.filter(locale=english, context=overridable.context).exists()
    english_page.refresh_from_db()
    assert english_page.live  # the sync published nothing new and unpublished nothing


def test_no_duplicate_translations(editor, home_de, english, django_capture_on_commit_callbacks):
    parent = StandardPageFactory(parent=home_de, title="Eltern", slug="eltern")
    child = StandardPageFactory(parent=parent, title="Kind", slug="kind")
    url_child = reverse("wagtail_localize:submit_page_translation", args=[child.pk])
    url_parent = reverse("wagtail_localize:submit_page_translation", args=[parent.pk])
    with django_capture_on_commit_callbacks(execute=True):
        # the child first (its parent is created as a placeholder), then the parent subtree
        editor.post(url_child, {"locales": [english.pk]})
        editor.post(url_parent, {"locales": [english.pk], "include_subtree": "on"})
        # the same stale form posted twice
        editor.post(url_parent, {"locales": [english.pk], "include_subtree": "on"})
    for page in (parent, child):
        source = TranslationSource.objects.get(object_id=page.translation_key)
        assert Translation.objects.filter(source=source, target_locale=english).count() == 1
        assert (
            Page.objects.filter(translation_key=page.translation_key, locale=english).count() == 1
        )


def test_rerunning_the_demo_command_adds_no_translation_records():
    before = (Translation.objects.count(), TranslationSource.objects.count())
    call_command("load_demo_content", verbosity=0)
    assert (Translation.objects.count(), TranslationSource.objects.count()) == before
