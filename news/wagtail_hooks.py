"""Admin registration of the news app: press contacts, the news and event listings with
their filters, the dashboard panel of upcoming events and the embed code builder."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.admin_listings import event_listing, news_listing
from news.dashboard import add_upcoming_events_panel
from news.embed_builder import builder_view, embed_builder_menu_item
from news.models import EventPage, PressContact
from news.registration.admin import registration_viewset
from news.registration.export import PERMISSION, export_csv
from news.registration.places import registration_event


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(PressContactViewSet)

hooks.register("construct_homepage_panels", add_upcoming_events_panel)


@hooks.register("register_admin_viewset")
def register_listings():
    return [news_listing, event_listing, registration_viewset]


@hooks.register("register_admin_urls")
def register_registration_export():
    """The CSV of an event's registrations (``news.export_registrations``)."""
    return [
        path(
            "news/events/<int:event_id>/registrations.csv",
            export_csv,
            name="news_registration_export",
        ),
        path("news/embed/", builder_view, name="news_embed_builder"),
    ]


hooks.register("register_admin_menu_item", embed_builder_menu_item)


@hooks.register("register_page_header_buttons")
def registration_export_button(page, user, view_name, next_url=None):
    """ "Registrations (CSV)" in the header of an event taking registrations on the site, for
    those who may export them."""
    if page.specific_class is not EventPage or not user.has_perm(PERMISSION):
        return
    if not EventPage.objects.filter(pk=page.pk, registration_on_site=True).exists():
        return
    yield Button(
        _("Registrations"),
        # Registrations belong to the German event, also when asked from the English one.
        reverse("news_registrations:index") + f"?event={registration_event(page).pk}",
        icon_name="group",
        priority=79,
    )
    yield Button(
        _("Registrations (CSV)"),
        reverse("news_registration_export", args=[page.pk]),
        icon_name="download",
        priority=80,
    )
