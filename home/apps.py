from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The base app. Other apps plug in through ``home.registry`` (demo loaders, home teasers)."""

    name = "home"
    verbose_name = _("Portal basics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: these modules import models, which exist only once
        # Django has loaded every app.
        from django.db import models
        from django.db.models.signals import post_delete, post_save
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Locale, Revision
        from wagtail.signals import page_published, page_unpublished, published

        from home import registry
        from home.cdn import purge_translations
        from home.demo.loader import load_home_demo
        from home.demo.polish import load_polish_home_demo
        from home.editorial.slugs import AsciiSlugInput
        from home.films import checks  # noqa: F401 - registers the film set-up checks
        from home.films.models import Film, FilmSource
        from home.films.search_index import reindex_pages_showing
        from home.films.signals import on_revision_saved, on_source_saved
        from home.i18n import forget_locale_ids
        from home.images.models import CustomImage
        from home.images.renditions import pregenerate_after_upload
        from home.topics.localized import on_page_published, on_topic_published
        from home.topics.models import Topic
        from home.translation import checks as workflow_checks  # noqa: F401 - registers them
        from home.translation import editor_language, explorer_buttons, live_targets, memory
        from home.translation.review import clear_review_on_publish
        from home.translation.workflows import load_roles

        # Home's own content comes first: every other loader needs the locales and home pages.
        registry.register_demo_loader("home", load_home_demo, order=0)
        # Where Polish is configured, its home, search, legal pages and topics (Polish is
        # added by settings; the loader does nothing otherwise).
        registry.register_demo_loader("home-pl", load_polish_home_demo, order=5)
        registry.register_demo_loader("roles", load_roles, order=90)

        live_targets.install()
        editor_language.install()
        memory.install()
        explorer_buttons.install()
        # Every slug field of the admin (pages, topics) with the German umlaut rule;
        # registered after Wagtail's own SlugInput override, so this one is found.
        register_form_field_override(models.SlugField, override={"widget": AsciiSlugInput})
        page_published.connect(on_page_published, dispatch_uid="home.sync_topics")
        published.connect(on_topic_published, sender=Topic, dispatch_uid="home.topic_pages")
        published.connect(reindex_pages_showing, sender=Film, dispatch_uid="home.film_pages")
        post_save.connect(on_source_saved, sender=FilmSource, dispatch_uid="home.film_masters")
        post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="home.film_revisions")
        page_published.connect(clear_review_on_publish, dispatch_uid="home.clear_review")
        page_published.connect(purge_translations, dispatch_uid="home.cdn_published")
        page_unpublished.connect(purge_translations, dispatch_uid="home.cdn_unpublished")
        post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="home.locale_ids")
        post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="home.locale_ids_d")
        post_save.connect(
            pregenerate_after_upload, sender=CustomImage, dispatch_uid="home.renditions"
        )
