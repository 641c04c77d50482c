"""Topics in the admin: a snippet listing with the language of each topic."""

from wagtail.snippets.views.snippets import SnippetViewSet

from home.topics.models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
