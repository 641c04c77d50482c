"""Roles hold: each attempt is made through the real admin and wagtail-localize views by the
user it must stop, and shown to change nothing in the database."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import StandardPage, Topic, TranslationReview
from home.translation.roles import setup_roles
from tests.factories.pages import StandardPageFactory
from tests.helpers import translate_every_segment

pytestmark = pytest.mark.django_db


def state(page):
    page.refresh_from_db()
    return (page.live, page.live_revision_id, page.latest_revision_id, page.title, page.alias_of_id)


def submit(client, page, english, **extra):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [english.pk], **extra})


def test_setup_roles_is_idempotent(roles):
    snapshot = lambda: (  # noqa: E731
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")),
        sorted(Group.objects.values_list("name", "permissions__codename")),
    )
    before = snapshot()
    setup_roles()
    assert snapshot() == before
    assert {"Redaktion", "Übersetzung EN", "Freigabe EN"} <= set(roles)


def test_translator_cannot_edit_or_publish_a_german_page(translator, german):
    page = Page.objects.get(slug="impressum", locale=german).specific
    before = state(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    refused = translator.get(edit_url)
    assert refused.status_code == 403  # explained: home.translation.refusals
    assert "Redaktion" in refused.content.decode()
    response = translator.post(
        edit_url, {"title": "Gehackt", "slug": "impressum", "action-publish": "publish"}
    )
    assert response.status_code == 403
    assert state(page) == before


def test_translator_cannot_create_translations(translator, german, english, home_de):
    page = StandardPageFactory(parent=home_de, title="Neu", slug="neu")
    translations = Translation.objects.count()
    assert submit(translator, page, english).status_code == 302
    assert Translation.objects.count() == translations
    assert page.get_translation_or_none(english) is None


def test_translator_cannot_publish_an_english_page(translator, english):
    page = Page.objects.get(slug="legal-notice", locale=english)
    before = state(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert translator.get(edit_url).status_code == 200  # may open the translation editor
    response = translator.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    assert state(page) == before


def test_translator_cannot_make_a_draft_live_by_converting_it_to_an_alias(
    translator, editor, home_de, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_de, title="Quelle", slug="quelle")
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, page, english)
    target = page.get_translation(english)
    assert not target.live
    before = state(target)
    url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
    response = translator.post(url)
    assert response.status_code == 302
    assert state(target) == before
    assert not target.live and target.alias_of_id is None


def test_editor_sync_with_publish_onto_an_english_draft_is_refused(
    editor, home_de, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_de, title="Sync", slug="sync")
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, page, english)
    target = page.get_translation(english)
    before = state(target)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert state(target) == before and not target.live
    # a plain sync (no publishing) is the editor's right
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url, {}).status_code == 302
    assert not Page.objects.get(pk=target.pk).live


def test_editor_cannot_submit_an_english_page_into_german(editor, english, german):
    page = StandardPageFactory(
        parent=Page.objects.get(depth=2, locale=english), title="Only English", slug="only-en"
    )
    translations = Translation.objects.count()
    response = submit(editor, page, german)
    assert response.status_code == 302
    assert Translation.objects.count() == translations
    assert page.get_translation_or_none(german) is None


def test_editor_submits_german_page_as_english_draft(
    editor, home_de, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_de, title="Entwurf", slug="entwurf-submit")
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(editor, page, english).status_code == 302
    target = page.get_translation(english)
    assert not target.live  # never live before review


def test_default_wagtail_groups_gain_nothing_on_english_pages(default_editor, english):
    page = Page.objects.get(slug="legal-notice", locale=english)
    before = state(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert default_editor.get(edit_url).status_code == 403
    assert default_editor.post(edit_url, {"action": "publish"}).status_code == 403
    assert state(page) == before
    assert not default_editor.user.has_perm("wagtail_localize.submit_translation")


def test_publishing_with_untranslated_segments_is_refused(
    editor, reviewer, home_de, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_de, title="Halb", slug="halb", intro="Ein Satz.")
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, page, english)
    target = page.get_translation(english)
    before = state(target)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(edit_url, {"action": "publish"}, follow=True)
    assert "noch nicht übersetzt" in response.content.decode()  # admin in German by default
    assert state(target) == before and not target.live


def test_english_translator_cannot_change_german_snippets(translator, german, english):
    topic = Topic.objects.get(locale=german, slug="wirtschaft")
    edit_url = reverse("wagtailsnippets_home_topic:edit", args=[topic.pk])
    response = translator.post(edit_url, {"name": "Gehackt", "slug": "wirtschaft"})
    assert response.status_code in (302, 403)
    topic.refresh_from_db()
    assert topic.name == "Wirtschaft"
    # strings of a German snippet translation (e.g. an English topic translated into German)
    english_topic = Topic.objects.get(locale=english, slug="economy")
    source, _ = TranslationSource.get_or_create_from_instance(english_topic)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=german)
    segment = source.stringsegment_set.first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    count = StringTranslation.objects.count()
    response = translator.put(
        url, "value=Gehackt", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (302, 403)
    assert StringTranslation.objects.count() == count
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert translator.post(upload, {}).status_code in (302, 403)
    assert StringTranslation.objects.count() == count


def test_english_translator_may_open_english_snippets(translator, english):
    topic = Topic.objects.get(locale=english, slug="economy")
    edit_url = reverse("wagtailsnippets_home_topic:edit", args=[topic.pk])
    assert translator.get(edit_url).status_code == 200


def test_full_path_from_german_draft_to_published_english_page(
    editor, translator, reviewer, home_de, english, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Neue Seite", slug="neue-seite", intro="Ein neuer Text.")
    home_de.add_child(instance=page)
    page.save_revision().publish()
    german_before = state(page)
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, page, english)
    target = page.get_translation(english)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    english_texts = {
        "Neue Seite": "New page",
        "neue-seite": "new-page",
        "Ein neuer Text.": "A new text.",
    }
    for segment in translation.source.stringsegment_set.select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        value = english_texts[segment.string.data]
        response = translator.put(
            url, f"value={value}", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content
    assert not Page.objects.get(pk=target.pk).live  # translators never publish
    # the translator marks it ready; reviewers are told by e-mail and on their dashboard
    mail.outbox.clear()
    ready_url = reverse("portal_review_ready", args=[target.pk])
    assert translator.post(ready_url, {"comment": "Bitte prüfen"}).status_code == 302
    assert TranslationReview.objects.get(translation=translation).state == "ready"
    assert [m.to for m in mail.outbox] == [["freigabe@example.org"]]
    assert "New page" in reviewer.get("/admin/").content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    target = Page.objects.get(pk=target.pk).specific
    assert target.live and target.title == "New page" and target.intro == "A new text."
    assert state(page) == german_before
    assert not TranslationReview.objects.filter(translation=translation).exists()


def test_reviewer_sends_a_translation_back_with_a_comment(
    editor, translator, reviewer, home_de, english, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_de, title="Zurück", slug="zurueck")
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, page, english)
    target = page.get_translation(english)
    translate_every_segment(
        Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
    )
    translator.post(reverse("portal_review_ready", args=[target.pk]))
    # a translator may not send back, a reviewer may
    send_back = reverse("portal_review_send_back", args=[target.pk])
    translator.post(send_back, {"comment": "nein"})
    review = TranslationReview.objects.get(
        translation__target_locale=english, translation__source__object_id=page.translation_key
    )
    assert review.state == "ready"
    mail.outbox.clear()
    assert reviewer.post(send_back, {"comment": "Bitte den Titel kürzen"}).status_code == 302
    review.refresh_from_db()
    assert review.state == "sent-back" and review.comment == "Bitte den Titel kürzen"
    assert [m.to for m in mail.outbox] == [["uebersetzung@example.org"]]
    assert "Bitte den Titel kürzen" in translator.get("/admin/").content.decode()
    assert not Page.objects.get(pk=target.pk).live
