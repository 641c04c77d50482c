"""XLIFF 1.2 files for CAT tools (Trados, memoQ, Phrase): one ``<file>`` per page.

Each file names its wagtail-localize translation in ``original`` ("wagtail-localize:" and the
translation's uuid), so a returned file is matched to its page and language and to nothing
else. Segments are ``trans-unit``\\ s with stable ids (``units``), a context note (field and
block) and the German source with protected placeholders (``inline``). A segment already
translated carries its target (state "translated"); an untranslated one none, so the CAT
tool offers it as new.
"""

from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

from home.translation.machine import glossary_terms
from home.translation.memory import offer_from_memory
from home.translation.xliff.inline import NS, Q, terms_pattern, to_xliff
from home.translation.xliff.units import block_names, readable_path, units_of

# XLIFF as the default namespace (``<xliff xmlns=…>``), as CAT tools write it; ElementTree's
# ``default_namespace`` would refuse the unqualified attributes XLIFF uses.
ET.register_namespace("", NS)

ORIGIN = "wagtail-localize:"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def original_of(translation: Translation) -> str:
    return f"{ORIGIN}{translation.uuid}"


def _note(parent: ET.Element, text: str, **attributes) -> None:
    ET.SubElement(parent, Q + "note", attributes).text = text


def _file(translation: Translation, terms) -> ET.Element:
    source_language = translation.source.locale.language_code
    target_language = translation.target_locale.language_code
    file = ET.Element(
        Q + "file",
        {
            "original": original_of(translation),
            "source-language": source_language,
            "target-language": target_language,
            "datatype": "html",
            "date": timezone.now().replace(microsecond=0).isoformat(),
            "product-name": settings.WAGTAIL_SITE_NAME,
        },
    )
    header = ET.SubElement(file, Q + "header")
    _note(header, f"{translation.source.object_repr} ({source_language} → {target_language})")
    body = ET.SubElement(file, Q + "body")
    names = block_names(translation.source.as_instance())
    for unit in units_of(translation):
        element = ET.SubElement(
            body,
            Q + "trans-unit",
            {"id": unit.id, "resname": unit.path, XML_SPACE: "preserve"},
        )
        source = ET.SubElement(element, Q + "source", {XML_LANG: source_language})
        to_xliff(source, unit.source, terms)
        if unit.translation:
            target = ET.SubElement(
                element, Q + "target", {XML_LANG: target_language, "state": "translated"}
            )
            to_xliff(target, unit.translation)
        elif unit.suggestion:
            # Offered by the memory: a CAT tool shows it as a match to review.
            qualifier = "leveraged-tm" if unit.score == 100 else "fuzzy-match"
            attributes = {"state": "needs-review-translation", "state-qualifier": qualifier}
            target = ET.SubElement(element, Q + "target", {XML_LANG: target_language, **attributes})
            to_xliff(target, unit.suggestion)
            _note(element, memory_note(unit.score), annotates="target", **{"from": "memory"})
        _note(element, readable_path(unit.path, names), annotates="general", **{"from": "context"})
    return file


STRUCTURE = {Q + tag for tag in ("xliff", "file", "header", "body", "trans-unit")}


def _indent(element: ET.Element, level: int = 0) -> None:
    """Line up the structure for a human reader, never touching a source's or target's
    text (``ET.indent`` would add whitespace inside mixed content, changing segments)."""
    if element.tag not in STRUCTURE or not len(element):
        return
    padding = "\n" + "  " * (level + 1)
    element.text = padding
    for child in element:
        child.tail = padding
        _indent(child, level + 1)
    element[-1].tail = "\n" + "  " * level


def memory_note(score) -> str:
    return _("From the translation memory (%(score)s %% similar)") % {"score": score or "?"}


def export_xliff(translations: list[Translation]) -> bytes:
    """One XLIFF 1.2 document holding ``translations`` (one page or a batch), each first
    offered what the translation memory has for it."""
    for translation in translations:
        offer_from_memory(translation)
    terms = terms_pattern(glossary_terms())
    root = ET.Element(Q + "xliff", {"version": "1.2"})
    for translation in translations:
        root.append(_file(translation, terms))
    _indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def filename_for(translations: list[Translation]) -> str:
    language = translations[0].target_locale.language_code
    if len(translations) == 1:
        return f"{slugify(translations[0].source.object_repr)}-{language}.xlf"
    return f"seiten-{len(translations)}-{language}.xlf"
