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

        from home.registry import register_demo_loader
        from projects.demo import load_projects_demo
        from projects.facts import on_page_published

        # After the news (20) and press (25) demos: their articles and events name projects.
        register_demo_loader("projects", load_projects_demo, order=30)
        page_published.connect(on_page_published, dispatch_uid="projects.facts")
