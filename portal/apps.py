from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The platform under every app: caching, security, media serving, backup. No models;
    an app only so that its management commands (``backup``, ``restore``) are found and its
    cache invalidation is connected once."""

    name = "portal"
    verbose_name = "Portal platform"

    def ready(self):
        # Imported here: the invalidation module imports Wagtail's models.
        from portal.caching.invalidation import connect_signals

        # Imported for its @register: the media bucket is checked at start-up.
        from portal.storage import checks  # noqa: F401

        connect_signals()
