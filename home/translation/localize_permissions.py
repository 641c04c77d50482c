"""Guards around wagtail-localize's views for what configuration cannot close.

wagtail-localize checks only the global ``submit_translation`` permission when submitting
or syncing, and only ``can_edit`` when converting a translation to an alias (which makes a
never-published page live). These subclasses add the page checks; they are mounted under
the same paths, before wagtail-localize's own (``register_admin_urls`` with ``order=-1``).
See shared/LOCALIZE-PERMISSIONS.md for the measured gaps.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    """Submitting a page for translation needs edit rights on the source page: a German
    editor cannot submit English pages back into the German tree, nor pages they can't edit."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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
