"""Topics in the reader's language, in bulk.

wagtail-localize neither translates nor synchronises many-to-many fields, so a translated
page may hold the German topics. Topics are therefore matched and shown by
``translation_key``: whatever language a page's topic objects are in, the reader sees the
live topic of their own language, and a filter by an English topic finds pages tagged with
its German twin.
"""

import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, QuerySet

from home.i18n import page_language
from home.topics.models import Topic
from portal.caching.fragments import generation_cached
from portal.caching.generation import invalidate
from portal.languages import current_language

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def live_topics(language: str | None = None):
    return Topic.objects.filter(live=True, locale__language_code=language or current_language())


def topics_of_language(language: str | None = None, request=None) -> list[Topic]:
    """Every live topic of ``language`` by name (the search filter, the empty search page):
    kept per generation (``portal.caching.fragments.generation_cached``)."""
    language = language or current_language()
    return generation_cached(
        "topics", (language,), lambda: list(live_topics(language).order_by("name")), request
    )


def topic_for_slug(slug: str, language: str | None = None) -> Topic | None:
    """The live topic of ``language`` with ``slug``, or None for unknown or malformed slugs.

    Malformed slugs never reach the database: PostgreSQL rejects a NUL byte in a text
    parameter with an error (a 500), where SQLite just finds nothing."""
    if not slug or len(slug) > 80 or not SLUG.fullmatch(slug):
        return None
    return live_topics(language).filter(slug=slug).first()


def localized_topics_prefetch(language: str | None = None, lookup: str = "topics"):
    """Prefetch ``item.localized_topics``: the item's live topics of ``language``, by name.

    One query for any number of items. Exact because of the invariant kept by
    ``sync_topics_to_translations`` and ``resync_pages_for_topic``: a page holds its topics
    in its own language wherever a translation of the topic exists, so the topics "of the
    reader's language" are simply the attached ones of that locale."""
    return Prefetch(
        lookup, queryset=live_topics(language).order_by("name"), to_attr="localized_topics"
    )


def own_localized_topics(page, language: str | None = None) -> list:
    """``page``'s live topics of ``language`` (see ``localized_topics_prefetch``): one query
    for a saved page; a preview's in-memory topics go through ``attach_localized_topics``."""
    topics = page.topics.all()
    if isinstance(topics, QuerySet):
        return list(live_topics(language).filter(pk__in=topics.values("pk")).order_by("name"))
    return attach_localized_topics([page], language)[0].localized_topics


def attach_localized_topics(items, language: str | None = None, attribute="topics"):
    """Set ``item.localized_topics`` for every item from its prefetched ``topics``.

    One query for all items: the items' topics must be prefetched (``prefetch_related``).
    """
    items = list(items)
    keys = {topic.translation_key for item in items for topic in getattr(item, attribute).all()}
    by_key = (
        {
            topic.translation_key: topic
            for topic in live_topics(language).filter(translation_key__in=keys)
        }
        if keys
        else {}
    )
    for item in items:
        seen = []
        for topic in getattr(item, attribute).all():
            localized = by_key.get(topic.translation_key)
            if localized is not None and localized not in seen:
                seen.append(localized)
        item.localized_topics = sorted(seen, key=lambda topic: topic.name)
    return items


def sync_topics_to_translations(page) -> None:
    """After a publish, every translation of ``page`` carries the same topics.

    The German page (default locale) owns the topics. Publishing it copies them to all its
    translations; publishing a translation re-copies them from the German page, so that an
    older English revision cannot bring back stale topics. Topics are written in the
    target's language where a translation of the topic exists. Runs for every page model
    with a ``topics`` many-to-many field (news, events, films).
    """
    model = type(page)
    if not hasattr(page, "topics"):
        return
    versions = model.objects.filter(translation_key=page.translation_key).select_related("locale")
    owner = next((v for v in versions if v.locale.language_code == settings.LANGUAGE_CODE), None)
    if owner is None:
        return
    owner_topics = list(owner.topics.all())
    keys = [topic.translation_key for topic in owner_topics]
    all_versions = Topic.objects.filter(translation_key__in=keys).select_related("locale")
    for version in versions:
        if version.pk == owner.pk:
            continue
        by_key = {
            topic.translation_key: topic
            for topic in all_versions
            if topic.locale_id == version.locale_id
        }
        wanted = [by_key.get(topic.translation_key, topic) for topic in owner_topics]
        if {t.pk for t in version.topics.all()} != {t.pk for t in wanted}:
            version.topics.set(wanted)
            version.topics.commit()
            # Many-to-many rows are written without a signal the page cache listens to.
            invalidate()


def resync_pages_for_topic(topic) -> None:
    """A topic translated (or re-published) after the pages that use it: give those pages'
    translations the new topic version, so the invariant of ``localized_topics_prefetch``
    holds."""
    sources = Topic.objects.filter(
        translation_key=topic.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    for model in apps.get_models():
        try:
            field = model._meta.get_field("topics")
        except FieldDoesNotExist:
            continue
        if not field.many_to_many or field.related_model is not Topic:
            continue
        for page in model.objects.filter(topics__in=sources).distinct():
            sync_topics_to_translations(page)


def on_page_published(sender, instance, **kwargs):
    """``page_published`` receiver (connected in ``HomeConfig.ready``)."""
    sync_topics_to_translations(instance)


def on_topic_published(sender, instance, **kwargs):
    """``published`` receiver for topics (connected in ``HomeConfig.ready``)."""
    resync_pages_for_topic(instance)


class TopicsInLanguageMixin:
    """For page types with ``topics``: ``topics_in_language()``, the page's live topics in
    its own language, loaded once per page object (template, JSON-LD) and kept as
    ``localized_topics``, the attribute the topic list component reads. Asked for by the
    templates inside cached fragments, so a fragment hit costs no query."""

    def topics_in_language(self) -> list:
        if not hasattr(self, "localized_topics"):
            self.localized_topics = own_localized_topics(self, page_language(self))
        return self.localized_topics
