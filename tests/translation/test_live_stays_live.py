"""Nothing that is live becomes a draft when content is (re)translated.

wagtail-localize 1.14.5 set ``live = False`` on every draft-state snippet it re-translated
as a draft: submitting a German press release with a campaign film unpublished the English
film (issue 21). Every path a person can take is checked here through the real admin views,
for every draft-state model the portal has: pages, films, topics and press contacts.
"""

import uuid

import polib
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

from home.models import Film, StandardPage, Topic
from news.models import NewsIndexPage, PressContact
from tests.factories.news import NewsPageFactory
from tests.helpers import translate_with_localize
from tests.translation.test_glossary import TRANSLATOR

pytestmark = pytest.mark.django_db

SNIPPETS = [Film, Topic, PressContact]


def draft_state_models():
    """Every translatable model with draft state (pages counted once, as ``Page``)."""
    found = {Page}
    for model in apps.get_models():
        if (
            issubclass(model, DraftStateMixin)
            and issubclass(model, TranslatableMixin)
            and not issubclass(model, Page)
        ):
            found.add(model)
    return found


def live_objects():
    """(model, pk) of every live object of every draft-state model."""
    return {
        (model.__name__, pk)
        for model in draft_state_models()
        for pk in model.objects.filter(live=True).values_list("pk", flat=True)
    }


def assert_nothing_live_became_a_draft(before):
    still_live = live_objects()
    assert before - still_live == set(), "live before, draft now"


def test_the_checks_cover_every_draft_state_model_of_the_portal():
    assert draft_state_models() == {Page, Film, Topic, PressContact}


@pytest.fixture
def film(german):
    """The campaign's first film (one that a film page shows; not the home page's DGS film)."""
    from campaign.models import FilmPage

    shown = FilmPage.objects.values("film")
    return Film.objects.filter(locale=german, live=True, pk__in=shown).order_by("pk").first()


@pytest.fixture
def press_release(german, film):
    """A live German press release with a film in its body, topics and a press contact."""
    index = NewsIndexPage.objects.get(locale=german)
    contact = PressContact.objects.filter(locale=german, live=True).first()
    page = NewsPageFactory(
        parent=index,
        title="Film ab für die Lausitz",
        slug="film-ab",
        kind="press-release",
        body=[{"type": "film", "value": {"film": film.pk}}],
        press_contact=contact,
        topics=list(Topic.objects.filter(locale=german)[:2]),
    )
    page.save_revision().publish()
    return page


def submit(client, page, english, **extra):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [english.pk], **extra})


def test_submitting_a_press_release_keeps_its_english_film_live_and_unchanged(
    editor, press_release, film, english, django_capture_on_commit_callbacks
):
    english_film = film.get_translation(english)
    revisions = english_film.revisions.count()
    before = live_objects()
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(editor, press_release, english).status_code == 302
    assert_nothing_live_became_a_draft(before)
    english_film.refresh_from_db()
    assert english_film.live and not english_film.has_unpublished_changes
    assert english_film.revisions.count() == revisions  # nothing to review, nothing written
    new_page = press_release.get_translation(english)
    assert not new_page.live  # the new English press release itself starts as a draft
    # English visitors still see the English film on the campaign's film page
    film_page = Page.objects.live().filter(locale=english, filmpage__film=english_film).first()
    html = editor.get(film_page.url).content.decode()
    assert english_film.description in html and film.description not in html


def test_a_changed_german_film_becomes_an_english_draft_not_an_english_unpublish(
    editor, press_release, film, english, django_capture_on_commit_callbacks
):
    english_film = film.get_translation(english)
    live_title = english_film.title
    film.title = "Hier wächst was (neu geschnitten)"
    film.save_revision().publish()
    # the editor brings the film's source up to date (a sync without publishing) ...
    sync = reverse("wagtail_localize:update_translations", args=[source_of(film).pk])
    assert editor.post(sync, {}).status_code == 302
    english_film.refresh_from_db()
    assert english_film.title == live_title and not english_film.has_unpublished_changes
    before = live_objects()
    # ... and then submits a press release that embeds it: the film is translated again
    with django_capture_on_commit_callbacks(execute=True):
        submit(editor, press_release, english)
    assert_nothing_live_became_a_draft(before)
    english_film.refresh_from_db()
    assert english_film.title == live_title  # visitors see the reviewed English text
    assert english_film.has_unpublished_changes  # the new German title waits for review
    draft = english_film.get_latest_revision_as_object()
    assert draft.title == "Hier wächst was (neu geschnitten)"  # fallback until translated
    assert english_film.sources.count() == film.sources.count()  # files stay in place


