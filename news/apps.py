from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News and events. Plugs into ``home`` through its registry (demo content, teasers)."""

    name = "news"
    verbose_name = _("News and events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once
        # Django has loaded every app.
        from wagtail.signals import page_published

        from home.registry import register_demo_loader, register_home_teaser
        from news.demo import load_news_demo
        from news.demo_press import load_press_demo
        from news.event_clock import next_event_change
        from news.event_facts import on_page_published
        from news.teasers import latest_news, upcoming_events
        from portal.caching.clock import register_clock_boundary

        register_demo_loader("news", load_news_demo, order=20)
        # After the news demo: it makes the images and the press contact the page shows.
        register_demo_loader("press", load_press_demo, order=25)
        register_home_teaser("news", "news/includes/home_teaser.html", latest_news, order=10)
        register_home_teaser(
            "events", "news/includes/home_events_teaser.html", upcoming_events, order=20
        )
        # Upcoming-event listings change when an event starts or ends.
        register_clock_boundary("events", next_event_change)
        page_published.connect(on_page_published, dispatch_uid="news.event_facts")
