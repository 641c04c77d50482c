"""Refusals that explain the role, instead of Wagtail's "Sorry, you do not have permission
to access this area" and a jump to the dashboard.

A translator who opens a German page, or a reviewer who tries to delete, is told who does
this ("Deutsche Seiten bearbeitet die Redaktion."), which languages are theirs, and, where
one exists, is offered the translation of the same page in their language. The answer is
a 403 in the admin's own layout.

Pages: ``RoleRefusalMiddleware`` looks ahead of Wagtail's page views (Wagtail checks the
permission inside the view and turns a refusal into a redirect). Snippets: the
``before_edit_snippet`` hook ``check_snippet_locale`` answers with the same page.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.translation.roles import (
    EDITORS,
    languages_of,
    may_delete,
    reviewer_group_name,
    translator_group_name,
)

PAGE_ACTIONS = {
    "wagtailadmin_pages:edit": "edit",
    "wagtailadmin_pages:delete": "delete",
    "wagtailadmin_pages:unpublish": "unpublish",
    "wagtailadmin_pages:add_subpage": "add",
}


def language_name(code: str) -> str:
    return str(get_language_info(code)["name_translated"])


def who_does(language: str) -> str:
    if language == settings.LANGUAGE_CODE:
        return _("Pages in %(language)s are edited by the group “%(group)s”.") % {
            "language": language_name(language),
            "group": EDITORS,
        }
    return _(
        "Pages in %(language)s are translated by “%(translators)s” and approved by “%(reviewers)s”."
    ) % {
        "language": language_name(language),
        "translators": translator_group_name(language),
        "reviewers": reviewer_group_name(language),
    }


def refusal(request, instance, action: str, language: str | None = None):
    """The 403 page: what was refused, who does it, the user's languages, a way on.
    ``language``: the language the action was for, when not the instance's own (exchanging a
    German page's XLIFF for English is English translators' work)."""
    language = language or instance.locale.language_code
    mine = sorted(languages_of(request.user))
    if action == "delete":
        reason = _("Only the group “%(group)s” and administrators delete content.") % {
            "group": EDITORS
        }
    else:
        reason = who_does(language)
    alternatives = []
    if isinstance(instance, Page):
        for translation in (
            instance.get_translations()
            .filter(locale__language_code__in=mine)
            .select_related("locale")
        ):
            if translation.permissions_for_user(request.user).can_edit():
                alternatives.append(translation)
    context = {
        "instance": instance,
        "reason": reason,
        "your_languages": ", ".join(language_name(code) for code in mine),
        "alternatives": alternatives,
    }
    return TemplateResponse(request, "translation/refusal.html", context, status=403)


def _allowed(page: Page, user, action: str) -> bool:
    permissions = page.permissions_for_user(user)
    if action == "edit":
        return permissions.can_edit()
    if action == "delete":
        return permissions.can_delete() and may_delete(user)
    if action == "unpublish":
        return permissions.can_unpublish()
    return permissions.can_add_subpage()


class RoleRefusalMiddleware:
    """Answers refused page actions in the admin with ``refusal`` (see the module's doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        action = PAGE_ACTIONS.get(match.view_name) if match else None
        if action is None or not request.user.is_authenticated:
            return None
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail's own login redirect applies
        page_id = view_kwargs.get("page_id") or view_kwargs.get("parent_page_id")
        page = Page.objects.filter(pk=page_id).select_related("locale").first()
        if page is None or _allowed(page, request.user, action):
            return None
        return refusal(request, page, action)


def hide_delete_in_listings(buttons, page, user, context=None):
    """``construct_page_listing_buttons``: no "Delete" for those who may not (``may_delete``)."""
    if not may_delete(user):
        buttons[:] = [button for button in buttons if "/delete/" not in (button.url or "")]


def hide_delete_in_action_menu(menu_items, request, context):
    """``construct_page_action_menu``: the same in Wagtail's own editor."""
    if not may_delete(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-delete"]
