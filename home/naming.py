"""Pages that name other pages (an article or event names the projects it is about), in
the reader's language, in both directions.

The German page owns the links, as it owns an event's facts: a translation shows what its
German original names, whatever page objects its own copy of the many-to-many field holds
(wagtail-localize copies such fields on translation but never re-synchronises them). Links
are matched by ``translation_key``, so "the project in the reader's language" is its live,
public translation, and a page not translated yet is left out. Each direction costs one
query per page type, whatever the number of pages.
"""

from django.conf import settings
from wagtail.models import Page

from home.i18n import public


def named_by(page, field: str, language: str) -> list:
    """The pages that the German version of ``page`` names through its many-to-many
    ``field`` (e.g. an article's ``projects``), live and public in ``language``, by title."""
    relation = type(page)._meta.get_field(field)
    target = relation.related_model
    query = relation.related_query_name()
    keys = target.objects.filter(
        **{
            f"{query}__translation_key": page.translation_key,
            f"{query}__locale__language_code": settings.LANGUAGE_CODE,
        }
    ).values("translation_key")
    return list(
        public(target.objects.live().filter(locale__language_code=language))
        .filter(translation_key__in=keys)
        .order_by("title")
    )


def naming(page, language: str, prepare=None) -> dict[str, list]:
    """Pages of every type that name ``page`` through a many-to-many field (their German
    versions do), live and public in ``language``: ``{"news.newspage": [...], ...}``, each
    list in the type's ``naming_order`` (newest first by default), types without such pages
    left out. ``prepare(queryset)`` may narrow what is loaded (the columns a card shows)."""
    found = {}
    for relation in type(page)._meta.related_objects:
        model = relation.related_model
        if not relation.many_to_many or not issubclass(model, Page):
            continue
        owners = model.objects.filter(
            **{
                f"{relation.field.name}__translation_key": page.translation_key,
                "locale__language_code": settings.LANGUAGE_CODE,
            }
        ).values("translation_key")
        pages = public(model.objects.live().filter(locale__language_code=language)).filter(
            translation_key__in=owners
        )
        pages = pages.order_by(*getattr(model, "naming_order", ("-first_published_at", "-pk")))
        items = list(prepare(pages) if prepare else pages)
        if items:
            found[model._meta.label_lower] = items
    return found
