"""The translators' and reviewers' inbox on the dashboard: their work, one line each.

Translators of a language see every page and snippet in it that is **new** (never
published), whose **German source changed** since it was last published, or that a reviewer
**sent back**. Reviewers see what is **ready for review**. Each line links straight into
wagtail-localize's translation editor (and, for reviewers, its preview).

A fixed number of queries whatever the number of lines: the translations with their review
(one), the pages (one), each snippet model (one each, three today).
"""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.translation.models import TranslationReview
from home.translation.roles import roles_by_language
from home.translation.translation_editor import edit_url

SCAN = 300  # translations looked at, newest source first
LIMIT = 25  # lines shown

STATES = {
    "new": _("New"),
    "changed": _("German text changed"),
    "sent-back": _("Sent back"),
    "ready": _("Ready for review"),
}


@dataclass
class InboxLine:
    state: str
    title: str
    kind: str
    language: str
    edit_url: str
    preview_url: str
    changed_at: object
    source_title: str = ""
    comment: str = ""
    requested_by: str = ""

    @property
    def label(self):
        return STATES[self.state]


def _targets(translations) -> dict[tuple[str, int], object]:
    """(translation_key, locale id) -> object, one query per model: the targets and their
    German sources (shown beside a translated title, so the line stays recognisable)."""
    wanted: dict[type, list] = {}
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        base = Page if issubclass(model, Page) else model
        wanted.setdefault(base, []).append(translation.source.object_id)
    targets = {}
    for model, keys in wanted.items():
        objects = model.objects.filter(translation_key__in=keys)
        if model is Page:
            objects = objects.select_related("content_type")
        for instance in objects:
            targets[(str(instance.translation_key), instance.locale_id)] = instance
    return targets


def _title(instance) -> str:
    if isinstance(instance, Page):
        return str(instance.get_admin_display_title())
    return str(instance)


def _kind(instance) -> str:
    if isinstance(instance, Page):
        return str(instance.content_type.model_class()._meta.verbose_name)
    return str(instance._meta.verbose_name)


def _published_at(instance):
    """Pages and the portal's snippets (films, press contacts, topics) all keep drafts:
    ``DraftStateMixin.last_published_at`` is None until the first publish."""
    return getattr(instance, "last_published_at", None)


def _state(translation, instance, translates, reviews) -> str | None:
    language = translation.target_locale.language_code
    if translation.review_state == TranslationReview.State.READY:
        return "ready" if language in reviews else None
    if language not in translates:
        return None
    if translation.review_state == TranslationReview.State.SENT_BACK:
        return "sent-back"
    published = _published_at(instance)
    if published is None:
        return "new"
    if translation.source.last_updated_at > published:
        return "changed"
    return None


def inbox_lines(translates: set[str], reviews: set[str], limit=LIMIT) -> list[InboxLine]:
    """The lines for someone who translates ``translates`` and reviews ``reviews``
    (``roles.roles_by_language``)."""
    if not translates and not reviews:
        return []
    review = TranslationReview.objects.filter(translation=OuterRef("pk"))
    translations = list(
        Translation.objects.filter(
            enabled=True, target_locale__language_code__in=translates | reviews
        )
        .select_related("source__specific_content_type", "target_locale")
        .annotate(
            review_state=Subquery(review.values("state")[:1]),
            review_comment=Subquery(review.values("comment")[:1]),
            review_by=Subquery(review.values("requested_by__first_name")[:1]),
        )
        .order_by("-source__last_updated_at")[:SCAN]
    )
    targets = _targets(translations)
    lines = []
    for translation in translations:
        instance = targets.get((str(translation.source.object_id), translation.target_locale_id))
        if instance is None:
            continue
        state = _state(translation, instance, translates, reviews)
        if state is None:
            continue
        source = targets.get((str(translation.source.object_id), translation.source.locale_id))
        lines.append(
            InboxLine(
                state=state,
                title=_title(instance),
                source_title=_title(source) if source is not None else "",
                kind=_kind(instance),
                language=translation.target_locale.get_display_name(),
                edit_url=edit_url(instance),
                preview_url=reverse("wagtail_localize:preview_translation", args=[translation.pk]),
                changed_at=translation.source.last_updated_at,
                comment=translation.review_comment or "",
                requested_by=translation.review_by or "",
            )
        )
        if len(lines) >= limit:
            break
    return lines


class InboxPanel(Component):
    """Dashboard panel "Ihr Eingang" for translators and reviewers."""

    name = "portal_translation_inbox"
    template_name = "translation/inbox_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        translates, reviews = roles_by_language(self.user)
        return {
            "lines": inbox_lines(translates, reviews),
            "has_role": bool(translates or reviews),
            "reviews": bool(reviews),
        }


def add_inbox_panel(request, panels):
    panels.append(InboxPanel(request.user))
