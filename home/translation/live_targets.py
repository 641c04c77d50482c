"""Saving a draft of a translation never touches what visitors see.

wagtail-localize 1.14.5 builds a translation with
``TranslationSource.create_or_update_translation(locale, publish=...)``. With
``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` every "Translate this page" (with or
without its subtree, and for the films and other snippets the page's blocks point at) calls it
with ``publish=False``. For a target that already exists it then writes the new content into
the object's row and, for draft-state snippets, sets ``live = False``: submitting a German
press release that embeds a campaign film unpublished the live English film, with no log entry,
and English visitors saw German text. Pages kept ``live`` but got the unreviewed content in
their row, which is what visitors are served.

Wagtail's own "save draft" does it differently: the live row stays as it is and the new
content goes into a revision. This module does the same for targets that are live:

- the content is built exactly as wagtail-localize builds it (synchronised fields copied,
  translated segments ingested, with fallback to the source as ``save_target`` asks);
- if it differs from the target's latest content, it is saved as a new draft revision
  (``has_unpublished_changes``); the row, its ``live`` flag and its inline children are left
  alone, so a reviewer publishes it later;
- if nothing differs, nothing is written at all: a film that is re-submitted along with every
  page embedding it does not turn into "live + draft" for nothing.

New translations and targets that were never published still go through wagtail-localize's
own code, which makes them drafts as configured. ``install()`` wraps the method once, from
``HomeConfig.ready``; ``docs/wagtail-internals.md`` lists it with the version checked, and
``tests/translation/test_live_stays_live.py`` fails if wagtail-localize changes underneath.
"""

import json

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments

from portal.transliteration import ascii_slug

_localize_create_or_update = TranslationSource.create_or_update_translation


def create_or_update_translation(
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
):
    """wagtail-localize's method, except that a draft of a live target is a revision."""
    if not publish:
        target = live_target(self, locale)
        if target is not None:
            return save_draft_of_live_target(self, target, locale, user, fallback), False
    return _localize_create_or_update(
        self,
        locale,
        user=user,
        publish=publish,
        copy_parent_pages=copy_parent_pages,
        fallback=fallback,
    )


def live_target(source, locale):
    """The existing translation of ``source`` into ``locale`` if it is live, else None."""
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if isinstance(target, Page):
        target = target.specific
    if isinstance(target, DraftStateMixin) and target.live:
        return target
    return None


def save_draft_of_live_target(source, target, locale, user, fallback):
    """Build the translation on top of the target's latest content; store it as a revision."""
    original = source.as_instance()
    draft = target.get_latest_revision_as_object()
    before = content_fingerprint(draft)
    copy_synchronised_fields(original, draft)
    segments = source._get_segments_for_translation(locale, fallback=fallback)
    with transaction.atomic():
        ingest_segments(original, draft, source.locale, locale, segments)
        if isinstance(draft, Page):
            draft.slug = find_available_slug(
                target.get_parent(), ascii_slug(draft.slug), ignore_page_id=target.pk
            )
        if content_fingerprint(draft) == before:
            return target
        revision = draft.save_revision(user=user)
        TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return draft


def content_fingerprint(instance) -> str:
    """The instance's revision content as JSON, without the ids that inline children get
    anew each time wagtail-localize copies them (they do not change what is shown)."""

    def without_child_ids(value, top=True):
        if isinstance(value, dict):
            return {
                key: without_child_ids(item, top=False)
                for key, item in value.items()
                if top or key != "pk"
            }
        if isinstance(value, list):
            return [without_child_ids(item, top=False) for item in value]
        return value

    data = json.loads(json.dumps(instance.serializable_data(), cls=DjangoJSONEncoder))
    return json.dumps(without_child_ids(data), sort_keys=True)


def install():
    """Put the method in place of wagtail-localize's (idempotent)."""
    TranslationSource.create_or_update_translation = create_or_update_translation
