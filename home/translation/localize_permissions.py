"""Guards around wagtail-localize's views for what configuration cannot close.

wagtail-localize checks only the global ``submit_translation`` permission when submitting
or syncing, and only ``can_edit`` when converting a translation to an alias (which makes a
never-published page live). These subclasses add the page checks; they are mounted under
the same paths, before wagtail-localize's own (``register_admin_urls`` with ``order=-1``).
See shared/LOCALIZE-PERMISSIONS.md for the measured gaps.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home.translation.roles import languages_of


def inbox_hint(message: str) -> str:
    """Tell the editor what happens next: she does not see the translation herself."""
    return f"{message}. " + _("The translators find it in their inbox on the dashboard.")


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    """Submitting a page for translation needs edit rights on the source page: a German
    editor cannot submit English pages back into the German tree, nor pages they can't edit.

    Afterwards wagtail-localize opens the new translation's editor, which a German editor
    may not open: she saw the success message and "no access" at once. The portal sends
    her back to the page she came from instead, unless she may edit the translation."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_success_message(self, locales):
        return inbox_hint(super().get_success_message(locales))

    def get_default_success_url(self, translated_page=None):
        if translated_page and translated_page.permissions_for_user(self.request.user).can_edit():
            return reverse("wagtailadmin_pages:edit", args=[translated_page.id])
        return reverse("wagtailadmin_pages:edit", args=[self.get_object().id])


class GuardedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    """As for pages: after submitting a film, press contact or topic, the editor stays on
    the German snippet unless the new translation is in one of her languages."""

    def get_success_message(self, locales):
        return inbox_hint(super().get_success_message(locales))

    def get_default_success_url(self, translated_snippet=None):
        target = translated_snippet
        if target is None or target.locale.language_code not in languages_of(self.request.user):
            target = self.object
        return AdminURLFinder(self.request.user).get_edit_url(target) or reverse(
            "wagtailadmin_home"
        )


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """Sync with "publish immediately" republishes live translations and publishes drafts:
    allowed only to someone who may publish every target."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get("publish_translations"):
            source = self.get_object_for(kwargs["translation_source_id"])
            for translation in source.translations.filter(enabled=True):
                target = translation.get_target_instance()
                if isinstance(target, Page):
                    allowed = target.permissions_for_user(request.user).can_publish()
                else:
                    meta = target._meta
                    allowed = request.user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")
                if not allowed:
                    raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def get_object_for(source_id):
        return get_object_or_404(TranslationSource, id=source_id)


def guarded_convert_to_alias(request, page_id):
    """Converting a translation to an alias copies the source's live status: a translator
    with edit rights would publish. Require publish rights on the page."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def guarded_localize_urls():
    """URL patterns that shadow wagtail-localize's, under the same names' paths."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            GuardedSubmitSnippetTranslationView.as_view(),
            name="portal_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
            name="portal_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            guarded_convert_to_alias,
            name="portal_convert_to_alias",
        ),
    ]
