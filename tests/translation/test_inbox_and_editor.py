"""A translator's and a reviewer's day (issue 21), through the real admin views: the inbox,
"ready for review" in one click from the translation editor, no "Delete" for them, and
refusals that explain the role."""

import json
import re
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    Translation,
    TranslationSource,
)

from home.models import TranslationReview
from tests.factories.pages import StandardPageFactory
from tests.helpers import translate_every_segment, translate_with_localize

pytestmark = pytest.mark.django_db


def submitted(editor, home_de, english, title="Wärmeplanung im Dorf"):
    """A German page the editor submitted for English: an English draft, nothing translated."""
    page = StandardPageFactory(parent=home_de, title=title)
    editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    target = page.get_translation(english)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    return page, target, translation


def inbox(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    match = re.search(r'id="portal-inbox-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def editor_props(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)
    return html, json.loads(unescape(props))


def test_new_translation_reaches_the_translators_inbox_with_a_link(
    editor, translator, reviewer, home_de, english
):
    _page, target, _translation = submitted(editor, home_de, english)
    lines = inbox(translator)
    assert "Wärmeplanung im Dorf" in lines
    assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in lines
    assert "Neu" in lines
    assert "Wärmeplanung im Dorf" not in inbox(reviewer)  # not ready yet


def test_changed_german_text_reaches_the_inbox(editor, translator, home_de, english):
    page = StandardPageFactory(parent=home_de, title="Geänderte Seite")
    translate_with_localize(page).save_revision().publish()  # published in English
    assert "Geänderte Seite" not in inbox(translator)
    page.title = "Geänderte Seite, neu"
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert editor.post(sync).status_code == 302  # the editor syncs: new German text
    assert "Deutscher Text geändert" in inbox(translator)


def test_inbox_query_count_is_constant(editor, translator, home_de, english):
    submitted(editor, home_de, english, "Eins")
    with CaptureQueriesContext(connection) as one:
        inbox(translator)
    for title in ("Zwei", "Drei", "Vier", "Fünf"):
        submitted(editor, home_de, english, title)
    with CaptureQueriesContext(connection) as five:
        lines = inbox(translator)
    assert "Fünf" in lines and "Eins" in lines
    assert len(five) == len(one)


def test_translator_gets_ready_for_review_and_no_delete(editor, translator, home_de, english):
    _page, target, translation = submitted(editor, home_de, english)
    html, props = editor_props(translator, target)
    assert props["perms"]["canDelete"] is False
    assert "portal-translator-footer" in html
    assert reverse("portal_translation_ready", args=[translation.pk]) in html
    assert "Freigabe" in html


def test_ready_for_review_is_refused_while_texts_are_missing(editor, translator, home_de, english):
    _page, target, translation = submitted(editor, home_de, english)
    url = reverse("portal_translation_ready", args=[translation.pk])
    response = translator.post(url, follow=True)
    shown = " ".join(str(m) for m in get_messages(response.wsgi_request))
    missing = StringSegment.objects.filter(source=translation.source).count()
    assert f"{missing} Texte" in shown or f"{missing} Text " in shown, shown
    assert not TranslationReview.objects.filter(translation=translation).exists()
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[target.pk])


def test_one_click_ready_then_reviewer_sees_it_and_may_send_back(
    editor, translator, reviewer, home_de, english
):
    _page, target, translation = submitted(editor, home_de, english)
    translate_every_segment(translation)
    response = translator.post(reverse("portal_translation_ready", args=[translation.pk]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    review = TranslationReview.objects.get(translation=translation)
    assert review.state == TranslationReview.State.READY
    assert review.requested_by == translator.user
    lines = inbox(reviewer)
    assert "Bereit zur Freigabe" in lines
    assert reverse("wagtail_localize:preview_translation", args=[translation.pk]) in lines
    html, props = editor_props(reviewer, target)
    assert props["perms"]["canPublish"] is True and props["perms"]["canDelete"] is False
    assert "portal-translator-footer" not in html
    assert reverse("portal_review_send_back", args=[target.pk]) in html


def test_translator_cannot_delete_a_draft_translation(editor, translator, home_de, english):
    _page, target, _translation = submitted(editor, home_de, english)
    url = reverse("wagtailadmin_pages:delete", args=[target.pk])
    response = translator.post(url)
    assert response.status_code == 403
    assert Page.objects.filter(pk=target.pk).exists()
    assert "Redaktion" in response.content.decode()


def test_redaktion_still_deletes(editor, home_de):
    page = StandardPageFactory(parent=home_de, title="Weg damit")
    page.unpublish()
    response = editor.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_refusal_explains_the_role_and_offers_the_translation(editor, translator, home_de, english):
    page, target, _translation = submitted(editor, home_de, english)
    response = translator.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Seiten auf Deutsch bearbeitet die Gruppe „Redaktion“." in html
    assert "Ihre Sprache: Englisch." in html
    assert reverse("wagtailadmin_pages:edit", args=[target.pk]) in html


def test_editor_refused_an_english_snippet_is_told_whose_it_is(editor, english):
    from home.models import Topic

    topic = Topic.objects.filter(locale=english).first()
    url = reverse("wagtailsnippets_home_topic:edit", args=[topic.pk])
    response = editor.get(url)
    assert response.status_code == 403
    assert "Übersetzung EN" in response.content.decode()


def test_adding_a_page_is_allowed_in_ones_own_tree_and_explained_elsewhere(
    editor, translator, home_de
):
    url = reverse("wagtailadmin_pages:add_subpage", args=[home_de.pk])
    assert editor.get(url).status_code == 200
    refused = translator.get(url)
    assert refused.status_code == 403
    assert "Redaktion" in refused.content.decode()
