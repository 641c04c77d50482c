"""Portal rules inside wagtail-localize's translation editor.

1. No publishing with untranslated segments: wagtail-localize publishes anyway and falls
   back to German text with only a warning. The portal refuses and says which is missing.
1b. No publishing of a translation that breaks the publishing rules (an event without a
   date, a film without captions, a teaser too long, …): wagtail-localize would only say
   "New validation errors were found". The portal checks the translation as it would be
   saved, before wagtail-localize touches anything, and shows the real messages.
2. Snippets per language: wagtail-localize's snippet views need a model-wide permission, so
   an English translator could edit German snippets. The portal checks the snippet's locale
   against the user's roles in the snippet editor and in the translation views.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views import edit_translation

from home.editorial.publishing_rules import describe, publish_errors
from home.translation import po_exchange
from home.translation.memory import offer_from_memory
from home.translation.refusals import refusal
from home.translation.roles import languages_of


def enabled_translation_of(instance) -> Translation | None:
    if not isinstance(instance, TranslatableMixin):
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def edit_url(instance) -> str:
    """The admin edit view of a page or snippet: for a synced translation, that is
    wagtail-localize's translation editor (it takes over Wagtail's edit views)."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk])


def missing_segments(translation: Translation) -> int:
    segments = StringSegment.objects.filter(source=translation.source)
    return (
        segments.annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


def refuse_incomplete_publish(request, instance):
    """``before_edit_page`` / ``before_edit_snippet``: a translation with untranslated
    segments is not published (it would go live with German text)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = enabled_translation_of(instance)
    if translation is None:
        return None
    missing = missing_segments(translation)
    if not missing:
        return None
    messages.error(
        request,
        _(
            "Not published: %(count)s text(s) are not translated yet. Translate every "
            "segment before publishing, so that no German text goes live on this page."
        )
        % {"count": missing},
    )
    return redirect(request.get_full_path())


def offer_when_opened(request, instance):
    """``before_edit_page`` / ``before_edit_snippet``: opening a translation in the editor
    fills its untranslated segments from the translation memory, so they appear prefilled
    (and marked) there."""
    if request.method != "GET":
        return None
    translation = enabled_translation_of(instance)
    if translation is not None:
        offer_from_memory(translation)
    return None


def _may_publish(user, instance) -> bool:
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    meta = instance._meta
    return user.is_superuser or user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")


def refuse_invalid_publish(request, instance):
    """``before_edit_page`` / ``before_edit_snippet``: a translation that would fail the
    publishing rules is not published; the editor sees each rule's own message."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = enabled_translation_of(instance)
    if translation is None or not _may_publish(request.user, instance):
        return None  # wagtail-localize refuses someone who may not publish at all
    candidate = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    errors = publish_errors(candidate)
    if not errors:
        return None
    for line in describe(candidate, errors):
        messages.error(request, _("Not published: %(problem)s") % {"problem": line})
    return redirect(request.get_full_path())


def check_snippet_locale(request, instance):
    """``before_edit_snippet``: only the languages of the user's roles; a refusal says
    whose the snippet is (``refusals.refusal``)."""
    locale = getattr(instance, "locale", None)
    if locale is not None and locale.language_code not in languages_of(request.user):
        return refusal(request, instance, "edit")
    return None


def _guard_translation(view):
    """Wrap a translation view: for snippet targets, the target language must be one of the
    user's (pages are already checked by wagtail-localize through ``can_edit``)."""

    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        target = translation.get_target_instance()
        language = translation.target_locale.language_code
        if not isinstance(target, Page) and language not in languages_of(request.user):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    guarded.__name__ = f"guarded_{view.__name__}"
    guarded.__doc__ = view.__doc__
    return guarded


def guarded_translation_urls():
    prefix = "localize/translate/<int:translation_id>/"
    return [
        path(
            prefix + "strings/<int:string_segment_id>/edit/",
            _guard_translation(edit_translation.edit_string_translation),
            name="portal_edit_string_translation",
        ),
        path(
            prefix + "overrides/<int:overridable_segment_id>/edit/",
            _guard_translation(edit_translation.edit_override),
            name="portal_edit_override",
        ),
        path(
            prefix + "pofile/upload/",
            _guard_translation(po_exchange.upload_pofile),
            name="portal_upload_pofile",
        ),
        path(
            prefix + "pofile/download/",
            _guard_translation(po_exchange.download_pofile),
            name="portal_download_pofile",
        ),
        path(
            prefix + "machine_translate/",
            _guard_translation(edit_translation.machine_translate),
            name="portal_machine_translate",
        ),
    ]
