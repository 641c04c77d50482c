"""Dashboard panel of the translation workflow: translations whose German page changed since.

One or two queries with a fixed limit, however much content the site holds.
"""

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from laces.components import Component
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from home.translation.roles import languages_of, translation_languages

LIMIT = 10


def outdated_translations(languages, limit=LIMIT):
    """(German page, translation) pairs where the German page changed after its translation
    source was last synced: the translation misses the newest German text. Two queries."""
    synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    ).values("last_updated_at")[:1]
    sources = list(
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(synced_at=Subquery(synced))
        .filter(synced_at__lt=F("latest_revision_created_at"))
        .order_by("-latest_revision_created_at")[: limit * 2]
    )
    translations = Page.objects.filter(
        translation_key__in=[page.translation_key for page in sources],
        locale__language_code__in=languages,
    ).select_related("locale")
    by_key = {}
    for target in translations:
        by_key.setdefault(target.translation_key, []).append(target)
    pairs = [(page, target) for page in sources for target in by_key.get(page.translation_key, [])]
    return pairs[:limit]


class OutdatedTranslationsPanel(Component):
    """Translations whose German page has changed since: the German editors sync them."""

    name = "portal_outdated_translations"
    template_name = "translation/outdated_translations_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        # Syncing is the German editors' step; translators see the result in their inbox.
        if settings.LANGUAGE_CODE not in languages_of(self.user):
            return {"pairs": []}
        return {"pairs": outdated_translations(translation_languages())}


def add_translation_panels(request, panels):
    panels.append(OutdatedTranslationsPanel(request.user))
