"""Reading a returned XLIFF file back, all or nothing.

Every check runs before anything is written, and one refusal refuses the whole file, so a
translator never has to find out which half of a batch arrived. The checks, in order:
- well-formed XML without DTDs or entities (defusedxml), at most ``MAX_BYTES``;
- valid against the portal's XLIFF 1.2 schema (``xliff-1.2-portal.xsd``, xmlschema);
- each ``<file>`` names a translation of this portal (``original``), the one the upload is
  for, in the languages the file says, and a language the user translates;
- every unit id is one of the page's;
- the German source of every unit is still the page's (else: which segments changed);
- the target's placeholders are the source's, no more, no fewer.

A target the CAT tool still marks as unconfirmed (``new``, ``needs-…``) is not imported:
only what a translator confirmed becomes a translation.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from uuid import UUID
from xml.etree import ElementTree as ET

import xmlschema
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation, Translation

from home.translation.refusals import language_name
from home.translation.xliff.export import ORIGIN
from home.translation.xliff.inline import InlineError, Q, from_xliff, placeholders, to_xliff
from home.translation.xliff.units import Unit, block_names, readable_path, units_of

MAX_BYTES = 5 * 1024 * 1024
SCHEMA = Path(__file__).with_name("xliff-1.2-portal.xsd")
UNCONFIRMED = {"new", "needs-translation"}
TOOL_NAME = "XLIFF"


class XliffRefused(Exception):
    """The file is refused; ``messages`` say why, in the user's language."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class FilePlan:
    translation: Translation
    updates: list[tuple[Unit, str]] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


def unconfirmed(state: str | None) -> bool:
    return state is not None and (state in UNCONFIRMED or state.startswith("needs-"))


def read(content: bytes) -> ET.Element:
    """The document's root, or ``XliffRefused`` saying what is wrong with the file."""
    if len(content) > MAX_BYTES:
        raise XliffRefused([_("The file is larger than 5 MB.")])
    try:
        root = fromstring(content, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException) as error:
        message = _("The file is not well-formed XML (%(error)s).") % {"error": error}
        raise XliffRefused([message]) from error
    if root.tag != Q + "xliff" or root.get("version") != "1.2":
        raise XliffRefused([_("The file is not an XLIFF 1.2 file.")])
    error = next(schema().iter_errors(root), None)
    if error is not None:
        raise XliffRefused(
            [
                _("The file does not follow the XLIFF 1.2 schema at %(path)s: %(reason)s")
                % {"path": error.path or "/", "reason": error.reason or error.message}
            ]
        )
    return root


def _translation_of(file: ET.Element) -> Translation | None:
    original = file.get("original", "")
    if not original.startswith(ORIGIN):
        return None
    try:
        uuid = UUID(original.removeprefix(ORIGIN))
    except ValueError:
        return None
    return (
        Translation.objects.filter(uuid=uuid)
        .select_related("source__locale", "target_locale")
        .first()
    )


def _check_file(file, translation, expected, languages) -> list[str]:
    if translation is None:
        message = _("The file was not exported from this portal (%(original)s).")
        return [message % {"original": file.get("original")}]
    name = translation.source.object_repr
    target = translation.target_locale.language_code
    if expected is not None and translation.pk != expected.pk:
        message = _("The file belongs to “%(page)s”, not to the translation you are uploading to.")
        return [message % {"page": name}]
    languages_in_file = (file.get("source-language"), file.get("target-language"))
    if languages_in_file != (translation.source.locale.language_code, target):
        message = _(
            "The file for “%(page)s” is for %(file)s, but its translation is into %(language)s."
        )
        return [
            message
            % {"page": name, "file": languages_in_file[1], "language": language_name(target)}
        ]
    if target not in languages:
        return [_("You do not translate into %(language)s.") % {"language": language_name(target)}]
    return []


def _plan_units(file, translation, plan: FilePlan) -> list[str]:
    units = {unit.id: unit for unit in units_of(translation)}
    names = block_names(translation.source.as_instance())
    name = translation.source.object_repr
    errors, unknown, changed = [], [], []
    for element in file.iter(Q + "trans-unit"):
        unit = units.get(element.get("id"))
        if unit is None:
            unknown.append(element.get("id"))
            continue
        source = element.find(Q + "source")
        try:
            file_source = from_xliff(source)
        except InlineError:
            file_source = None
        if file_source != from_xliff(to_xliff(ET.Element(Q + "source"), unit.source)):
            changed.append(readable_path(unit.id, names))
            continue
        target = element.find(Q + "target")
        if target is None or unconfirmed(target.get("state")):
            if target is not None:
                plan.unconfirmed.append(unit.id)
            continue
        if placeholders(target) != placeholders(source):
            message = _("“%(page)s”, segment %(segment)s: the placeholders (links, bold, line "
                        "breaks) differ from the source.")  # fmt: skip
            errors.append(message % {"page": name, "segment": readable_path(unit.id, names)})
            continue
        data = from_xliff(target)
        if data.strip():
            plan.updates.append((unit, data))
    if unknown:
        message = _("“%(page)s”: these segments are not in the page: %(ids)s.")
        errors.append(message % {"page": name, "ids": ", ".join(unknown)})
    if changed:
        message = _("“%(page)s”: the German text has changed since the export in: %(ids)s. "
                    "Please export again.")  # fmt: skip
        errors.append(message % {"page": name, "ids": ", ".join(changed)})
    return errors


def plan_import(root: ET.Element, languages: set[str], expected: Translation | None = None):
    """What the file would change, or ``XliffRefused`` with every reason it cannot."""
    plans, errors = [], []
    for file in root.findall(Q + "file"):
        translation = _translation_of(file)
        problems = _check_file(file, translation, expected, languages)
        if not problems:
            plan = FilePlan(translation)
            problems = _plan_units(file, translation, plan)
            plans.append(plan)
        errors.extend(problems)
    if errors:
        raise XliffRefused(errors)
    return plans


@transaction.atomic
def apply(plans: list[FilePlan], user) -> int:
    """Write the planned translations as wagtail-localize's PO import does; returns how many
    segments changed."""
    changed = 0
    for plan in plans:
        for unit, data in plan.updates:
            if unit.translation == data:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=unit.segment.string,
                locale=plan.translation.target_locale,
                context=unit.segment.context,
                defaults={
                    "data": data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": TOOL_NAME,
                    "last_translated_by": user,
                    "updated_at": timezone.now(),
                    "has_error": False,
                    "field_error": "",
                },
            )
            changed += 1
    return changed
