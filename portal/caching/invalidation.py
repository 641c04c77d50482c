"""Which changes empty the page cache: every save, delete, publish, unpublish or move of
something a public page shows.

It imports Wagtail's models, so it is imported once the app registry is ready:
``PortalConfig.ready`` calls ``connect_signals``.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail import signals
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from portal.caching.generation import invalidate

WATCHED_BASES = (
    Page,
    PageViewRestriction,
    # The press page leaves out images of restricted collections.
    CollectionViewRestriction,
    Site,
    Locale,
    Redirect,
    SearchPromotion,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    BaseGenericSetting,
)
_watched_senders: dict[type, bool] = {}


def _is_watched(sender) -> bool:
    """Models whose rows public pages show: pages (and their view restrictions), snippets,
    settings, images, documents, sites, locales, redirects and search promotions. Not
    renditions: they are made while a page renders, which must not empty the cache."""
    if sender not in _watched_senders:
        _watched_senders[sender] = isinstance(sender, type) and (
            issubclass(sender, WATCHED_BASES) or sender in get_snippet_models()
        )
    return _watched_senders[sender]


def _on_model_change(sender, **kwargs):
    if _is_watched(sender):
        invalidate()


def connect_signals() -> None:
    """Wagtail's publishing signals (pages and snippets with draft state, which may publish
    without saving the row the page reads), moves, and saves/deletes of watched models.

    And every ``migrate``, once (after Wagtail's core app; the portal app has no models, so
    Django sends it no ``post_migrate``): a deploy runs it, and the pages and fragments
    cached before were rendered by the old code's templates."""
    names = ("page_published", "page_unpublished", "post_page_move", "published", "unpublished")
    for name in names:
        getattr(signals, name).connect(invalidate, dispatch_uid=f"portal.caching.{name}")
    post_save.connect(_on_model_change, dispatch_uid="portal.caching.save")
    post_delete.connect(_on_model_change, dispatch_uid="portal.caching.delete")
    post_migrate.connect(
        invalidate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="portal.caching.migrate"
    )
