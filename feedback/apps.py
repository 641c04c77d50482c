from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """The accessibility feedback channel (BGG § 12b, BbgBITV): the public "report a
    barrier" form, the reports in the admin, reminders before the one-month deadline.
    Imports only from ``home`` and ``portal``; plugs into the footer and the accessibility
    statement through ``home.registry``."""

    name = "feedback"
    verbose_name = _("Accessibility feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once
        # Django has loaded every app.
        from django.db.models.signals import post_migrate

        from feedback.links import report_link
        from feedback.roles import ensure_role
        from home.registry import register_legal_link

        register_legal_link("report-a-barrier", report_link, order=10, on_statement=True)
        # After every app's post_migrate, not only this app's: the permissions are made by
        # django.contrib.auth's own receiver, which runs after this one for this app.
        post_migrate.connect(ensure_role, dispatch_uid="feedback.role")
