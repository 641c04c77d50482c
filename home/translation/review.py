"""Review of translations: "ready for review", "send back", the reviewers' dashboard panel.

Translators never publish. They mark a translation ready; reviewers of that language are
told (dashboard panel and e-mail) and approve by publishing in the translation editor, which
removes the review record; or they send it back with a comment for the translator. Both
sides find their work in the dashboard inbox (``home.translation.inbox``).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.translation.models import TranslationReview
from home.translation.roles import languages_of, reviewer_group_name
from home.translation.status import status_view
from home.translation.translation_editor import edit_url, missing_segments


def _translation_for(page: Page) -> Translation | None:
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("target_locale")
        .first()
    )


def _notify(recipients, subject, body):
    addresses = [user.email for user in recipients if user.email]
    if addresses:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=True)


def _record_ready(request, translation, target):
    """Store the review request and tell the reviewers of the language. Refused while
    segments are missing: a reviewer would only send it back."""
    missing = missing_segments(translation)
    if missing:
        messages.error(
            request,
            ngettext(
                "Not marked as ready: %(count)s text is not translated yet.",
                "Not marked as ready: %(count)s texts are not translated yet.",
                missing,
            )
            % {"count": missing},
        )
        return redirect(edit_url(target))
    TranslationReview.objects.update_or_create(
        translation=translation,
        defaults={
            "state": TranslationReview.State.READY,
            "comment": request.POST.get("comment", "")[:2000],
            "requested_by": request.user,
        },
    )
    language = translation.target_locale.language_code
    reviewers = get_user_model().objects.filter(
        groups__name=reviewer_group_name(language), is_active=True
    )
    _notify(
        reviewers,
        _("Ready for review: %(title)s") % {"title": str(target)},
        _("%(user)s marked the translation “%(title)s” as ready for review:\n%(url)s")
        % {
            "user": request.user.get_username(),
            "title": str(target),
            "url": request.build_absolute_uri(edit_url(target)),
        },
    )
    messages.success(request, _("Marked as ready for review. The reviewers have been told."))
    return redirect("wagtailadmin_home")


def mark_ready(request, page_id):
    """Translator, from the page listing: this translation is ready for review (with an
    optional note for the reviewer)."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = _translation_for(page)
    if translation is None:
        raise PermissionDenied
    if request.method == "POST":
        return _record_ready(request, translation, page)
    return TemplateResponse(
        request, "translation/review_form.html", {"page": page, "action": "ready"}
    )


@require_POST
def mark_translation_ready(request, translation_id):
    """Translator, one click in the translation editor: pages and snippets alike."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), id=translation_id
    )
    target = translation.get_target_instance()
    if isinstance(target, Page):
        allowed = target.permissions_for_user(request.user).can_edit()
    else:
        allowed = translation.target_locale.language_code in languages_of(request.user)
    if not allowed or not translation.enabled:
        raise PermissionDenied
    return _record_ready(request, translation, target)


def send_back(request, page_id):
    """Reviewer: return the translation to the translator with a comment."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    review = get_object_or_404(
        TranslationReview,
        translation__in=Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        ),
    )
    if request.method == "POST":
        review.state = TranslationReview.State.SENT_BACK
        review.comment = request.POST.get("comment", "")[:2000]
        review.save()
        if review.requested_by:
            _notify(
                [review.requested_by],
                _("Sent back: %(title)s") % {"title": page.title},
                review.comment,
            )
        messages.success(request, _("Sent back to the translator."))
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request, "translation/review_form.html", {"page": page, "action": "send-back"}
    )


def review_urls():
    return [
        path("translation-status/", status_view, name="portal_translation_status"),
        path("translation-review/<int:page_id>/ready/", mark_ready, name="portal_review_ready"),
        path(
            "translation-review/translation/<int:translation_id>/ready/",
            mark_translation_ready,
            name="portal_translation_ready",
        ),
        path(
            "translation-review/<int:page_id>/send-back/", send_back, name="portal_review_send_back"
        ),
    ]


def clear_review_on_publish(sender, instance, **kwargs):
    """Publishing the translation is the approval: the review record is done."""
    TranslationReview.objects.filter(
        translation__source__object_id=instance.translation_key,
        translation__target_locale_id=instance.locale_id,
    ).delete()


def listing_buttons(page, user, next_url=None):
    """ "Ready for review" for translators, "Send back" for reviewers, on translations."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return
    permissions = page.permissions_for_user(user)
    if permissions.can_edit():
        yield PageMenuItem(
            gettext_lazy("Ready for review"),
            url=reverse("portal_review_ready", args=[page.pk]),
            icon_name="tick",
            priority=35,
            page=page,
        )
    if permissions.can_publish():
        yield PageMenuItem(
            gettext_lazy("Send back"),
            url=reverse("portal_review_send_back", args=[page.pk]),
            icon_name="undo",
            priority=36,
            page=page,
        )
