"""The translation workflow's admin entries: the glossary and the status overview."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.snippets import SnippetViewSet

from home.translation.models import GlossaryTerm


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "clipboard-list"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["term", "note"]
    search_fields = ["term"]


def translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("portal_translation_status"),
        icon_name="globe",
        order=250,
    )
