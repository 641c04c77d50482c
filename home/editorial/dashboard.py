"""The editors' dashboard panel "my drafts", next to Wagtail's own ("Your most recent edits",
"Awaiting your review") and the translation workflow's panels (``home.translation.dashboard``).

Each panel is one or two queries with a fixed limit, however much content the site holds:
the dashboard is the first page every editor sees, every day.
"""

from laces.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

LIMIT = 10


class MyDraftsPanel(Component):
    """Pages whose latest, unpublished version was saved by me: work I left unfinished.

    Only pages I may open: submitting a German page for translation saves the English
    draft under the German editor's name, and a link she cannot follow is no help."""

    name = "portal_my_drafts"
    template_name = "editorial/my_drafts_panel.html"
    order = 240

    def __init__(self, user):
        self.user = user

    def drafts(self):
        return list(
            PagePermissionPolicy()
            .instances_user_has_any_permission_for(self.user, ["change", "publish"])
            .filter(has_unpublished_changes=True, latest_revision__user=self.user)
            .select_related("locale")
            .order_by("-latest_revision_created_at")[:LIMIT]
        )

    def get_context_data(self, parent_context=None):
        return {"drafts": self.drafts()}


def add_editorial_panels(request, panels):
    panels.append(MyDraftsPanel(request.user))
