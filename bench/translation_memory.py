"""How much of a new press release the translation memory offers, on the demo content.

    .venv/bin/python bench/translation_memory.py          # the database of `make run`
    DATABASE_URL=… .venv/bin/python bench/translation_memory.py

A new press release is written as the demo's are: a new title, teaser and body, plus the
parts every release of the agency repeats (the call to the campaign, a hero image used
before, the source line with another date). It is submitted for translation into every
translation language and the memory is asked, as when a translator opens the editor. Each
segment is printed with what was offered, then the share. Everything happens in one
transaction that is rolled back: the database is left as it was.
"""

import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

RELEASE = {
    "slug": "waermeplanung-zweiter-austausch",
    "slug_en": None,
    "date": datetime.date(2026, 12, 2),
    "kind": "press-release",
    "topics": ["energie-und-waerme"],
    "image": ("Demo: Abendhimmel über Windrädern", 21, "evening"),
    "title": ("Wärmeplanung: Gemeinden treffen sich im Frühjahr wieder", None),
    "teaser": (
        "Nach dem ersten Informationstag vereinbaren die Gemeinden einen zweiten Termin, "
        "diesmal mit Beispielen aus Nachbarorten.",
        None,
    ),
    "hero_alt": ("Windräder vor einem Abendhimmel", None),
    "body": [
        (
            "paragraph",
            "Viele Fragen vom ersten Termin betrafen Fördermittel und die Rolle der Stadtwerke. "
            "Beim zweiten Treffen berichten zwei Gemeinden, wie sie ihre Bestandsaufnahme "
            "begonnen haben.",
            None,
        ),
        ("cta", "Zur Kampagne „Die Lausitz. Krasse Gegend.“", None, "krasse-gegend"),
    ],
    "source_line": (
        "Quelle: Lausitz-Entwicklungsagentur (Demo), Pressemitteilung vom 2. Dezember 2026",
        None,
    ),
}


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    from home.models import Topic
    from home.translation.memory import offer_from_memory, suggestion_rows
    from home.translation.roles import translation_languages
    from home.translation.xliff.units import block_names, readable_path
    from news.demo import ensure_article, ensure_press_contact
    from news.models import NewsIndexPage

    with transaction.atomic():
        index = NewsIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        topics = {t.slug: t for t in Topic.objects.filter(locale=index.locale)}
        contact = ensure_press_contact(index.locale, lambda message: None)
        page = ensure_article(index, RELEASE, topics, contact, lambda message: None)
        source, _ = TranslationSource.get_or_create_from_instance(page)
        for language in translation_languages():
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None:
                print(f"\n{language}: no locale in this database (demo content not loaded)")
                continue
            translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
            offer = offer_from_memory(translation)
            total = source.stringsegment_set.count()
            print(f"\nNew press release “{page.title}” into {language}: {total} segments")
            offered = {
                (row.translation_of_id, row.context_id): row for row in suggestion_rows(translation)
            }
            names = block_names(page)
            segments = source.stringsegment_set.select_related("string", "context")
            for segment in segments.order_by("order"):
                row = offered.get((segment.string_id, segment.context_id))
                mark = f"{row.field_error:>3} %" if row else "  –  "
                place = readable_path(segment.context.path, names)
                print(f"  {mark}  {place[:22]:22}  {segment.string.data[:60]}")
                if row:
                    print(f"{'':9}→ {row.data[:76]}")
            print(
                f"offered from memory: {offer.offered} of {total} segments "
                f"({100 * offer.offered / total:.0f} %): {offer.exact} exact, "
                f"{offer.similar} similar (≥ 85 %); the slug is never offered"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
