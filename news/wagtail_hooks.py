"""Admin registration of the news app: press contacts, the news and event listings with
their filters, and the dashboard panel of upcoming events."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.admin_listings import event_listing, news_listing
from news.dashboard import add_upcoming_events_panel
from news.models import PressContact


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
    return [news_listing, event_listing]
