"""Translation memory: earlier translations offered for the same or a similar German text,
prefilled in the editor and marked in XLIFF and PO files, never used before a translator
confirms them."""

import json
import re
from html import unescape
from xml.etree import ElementTree as ET

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.models import StandardPage
from home.translation.memory import MEMORY_TOOL, offer_from_memory
from home.translation.xliff.inline import Q
from tests.helpers import translate_with_localize

pytestmark = pytest.mark.django_db

KNOWN = "Die Gemeinden der Lausitz planen ihre Wärmeversorgung gemeinsam und offen."
KNOWN_EN = "The municipalities of Lusatia plan their heat supply together and openly."
NEARLY = "Die Gemeinden der Lausitz planen ihre Wärmeversorgung gemeinsam und transparent."
FAR = "Ein ganz anderer Satz über Radwege am See."


def german_page(home_de, slug, title, intro):
    page = StandardPage(title=title, slug=slug, intro=intro)
    home_de.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def known(home_de, english, django_capture_on_commit_callbacks):
    """A page whose intro was translated and published before."""
    page = german_page(home_de, "waerme-gemeinsam", "Wärme gemeinsam", KNOWN)
    texts = {KNOWN: KNOWN_EN, "Wärme gemeinsam": "Heat together"}
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(page, rewrite=lambda text: texts.get(text, f"EN {text}"))
    return page


def submitted(editor, page, english):
    editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    return page.get_translation(english), translation


def intro_row(translation):
    return StringTranslation.objects.get(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        context__path="intro",
    )


def editor_props(client, page):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', html).group(1)
    return json.loads(unescape(props))


def test_the_same_text_is_offered_prefilled_and_marked_in_the_editor(
    editor, translator, known, home_de, english
):
    page = german_page(home_de, "neu", "Ganz neuer Titel", KNOWN)
    target, translation = submitted(editor, page, english)
    props = editor_props(translator, target)
    offered = [t for t in props["initialStringTranslations"] if t["data"] == KNOWN_EN]
    assert len(offered) == 1
    assert "Übersetzungsspeicher" in offered[0]["error"]
    assert "100" in offered[0]["error"]
    assert "Übersetzungsspeicher" in offered[0]["comment"]
    row = intro_row(translation)
    assert (row.tool_name, row.has_error) == (MEMORY_TOOL, True)
    # The title and the slug were not translated before: nothing offered for them.
    assert (
        StringTranslation.objects.filter(
            context__object_id=page.translation_key, locale=english
        ).count()
        == 1
    )


def test_a_similar_text_is_offered_a_different_one_is_not(editor, known, home_de, english):
    nearly = german_page(home_de, "fast", "Fast gleich", NEARLY)
    _target, translation = submitted(editor, nearly, english)
    offer = offer_from_memory(translation)
    assert (offer.exact, offer.similar) == (0, 1)
    assert intro_row(translation).data == KNOWN_EN
    assert 85 <= int(intro_row(translation).field_error) < 100
    far = german_page(home_de, "anders", "Ganz anders", FAR)
    _target, translation = submitted(editor, far, english)
    assert offer_from_memory(translation).offered == 0
    # The title and the intro are left (a slug is never offered); asking again finds them.
    assert offer_from_memory(translation).untranslated == 2


def test_different_markup_is_not_offered(editor, known, home_de, english):
    bold_start = KNOWN.replace("Die Gemeinden", "<b>Die Gemeinden</b>")
    bold = StandardPage(
        title="Fett",
        slug="fett",
        body=[{"type": "paragraph", "value": f"<p>{bold_start}</p>"}],
    )
    home_de.add_child(instance=bold)
    bold.save_revision().publish()
    _target, translation = submitted(editor, bold, english)
    assert offer_from_memory(translation).offered == 0


def test_an_unconfirmed_suggestion_is_never_published(
    editor, translator, reviewer, known, home_de, english, django_capture_on_commit_callbacks
):
    page = german_page(home_de, "nie-ungeprueft", "Nie ungeprüft", KNOWN)
    target, translation = submitted(editor, page, english)
    editor_props(translator, target)  # the translator opens it: the memory offers
    texts = {"Nie ungeprüft": "Never unchecked", "nie-ungeprueft": "never-unchecked"}
    for segment in translation.source.stringsegment_set.select_related("string"):
        if segment.string.data in texts:
            url = reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
            )
            value = texts[segment.string.data]
            translator.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(edit_url, {"action": "publish"}, follow=True)
    assert not Page.objects.get(pk=target.pk).live
    assert any("nicht übersetzt" in str(m) for m in response.context["messages"])
    # Content built from the translation (a draft) has the German text, not the suggestion.
    translation.save_target(publish=False)
    draft = Page.objects.get(pk=target.pk).get_latest_revision_as_object()
    assert draft.intro == KNOWN
    # The translator confirms it in the editor: now it is published.
    segment = translation.source.stringsegment_set.get(context__path="intro")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    translator.put(url, f"value={KNOWN_EN}", content_type="application/x-www-form-urlencoded")
    assert intro_row(translation).has_error is False
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(edit_url, {"action": "publish"})
    published = Page.objects.get(pk=target.pk).specific
    assert published.live and published.intro == KNOWN_EN


def test_xliff_marks_suggestions_for_review_and_imports_only_confirmed(
    editor, translator, known, home_de, english
):
    page = german_page(home_de, "xliff-speicher", "XLIFF und Speicher", NEARLY)
    _target, translation = submitted(editor, page, english)
    url = f"{reverse('portal_xliff_export')}?page={page.pk}&language=en"
    root = ET.fromstring(translator.get(url).content)
    intro = next(u for u in root.iter(f"{Q}trans-unit") if u.get("id") == "intro")
    target = intro.find(f"{Q}target")
    assert target.text == KNOWN_EN
    assert target.get("state") == "needs-review-translation"
    assert target.get("state-qualifier") == "fuzzy-match"
    assert any("Übersetzungsspeicher" in (n.text or "") for n in intro.findall(f"{Q}note"))
    page_url = reverse("portal_xliff_page", args=[page.pk, "en"])

    def upload(root):
        content = ET.tostring(root, encoding="utf-8", xml_declaration=True)
        file = SimpleUploadedFile("f.xlf", content, "application/x-xliff+xml")
        translator.post(page_url, {"file": file})

    upload(root)  # returned unreviewed: still a suggestion
    assert intro_row(translation).has_error is True
    target.text = "The municipalities of Lusatia plan their heat supply together and openly."
    target.set("state", "translated")
    del target.attrib["state-qualifier"]
    upload(root)  # confirmed in the CAT tool, even with the suggested words
    row = intro_row(translation)
    assert (row.has_error, row.tool_name) == (False, "XLIFF")


def test_po_marks_suggestions_fuzzy_and_does_not_import_them_fuzzy(
    editor, translator, known, home_de, english
):
    page = german_page(home_de, "po-speicher", "PO und Speicher", KNOWN)
    _target, translation = submitted(editor, page, english)
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    po = polib.pofile(translator.get(download).content.decode())
    entry = next(e for e in po if e.msgid == KNOWN)
    assert entry.msgstr == KNOWN_EN and "fuzzy" in entry.flags
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])

    def send(po):
        file = SimpleUploadedFile("f.po", str(po).encode(), "text/x-gettext-translation")
        translator.post(upload, {"file": file, "next": "/admin/"})

    entry.msgstr = "Changed but still fuzzy"
    send(po)
    assert intro_row(translation).has_error is True
    entry.flags.remove("fuzzy")
    send(po)
    row = intro_row(translation)
    assert (row.has_error, row.data) == (False, "Changed but still fuzzy")
