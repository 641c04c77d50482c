"""The reports in Wagtail's admin: a list sorted by due date, filtered by status, with an
overdue marker; visible only with the model's own permissions (group "Barrierefreiheit").

Nobody adds reports here (they come from the form), and what the visitor sent is shown
read-only: the record of what was reported stays as it was. The list shows a short excerpt
of the message, never the whole text.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from feedback.models import AccessibilityReport


class ReportPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, without "add" for anyone (superusers included)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ReportViewSet(ModelViewSet):
    model = AccessibilityReport
    icon = "warning"
    menu_label = _("Accessibility reports")
    menu_order = 250
    add_to_admin_menu = True
    # Absolute dates (Wagtail's DateColumn says "3 weeks" or "just now", which for a
    # deadline is wrong); the excerpt is the link to the report.
    list_display = [
        Column("received_display", label=_("Received"), sort_key="received_at"),
        TitleColumn("__str__", label=_("Barrier described"), url_name="accessibilityreport:edit"),
        StatusTagColumn("get_status_display", label=_("Status"), sort_key="status"),
        Column("due_display", label=_("Answer due"), sort_key="due_date"),
        StatusTagColumn("overdue_label", label=_("Overdue"), primary=True),
        Column("language_name", label=_("Language")),
    ]
    list_filter = ["status"]
    list_export = []
    search_fields = None
    inspect_view_enabled = False
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("received_at", read_only=True),
                FieldPanel("due_date", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("page_address", read_only=True),
                FieldPanel("message", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
            ],
            heading=_("What the visitor sent"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("answered_at"), FieldPanel("internal_note")],
            heading=_("Handling"),
        ),
    ]
