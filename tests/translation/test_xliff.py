"""XLIFF 1.2 exchange with CAT tools, through the admin's real views.

The export is checked against the portal's XLIFF 1.2 schema and read by translate-toolkit,
an independent XLIFF implementation; the import is exercised with translate-toolkit's
output. Every refusal goes through the upload view and must leave the database as it was.
"""

import re
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from translate.storage.xliff import xlifffile
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import StandardPage
from home.translation.xliff.importer import SCHEMA
from home.translation.xliff.inline import Q

pytestmark = pytest.mark.django_db

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def linked_page(home_de, english):
    """A German page with a link, bold text, a line break and a glossary term, submitted for
    translation into English."""
    page = StandardPage(
        title="Wandel in Cottbus",
        slug="wandel-in-cottbus",
        intro="Ein Tag zum Strukturwandel in Cottbus.",
        body=[
            {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
            {
                "type": "paragraph",
                "value": f'<p>In <b>Cottbus</b> beginnt der <a linktype="page" id="{home_de.pk}">'
                "Wandel</a>.<br/>Kommen Sie vorbei.</p><p>Eintritt frei.</p>",
            },
        ],
    )
    home_de.add_child(instance=page)
    page.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(publish=False)  # the English draft submitting creates
    return page


def state_of_database():
    """What an import could change: every string translation, revision and log entry."""
    return (
        sorted(StringTranslation.objects.values_list("id", "data", "updated_at")),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )


def export(client, *pages, language="en"):
    query = "&".join(f"page={page.pk}" for page in pages)
    return client.get(f"{reverse('portal_xliff_export')}?{query}&language={language}")


def upload(client, content: bytes, url=None, name="seite-en.xlf"):
    file = SimpleUploadedFile(name, content, "application/x-xliff+xml")
    return client.post(url or reverse("portal_xliff_import"), {"file": file}, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def unit_id(unit) -> str:
    """The trans-unit's own id (translate-toolkit prefixes the file's ``original``)."""
    return unit.xmlelement.get("id")


def page_url(page, language="en"):
    return reverse("portal_xliff_page", args=[page.pk, language])


# --- export -------------------------------------------------------------------------------


def test_export_is_valid_xliff_with_stable_ids_notes_and_protected_markup(translator, linked_page):
    response = export(translator, linked_page)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-xliff+xml")
    assert 'filename="wandel-in-cottbus-en.xlf"' in response["Content-Disposition"]
    xmlschema.XMLSchema(str(SCHEMA)).validate(response.content.decode())
    root = ET.fromstring(response.content)
    (file,) = root.findall("x:file", NS)
    assert (file.get("source-language"), file.get("target-language")) == ("de", "en")
    units = file.findall(".//x:trans-unit", NS)
    ids = [unit.get("id") for unit in units]
    assert len(ids) == len(set(ids))
    assert "title" in ids and "intro" in ids
    second_paragraph = [i for i in ids if i.endswith("#2")]
    assert len(second_paragraph) == 1, "a second segment of one field gets #2"
    notes = {u.get("id"): u.find("x:note", NS).text for u in units}
    assert notes[second_paragraph[0]] == "body › paragraph"
    paragraph = next(u for u in units if "beginnt" in "".join(u.find("x:source", NS).itertext()))
    source = paragraph.find("x:source", NS)
    assert [(g.get("ctype"), g.text) for g in source.findall("x:g", NS)] == [
        ("bold", None),
        ("link", "Wandel"),
    ]
    assert source.find("x:g/x:mrk", NS).text == "Cottbus"
    assert source.find("x:g/x:mrk", NS).get("mtype") == "protected"
    assert source.find("x:x", NS).get("ctype") == "lb"
    # The same page exported twice has the same ids.
    again = ET.fromstring(export(translator, linked_page).content)
    assert [u.get("id") for u in again.iter(f"{Q}trans-unit")] == ids


def test_export_is_read_by_translate_toolkit(translator, linked_page):
    store = xlifffile(export(translator, linked_page).content)
    units = [unit for unit in store.units if not unit.isheader()]
    assert {unit_id(unit) for unit in units} >= {"title", "intro"}
    title = next(unit for unit in units if unit_id(unit) == "title")
    assert title.source == "Wandel in Cottbus"
    assert not title.istranslated()
    paragraph = next(unit for unit in units if "beginnt" in unit.source)
    assert "body › paragraph" in paragraph.getnotes()


def test_batch_export_holds_one_file_per_page(translator, linked_page, english):
    impressum = Page.objects.get(slug="impressum", locale__language_code="de")
    response = export(translator, linked_page, impressum)
    assert response.status_code == 200
    files = ET.fromstring(response.content).findall("x:file", NS)
    assert len(files) == 2
    assert 'filename="seiten-2-en.xlf"' in response["Content-Disposition"]
    # Impressum is translated already: its targets travel along, marked translated.
    (legal,) = [f for f in files if "Impressum" in f.find("x:header/x:note", NS).text]
    targets = list(legal.iter(f"{Q}target"))
    assert targets and {t.get("state") for t in targets} == {"translated"}


def test_export_of_a_page_not_submitted_for_translation_says_so(translator, home_de):
    page = StandardPage(title="Noch nicht eingereicht", slug="noch-nicht")
    home_de.add_child(instance=page)
    response = export(translator, page)
    assert response.status_code == 302
    followed = translator.get(response["Location"])
    assert any("Noch nicht eingereicht" in m for m in messages_of(followed))


def test_only_translators_of_the_language_exchange_xliff(editor, reviewer, linked_page):
    refused_export = export(editor, linked_page)
    assert refused_export.status_code == 403
    assert "Übersetzung EN" in refused_export.content.decode()
    assert export(reviewer, linked_page).status_code == 403
    assert editor.get(page_url(linked_page)).status_code == 403
    unknown = f"{reverse('portal_xliff_export')}?page={linked_page.pk}&language=xx"
    assert editor.get(unknown, follow=True).status_code == 404
    overview = editor.get(reverse("portal_translation_status"))
    assert b"xliff-export" not in overview.content


def test_status_overview_offers_batch_export_and_page_exchange(translator, linked_page):
    overview = translator.get(reverse("portal_translation_status"))
    html = overview.content.decode()
    assert f'name="page" value="{linked_page.pk}"' in html
    assert page_url(linked_page) in html
    page_screen = translator.get(page_url(linked_page))
    assert page_screen.status_code == 200
    assert b"Download XLIFF" in page_screen.content or "XLIFF herunterladen" in (
        page_screen.content.decode()
    )


# --- import -------------------------------------------------------------------------------


def test_round_trip_through_translate_toolkit_imports_and_publishes(
    translator, reviewer, linked_page, english, django_capture_on_commit_callbacks
):
    content = export(translator, linked_page).content
    store = xlifffile(content)
    for unit in store.units:
        if unit.isheader():
            continue
        if unit_id(unit) == "slug":
            unit.target = "change-in-cottbus"
        elif "beginnt" in unit.source:
            # Keep the placeholders, translate the words around them.
            unit.rich_target = unit.rich_source
            xml = unit.xmlelement.find(f"{Q}target")
            xml.text = "In "
            xml[0].tail = " "
            xml[1].text = "change"
            xml[1].tail = " begins."
            xml[2].tail = "Come along."
        else:
            unit.target = {
                "Wandel in Cottbus": "Change in Cottbus",
                "Ein Tag zum Strukturwandel in Cottbus.": "A day on structural change in Cottbus.",
                "Worum es geht": "What it is about",
                "Eintritt frei.": "Free admission.",
            }.get(unit.source, f"EN {unit.source}")
    returned = bytes(store)
    response = upload(translator, returned, url=page_url(linked_page))
    assert response.status_code == 200
    text = " ".join(messages_of(response))
    assert "importiert" in text or "imported" in text, text
    stored = set(
        StringTranslation.objects.filter(
            locale=english, context__object_id=linked_page.translation_key
        ).values_list("data", "tool_name")
    )
    assert ('In <b>Cottbus</b> <a id="a1">change</a> begins.<br/>Come along.', "XLIFF") in stored
    assert ("Change in Cottbus", "XLIFF") in stored
    # The reviewer publishes from the translation editor, as after a PO import.
    translation = Translation.objects.get(source__object_id=linked_page.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=reviewer.user, publish=True)
    english_page = linked_page.get_translation(english).specific
    html = reviewer.get(english_page.url).content.decode()
    assert "<b>Cottbus</b>" in html and "Come along." in html
    assert re.search(r'<a href="/en/"[^>]*>change</a>', html), "the link kept its target"


def test_unconfirmed_targets_are_left_for_the_translator(translator, linked_page):
    content = export(translator, linked_page).content
    store = xlifffile(content)
    title = next(u for u in store.units if unit_id(u) == "title")
    title.target = "Change in Cottbus"
    title.xmlelement.find(f"{Q}target").set("state", "needs-review-translation")
    before = state_of_database()
    response = upload(translator, bytes(store), url=page_url(linked_page))
    assert state_of_database() == before
    assert any("unbestätigt" in m or "unconfirmed" in m for m in messages_of(response))


# --- refusals: a message, and nothing changed ---------------------------------------------


def refused(client, content, url=None) -> str:
    before = state_of_database()
    response = upload(client, content, url=url)
    assert response.status_code == 200
    assert state_of_database() == before
    text = " ".join(messages_of(response))
    assert "nichts wurde geändert" in text or "nothing was changed" in text, text
    return text


def with_titles_translated(client, page) -> ET.Element:
    root = ET.fromstring(export(client, page).content)
    for unit in root.iter(f"{Q}trans-unit"):
        if unit.find(f"{Q}target") is None:
            target = ET.Element(f"{Q}target", {"state": "translated"})
            source = unit.find(f"{Q}source")
            target.text, target[:] = source.text, list(source)
            unit.insert(1, target)
    return root


def serialize(root) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def test_malformed_xml_is_refused(translator, linked_page):
    text = refused(translator, b"<xliff version='1.2'><file>", url=page_url(linked_page))
    assert "wohlgeformt" in text or "well-formed" in text


def test_a_po_file_is_not_xliff(translator, linked_page):
    text = refused(translator, b'msgid ""\nmsgstr ""\n')
    assert "XML" in text


def test_entities_and_doctypes_are_refused(translator, linked_page):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">&b;</xliff>'
    )
    refused(translator, bomb)


def test_a_file_against_the_schema_is_refused(translator, linked_page):
    root = with_titles_translated(translator, linked_page)
    next(root.iter(f"{Q}target")).set("state", "almost-done")
    text = refused(translator, serialize(root), url=page_url(linked_page))
    assert "XLIFF-1.2-Schema" in text or "XLIFF 1.2 schema" in text


def test_a_file_of_another_page_is_refused(translator, linked_page):
    impressum = Page.objects.get(slug="impressum", locale__language_code="de")
    other = with_titles_translated(translator, impressum)
    text = refused(translator, serialize(other), url=page_url(linked_page))
    assert "Impressum" in text


def test_a_file_for_another_language_is_refused(translator, linked_page):
    root = with_titles_translated(translator, linked_page)
    root.find(f"{Q}file").set("target-language", "pl")
    text = refused(translator, serialize(root))
    assert "pl" in text


def test_a_language_the_user_does_not_translate_is_refused(translator, reviewer, linked_page):
    content = serialize(with_titles_translated(translator, linked_page))
    text = refused(reviewer, content)
    assert "Englisch" in text or "English" in text


def test_tampered_placeholders_are_refused(translator, linked_page):
    root = with_titles_translated(translator, linked_page)
    for unit in root.iter(f"{Q}trans-unit"):
        target = unit.find(f"{Q}target")
        line_break = target.find(f"{Q}x")
        if line_break is not None:
            target.remove(line_break)
    text = refused(translator, serialize(root), url=page_url(linked_page))
    assert "Platzhalter" in text or "placeholders" in text
    assert "body › paragraph" in text


def test_an_invented_placeholder_is_refused(translator, linked_page):
    root = with_titles_translated(translator, linked_page)
    title = next(u for u in root.iter(f"{Q}trans-unit") if u.get("id") == "title")
    ET.SubElement(title.find(f"{Q}target"), f"{Q}g", {"id": "a9", "ctype": "link"}).text = "x"
    text = refused(translator, serialize(root), url=page_url(linked_page))
    assert "title" in text


def test_unknown_segment_ids_are_refused(translator, linked_page):
    root = with_titles_translated(translator, linked_page)
    next(root.iter(f"{Q}trans-unit")).set("id", "body.nicht-da")
    text = refused(translator, serialize(root), url=page_url(linked_page))
    assert "body.nicht-da" in text


def test_a_source_changed_since_export_is_refused_naming_the_segments(
    translator, editor, linked_page
):
    content = serialize(with_titles_translated(translator, linked_page))
    linked_page.title = "Wandel in Cottbus und Guben"
    linked_page.save_revision().publish()
    TranslationSource.update_or_create_from_instance(linked_page)
    text = refused(translator, content, url=page_url(linked_page))
    assert "geändert" in text or "changed" in text
    assert "title" in text and "intro" not in text


def test_upload_without_a_file_says_so(translator, linked_page):
    before = state_of_database()
    response = translator.post(page_url(linked_page), {}, follow=True)
    assert state_of_database() == before
    assert any("XLIFF" in m for m in messages_of(response))
