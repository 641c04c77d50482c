"""Registers the reports' admin views and their permission policy."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from feedback.admin import ReportPermissionPolicy, ReportViewSet
from feedback.models import AccessibilityReport

register_permission_policy(AccessibilityReport, ReportPermissionPolicy(AccessibilityReport))


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("accessibilityreport")
