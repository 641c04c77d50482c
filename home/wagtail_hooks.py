"""Wagtail hooks of the base app."""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.editorial import editor_fields
from home.editorial.accessibility_checker import use_portal_checker
from home.editorial.dashboard import add_editorial_panels
from home.editorial.explorer import page_viewset
from home.films import admin_views as film_admin_views
from home.films.admin import FilmViewSet
from home.films.publishing import publish_when_ready
from home.i18n import locale_ids
from home.pages.site_settings import default_site_name_and_host
from home.rich_text import LocalizedPageLinkHandler
from home.topics.admin import TopicViewSet
from home.translation.admin import GlossaryViewSet, translation_status_menu_item
from home.translation.dashboard import add_translation_panels
from home.translation.editor_language import editor_script as localize_editor_script
from home.translation.inbox import add_inbox_panel
from home.translation.localize_permissions import guarded_localize_urls
from home.translation.refusals import hide_delete_in_action_menu, hide_delete_in_listings
from home.translation.review import listing_buttons as review_listing_buttons
from home.translation.review import review_urls
from home.translation.translation_editor import (
    check_snippet_locale,
    guarded_translation_urls,
    offer_when_opened,
    refuse_incomplete_publish,
    refuse_invalid_publish,
)
from home.translation.xliff.views import xliff_urls
from portal.languages import current_language


@hooks.register("before_serve_page")
def refuse_page_in_another_language(page, request, serve_args, serve_kwargs):
    """A URL's language and the page's language always match.

    When the English home page is a draft, Wagtail routes ``/en/…`` from the German home
    (``Page.localized`` falls back to the page itself), which would serve German pages under
    English URLs. Answer with a 404 in the URL's language that offers the page it found.
    """
    if page.locale_id != locale_ids().get(current_language()):
        return TemplateResponse(request, "404.html", {"other_language_page": page}, status=404)
    return None


@hooks.register("register_admin_urls", order=-1)
def portal_localize_guards():
    # order=-1: matched before wagtail-localize's identical paths.
    return (
        guarded_localize_urls()
        + guarded_translation_urls()
        + review_urls()
        + xliff_urls()
        + film_admin_views.urls()
    )


hooks.register("register_page_listing_more_buttons", review_listing_buttons)
hooks.register("construct_homepage_panels", add_inbox_panel)
hooks.register("construct_page_listing_buttons", hide_delete_in_listings)
hooks.register("construct_page_action_menu", hide_delete_in_action_menu)
hooks.register("construct_homepage_panels", add_editorial_panels)
hooks.register("construct_homepage_panels", add_translation_panels)
hooks.register("construct_wagtail_userbar", use_portal_checker)
hooks.register("before_publish", publish_when_ready)
hooks.register("insert_global_admin_css", editor_fields.editor_css)


@hooks.register("insert_editor_js")
def character_counters_and_search_preview():
    return editor_fields.editor_js(*default_site_name_and_host())


# order=-1: before wagtail-localize's own before_edit_* hooks, which take over the editor.
hooks.register("before_edit_page", refuse_incomplete_publish, order=-1)
hooks.register("before_edit_page", refuse_invalid_publish, order=-1)
hooks.register("before_edit_page", offer_when_opened, order=-1)
hooks.register("before_edit_snippet", check_snippet_locale, order=-2)
hooks.register("before_edit_snippet", refuse_incomplete_publish, order=-1)
hooks.register("before_edit_snippet", refuse_invalid_publish, order=-1)
hooks.register("before_edit_snippet", offer_when_opened, order=-1)
hooks.register("insert_editor_js", localize_editor_script)


@hooks.register("register_rich_text_features", order=10)
def localized_page_links(features):
    # order=10 runs after Wagtail's core hook, which registers the default "page" handler.
    features.register_link_type(LocalizedPageLinkHandler)


register_snippet(TopicViewSet)
register_snippet(FilmViewSet)
register_snippet(GlossaryViewSet)
hooks.register("register_admin_menu_item", translation_status_menu_item)


# After Wagtail's default page viewset (order -1): the explorer's lighter listing.
@hooks.register("register_admin_viewset", order=0)
def register_page_viewset():
    return page_viewset
