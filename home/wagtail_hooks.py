"""Wagtail hooks of the base app."""

from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.editorial.checks import use_portal_checker
from home.editorial.dashboard import add_editorial_panels
from home.editorial.films import CAPTIONS_LABEL, VERSIONS_LABEL, film_captions, film_versions
from home.i18n import current_language, locale_ids
from home.models import Film, GlossaryTerm, Topic
from home.rich_text import LocalizedPageLinkHandler
from home.translation.guards import guarded_localize_urls
from home.translation.review import add_review_panel, review_urls
from home.translation.review import listing_buttons as review_listing_buttons
from home.translation.rules import (
    check_snippet_locale,
    guarded_translation_urls,
    refuse_incomplete_publish,
    refuse_invalid_publish,
)


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
    return guarded_localize_urls() + guarded_translation_urls() + review_urls()


hooks.register("register_page_listing_more_buttons", review_listing_buttons)
hooks.register("construct_homepage_panels", add_review_panel)
hooks.register("construct_homepage_panels", add_editorial_panels)
hooks.register("construct_wagtail_userbar", use_portal_checker)


# order=-1: before wagtail-localize's own before_edit_* hooks, which take over the editor.
hooks.register("before_edit_page", refuse_incomplete_publish, order=-1)
hooks.register("before_edit_page", refuse_invalid_publish, order=-1)
hooks.register("before_edit_snippet", check_snippet_locale, order=-2)
hooks.register("before_edit_snippet", refuse_incomplete_publish, order=-1)
hooks.register("before_edit_snippet", refuse_invalid_publish, order=-1)


@hooks.register("register_rich_text_features", order=10)
def localized_page_links(features):
    # order=10 runs after Wagtail's core hook, which registers the default "page" handler.
    features.register_link_type(LocalizedPageLinkHandler)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


class FilmViewSet(SnippetViewSet):
    """Films are assets, like images: one film appears on its film page, in the campaign
    grid and in any page body (FilmBlock)."""

    model = Film
    icon = "media"
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "locale",
        Column("versions", label=VERSIONS_LABEL, accessor=film_versions),
        Column("captions", label=CAPTIONS_LABEL, accessor=film_captions),
        "duration",
        "live",
    ]
    list_filter = ["locale"]
    search_fields = ["title"]

    def get_queryset(self, request):
        # Versions and captions are shown for every row: two queries for the whole page.
        return Film.objects.select_related("locale").prefetch_related("sources", "caption_tracks")


register_snippet(FilmViewSet)


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(
        _("Translation status"),
        reverse("portal_translation_status"),
        icon_name="globe",
        order=250,
    )


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "clipboard-list"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["term", "note"]
    search_fields = ["term"]


register_snippet(GlossaryViewSet)