def test_submitting_a_subtree_keeps_live_english_pages_and_films_live(
    editor, home_de, press_release, film, english, django_capture_on_commit_callbacks
):
    parent = StandardPage(title="Pressemappe", slug="pressemappe")
    home_de.add_child(instance=parent)
    parent.save_revision().publish()
    press_release.move(parent, pos="last-child")
    press_release.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        english_release = translate_with_localize(press_release)
    english_release.save_revision().publish()
    english_release.refresh_from_db()
    live_title = english_release.title
    press_release.title = "Film ab für die Lausitz – aktualisiert"
    press_release.save_revision().publish()
    before = live_objects()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(editor, parent, english, include_subtree="on")
    assert response.status_code == 302
    assert_nothing_live_became_a_draft(before)
    english_release.refresh_from_db()
    assert english_release.live and english_release.title == live_title
    assert english_release.has_unpublished_changes
    assert film.get_translation(english).live


@pytest.fixture
def translated_press_release(press_release, english, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        english_page = translate_with_localize(press_release)
        english_page.save_revision().publish()
    return press_release


@pytest.fixture
def superuser(django_user_model, client):
    user = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(user)
    return client


def source_of(instance):
    return TranslationSource.objects.get(object_id=instance.translation_key)


def translation_of(instance, english):
    return Translation.objects.get(source=source_of(instance), target_locale=english)


def german_snippet(model, german):
    return model.objects.filter(locale=german, live=True).order_by("pk").first()


@pytest.mark.parametrize("publish", [False, True], ids=["sync", "sync-and-publish"])
def test_syncing_a_page_keeps_everything_live(
    editor,
    superuser,
    translated_press_release,
    english,
    publish,
    django_capture_on_commit_callbacks,
):
    page = translated_press_release
    page.title = "Film ab – neue Fassung"
    page.save_revision().publish()
    client, data = (superuser, {"publish_translations": "on"}) if publish else (editor, {})
    before = live_objects()
    url = reverse("wagtail_localize:update_translations", args=[source_of(page).pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert_nothing_live_became_a_draft(before)
    assert page.get_translation(english).live


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("publish", [False, True], ids=["sync", "sync-and-publish"])
def test_syncing_a_snippet_keeps_everything_live(
    editor, superuser, german, english, model, publish, django_capture_on_commit_callbacks
):
    snippet = german_snippet(model, german)
    client, data = (superuser, {"publish_translations": "on"}) if publish else (editor, {})
    before = live_objects()
    url = reverse("wagtail_localize:update_translations", args=[source_of(snippet).pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert_nothing_live_became_a_draft(before)
    assert snippet.get_translation(english).live


def upload_po(client, translation, change):
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = po[0]
    entry.msgstr = change(entry.msgid)
    file = SimpleUploadedFile("en.po", str(po).encode(), "text/x-gettext-translation")
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    return client.post(url, {"file": file})


def test_po_upload_for_a_page_keeps_everything_live(
    translator, translated_press_release, english, django_capture_on_commit_callbacks
):
    before = live_objects()
    translation = translation_of(translated_press_release, english)
    with django_capture_on_commit_callbacks(execute=True):
        assert upload_po(translator, translation, lambda text: f"PO {text}").status_code == 302
    assert_nothing_live_became_a_draft(before)


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m.__name__)
def test_po_upload_for_a_snippet_keeps_everything_live(
    translator, german, english, model, django_capture_on_commit_callbacks
):
    before = live_objects()
    translation = translation_of(german_snippet(model, german), english)
    with django_capture_on_commit_callbacks(execute=True):
        assert upload_po(translator, translation, lambda text: f"PO {text}").status_code == 302
    assert_nothing_live_became_a_draft(before)


def machine_translate(client, translation):
    return client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))


def test_machine_translation_of_a_page_keeps_everything_live(
    settings, translator, translated_press_release, english, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TRANSLATOR
    before = live_objects()
    translation = translation_of(translated_press_release, english)
    with django_capture_on_commit_callbacks(execute=True):
        assert machine_translate(translator, translation).status_code == 302
    assert_nothing_live_became_a_draft(before)


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m.__name__)
def test_machine_translation_of_a_snippet_keeps_everything_live(
    settings, translator, german, english, model, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = TRANSLATOR
    before = live_objects()
    translation = translation_of(german_snippet(model, german), english)
    with django_capture_on_commit_callbacks(execute=True):
        assert machine_translate(translator, translation).status_code == 302
    assert_nothing_live_became_a_draft(before)


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m.__name__)
def test_submitting_a_new_snippet_keeps_its_source_live_and_makes_an_english_draft(
    editor, german, english, model, django_capture_on_commit_callbacks
):
    existing = german_snippet(model, german)
    new = existing.copy_for_translation(german)  # a fresh German snippet like the demo's
    new.translation_key = uuid.uuid4()
    if hasattr(new, "slug"):
        new.slug = f"{new.slug}-neu"
    new.save()
    new.save_revision().publish()
    new.refresh_from_db()
    before = live_objects()
    meta = model._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, new.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url, {"locales": [english.pk]}).status_code == 302
    assert_nothing_live_became_a_draft(before)
    assert not new.get_translation(english).live
