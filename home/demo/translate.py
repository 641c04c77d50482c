"""Demo translations made with wagtail-localize's own machinery.

An English page made here is a real translation: a ``TranslationSource`` with its segments,
a ``Translation`` to the English locale, and a ``StringTranslation`` per segment. Translators
see it in the translation editor exactly as if they had typed it; a sync later keeps it.
"""

from django.core.management.base import CommandError
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(source_object, language_code: str, strings: dict[str, str], publish=True):
    """Translate a page or snippet with ``strings`` (German text -> English text).

    Idempotent: an existing translation is returned untouched. Every segment must have a
    translation in ``strings``, so demo pages never go live with German text in them.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = source_object.get_translation_or_none(locale)
    if existing is not None:
        return existing, False
    source, _created = TranslationSource.get_or_create_from_instance(source_object)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            raise CommandError(
                f"Demo content: no {language_code} text for {segment.string.data!r} "
                f"({segment.context.path}) of {source_object!r}"
            )
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text},
        )
    translation.save_target(publish=publish)
    return source_object.get_translation(locale), True


def plain_text_segments(strings: dict[str, str]) -> dict[str, str]:
    """wagtail-localize stores line breaks of plain text fields as ``<br/>`` in segments."""
    return {k.replace("\n", "<br/>"): v.replace("\n", "<br/>") for k, v in strings.items()}
