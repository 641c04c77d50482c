from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The base app. Other apps plug in through ``home.registry`` (demo loaders, home teasers)."""

    name = "home"
    verbose_name = _("Portal basics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import registry
        from home.demo.loader import load_home_demo

        # Home's own content comes first: every other loader needs the locales and home pages.
        registry.register_demo_loader("home", load_home_demo, order=0)
        registry.register_demo_loader("roles", _load_roles, order=90)

        from wagtail.signals import page_published, published

        from home.models import Topic

        page_published.connect(_sync_topics, dispatch_uid="home.sync_topics")
        published.connect(_resync_topic_pages, sender=Topic, dispatch_uid="home.topic_pages")

        from home.translation import live_targets
        from home.translation.review import clear_review_on_publish

        live_targets.install()

        page_published.connect(clear_review_on_publish, dispatch_uid="home.clear_review")

        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from home import page_cache
        from home.i18n import forget_locale_ids

        page_cache.connect_signals()

        post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="home.locale_ids")
        post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="home.locale_ids_d")

        from home.models import CustomImage

        post_save.connect(
            _renditions_after_upload, sender=CustomImage, dispatch_uid="home.renditions"
        )


def _sync_topics(sender, instance, **kwargs):
    from home.topics import sync_topics_to_translations

    sync_topics_to_translations(instance)


def _renditions_after_upload(sender, instance, **kwargs):
    """Every rendition the templates use, made once the upload (or a new file) is saved,
    so that the first visitor does not wait for resizing (AVIF takes about a second)."""
    from django.db import transaction

    from home.image_specs import pregenerate_renditions

    transaction.on_commit(lambda: pregenerate_renditions(instance))


def _resync_topic_pages(sender, instance, **kwargs):
    from home.topics import resync_pages_for_topic

    resync_pages_for_topic(instance)


def _load_roles(log):
    from home.translation.roles import setup_roles

    setup_roles()
    log("  editorial roles ready")
