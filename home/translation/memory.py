"""Translation memory: a German text translated anywhere on the site before is offered again.

When a translator opens a translation (or exports it as XLIFF or PO), every segment without
a translation is looked up among the site's confirmed translations into the same language:
the same German text in another place (100 %), else the most similar one of at least
``THRESHOLD`` % (rapidfuzz's normalised Indel similarity, the measure of Python's
``difflib.SequenceMatcher.ratio``) whose inline markup is the same. A press release's
contact paragraph, source line and closing invitation are then offered instead of typed again.

**Offered, never used unconfirmed.** A suggestion is a ``StringTranslation`` marked with
wagtail-localize's own "not usable" flag, ``has_error``, and ``tool_name = MEMORY_TOOL``:
- wagtail-localize's editor shows it prefilled, with the note "From the translation memory
  (N % similar): check it and save to confirm" in place of an error (``get_error`` below);
- everything that builds page content (``annotate_translation`` without errors) treats it as
  untranslated, so no draft or publish carries it, and the portal's publish and "ready for
  review" guards count it as missing;
- saving the segment in the editor (or importing it confirmed from XLIFF or PO) clears the
  flag, as wagtail-localize does for any corrected translation.
"""

import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process
from wagtail_localize.models import String, StringSegment, StringTranslation, Translation

THRESHOLD = 85
MEMORY_TOOL = "translation-memory"
NOT_OFFERED = {"slug"}  # a slug must be unique; a neighbour's is no suggestion
TAG = re.compile(r"<[^>]+>")
# Two texts of lengths a <= b are at most 2a / (a + b) similar: the length window a
# candidate must lie in to reach THRESHOLD at all.
LENGTH_FACTOR = THRESHOLD / (200 - THRESHOLD)


@dataclass
class Offer:
    """What ``offer_from_memory`` found for one translation."""

    untranslated: int = 0
    exact: int = 0
    similar: int = 0

    @property
    def offered(self) -> int:
        return self.exact + self.similar


def confirmed(locale):
    """Translations a person made or confirmed into ``locale``."""
    return StringTranslation.objects.filter(locale=locale, has_error=False).exclude(
        tool_name=MEMORY_TOOL
    )


def _markup(text: str) -> list[str]:
    return sorted(TAG.findall(text))


def _exact(strings, locale) -> dict[int, str]:
    """String id -> the latest confirmed translation of that very text, in any place."""
    found = {}
    for string_id, data in (
        confirmed(locale)
        .filter(translation_of_id__in=[string.pk for string in strings])
        .order_by("updated_at")
        .values_list("translation_of_id", "data")
    ):
        found[string_id] = data
    return found


def _similar(string: String, locale) -> tuple[str, int] | None:
    """The translation of the most similar translated German text, and the similarity."""
    length = len(string.data)
    candidates = dict(
        String.objects.filter(locale_id=string.locale_id)
        .exclude(pk=string.pk)
        .annotate(length=Length("data"))
        .filter(length__gte=length * LENGTH_FACTOR, length__lte=length / LENGTH_FACTOR)
        .filter(Exists(confirmed(locale).filter(translation_of=OuterRef("pk"))))
        .values_list("pk", "data")
    )
    markup = _markup(string.data)
    candidates = {pk: data for pk, data in candidates.items() if _markup(data) == markup}
    best = process.extractOne(string.data, candidates, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
    if best is None:
        return None
    _text, score, pk = best
    translation = confirmed(locale).filter(translation_of_id=pk).order_by("-updated_at").first()
    return translation.data, int(score)


def untranslated_segments(translation: Translation):
    """The translation's segments with no translation at all (not even a suggestion)."""
    existing = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=translation.target_locale,
    )
    return (
        StringSegment.objects.filter(source=translation.source)
        .exclude(Exists(existing))
        .exclude(context__path__in=NOT_OFFERED)
        .select_related("string", "context")
    )


def offer_from_memory(translation: Translation) -> Offer:
    """Put the memory's suggestions into every untranslated segment; what was offered."""
    locale = translation.target_locale
    segments = list(untranslated_segments(translation))
    offer = Offer(untranslated=len(segments))
    exact = _exact([segment.string for segment in segments], locale)
    for segment in segments:
        if segment.string_id in exact:
            data, score = exact[segment.string_id], 100
            offer.exact += 1
        else:
            found = _similar(segment.string, locale)
            if found is None:
                continue
            data, score = found
            offer.similar += 1
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=locale,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=MEMORY_TOOL,
            has_error=True,
            field_error=str(score),
        )
    return offer


def suggestion_rows(translation: Translation):
    """The translation's unconfirmed suggestions (``StringTranslation`` rows)."""
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        tool_name=MEMORY_TOOL,
        has_error=True,
    )


def suggestions(translation: Translation) -> int:
    """How many of the translation's segments hold an unconfirmed suggestion."""
    return suggestion_rows(translation).count()


def is_suggestion(string_translation: StringTranslation) -> bool:
    return string_translation.tool_name == MEMORY_TOOL and string_translation.has_error


def suggestion_note(string_translation: StringTranslation) -> str:
    return _(
        "From the translation memory (%(score)s %% similar): check it and save to confirm."
    ) % {"score": string_translation.field_error or "?"}


_localize_get_error = StringTranslation.get_error


def get_error(self):
    """wagtail-localize's ``get_error``, except that a suggestion says what it is."""
    if is_suggestion(self):
        return suggestion_note(self)
    return _localize_get_error(self)


def install():
    """Put the method in place of wagtail-localize's (idempotent)."""
    StringTranslation.get_error = get_error
