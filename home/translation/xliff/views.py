"""The XLIFF exchange in the admin: export from the status overview (one page or the pages
ticked there), import back from the same screen.

Both are for translators of the target language only (``languages_translated_by``). A refused
import changes nothing and lists every reason; an accepted one says how many segments
arrived and how many unconfirmed suggestions were left for the translator.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.translation.refusals import language_name, refusal
from home.translation.roles import languages_translated_by, translation_languages
from home.translation.xliff.export import export_xliff, filename_for
from home.translation.xliff.importer import XliffRefused, apply, plan_import, read

CONTENT_TYPE = "application/x-xliff+xml; charset=utf-8"


@require_GET
def export_view(request):
    language = request.GET.get("language", "")
    ids = [value for value in request.GET.getlist("page") if value.isdigit()]
    pages = Page.objects.filter(pk__in=ids, locale__language_code=settings.LANGUAGE_CODE)
    pages = list(pages.order_by("path").select_related("locale"))
    if language not in translation_languages():
        raise Http404
    if language not in languages_translated_by(request.user):
        if not pages:
            raise PermissionDenied
        return refusal(request, pages[0], "edit", language)
    if not pages:
        messages.error(request, _("Choose at least one page to export."))
        return redirect("portal_translation_status")
    translations = {
        translation.source.object_id: translation
        for translation in Translation.objects.filter(
            source__object_id__in=[page.translation_key for page in pages],
            source__locale__language_code=settings.LANGUAGE_CODE,
            target_locale__language_code=language,
        ).select_related("source__locale", "target_locale")
    }
    missing = [page.title for page in pages if page.translation_key not in translations]
    if missing:
        messages.error(
            request,
            _("Not yet submitted for translation into %(language)s: %(pages)s.")
            % {"language": language_name(language), "pages": ", ".join(missing)},
        )
        return redirect("portal_translation_status")
    chosen = [translations[page.translation_key] for page in pages]
    response = HttpResponse(export_xliff(chosen), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename_for(chosen)}"'
    return response


def page_view(request, page_id, language):
    """One page's exchange: its XLIFF to download, and an upload that accepts only the file
    of this page and language."""
    page = get_object_or_404(Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE)
    if language not in translation_languages():
        raise Http404
    if language not in languages_translated_by(request.user):
        return refusal(request, page, "edit", language)
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            source__locale=page.locale,
            target_locale__language_code=language,
        )
        .select_related("source__locale", "target_locale")
        .first()
    )
    if translation is None:
        raise Http404
    target = page.get_translation_or_none(translation.target_locale)
    if request.method == "POST":
        return _import(request, back=request.path, expected=translation)
    return TemplateResponse(
        request,
        "translation/xliff_page.html",
        {
            "page": page,
            "translation": translation,
            "language_name": language_name(language),
            "export_url": f"{reverse('portal_xliff_export')}?page={page.pk}&language={language}",
            "editor_url": reverse("wagtailadmin_pages:edit", args=[target.pk]) if target else None,
        },
    )


@require_POST
def import_view(request):
    return _import(request, back=reverse("portal_translation_status"))


def _import(request, back: str, expected=None):
    """Import the uploaded file (into ``expected`` only, if given); then back to ``back``,
    the screen the upload came from, with what happened."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose an XLIFF file to import."))
        return redirect(back)
    try:
        root = read(upload.read())
        plans = plan_import(root, languages_translated_by(request.user), expected)
    except XliffRefused as refusal:
        messages.error(
            request,
            _("The XLIFF file was not imported; nothing was changed. %(reasons)s")
            % {"reasons": " ".join(refusal.messages)},
        )
        return redirect(back)
    changed = apply(plans, request.user)
    pages = ", ".join(f"“{plan.translation.source.object_repr}”" for plan in plans)
    messages.success(
        request,
        ngettext(
            "%(count)d segment imported into %(pages)s. Check it in the translation editor "
            "and publish from there.",
            "%(count)d segments imported into %(pages)s. Check them in the translation "
            "editor and publish from there.",
            changed,
        )
        % {"count": changed, "pages": pages},
    )
    waiting = sum(len(plan.unconfirmed) for plan in plans)
    if waiting:
        messages.warning(
            request,
            ngettext(
                "%(count)d segment is still marked unconfirmed in the file and was not imported.",
                "%(count)d segments are still marked unconfirmed in the file and were not "
                "imported.",
                waiting,
            )
            % {"count": waiting},
        )
    return redirect(back)


def xliff_urls():
    return [
        path("translation-status/xliff/export/", export_view, name="portal_xliff_export"),
        path("translation-status/xliff/import/", import_view, name="portal_xliff_import"),
        path(
            "translation-status/xliff/<int:page_id>/<str:language>/",
            page_view,
            name="portal_xliff_page",
        ),
    ]
