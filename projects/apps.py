from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Structural-change projects: pages, listing with map, open data. Plugs into ``home``
    through its registry (demo content); news and events name projects by model label."""

    name = "projects"
    verbose_name = _("Projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once
        # Django has loaded every app.
        from wagtail.signals import page_published

        from projects.facts import on_page_published

        page_published.connect(on_page_published, dispatch_uid="projects.facts")
