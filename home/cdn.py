"""A publish purges the page's other languages from the CDN as well.

Wagtail's frontend cache (``wagtail.contrib.frontend_cache``) purges the page that was
published or unpublished. Its live translations changed too: their language switcher and
hreflang links point to it (or no longer do). Wagtail's own answer to languages, rewriting
the page's path under every language prefix, does not fit this site, where
``/de/impressum/`` is ``/en/legal-notice/`` (``WAGTAILFRONTENDCACHE_LANGUAGES`` is empty
in the settings). So this handler adds the real URLs of the page's live, public versions
in the other languages, found by ``translation_key`` ("the same page in the other
language", ``home.i18n``), as one ``PurgeBatch``: one task, one request per backend.

Connected in ``HomeConfig.ready``, beside Wagtail's handlers, which it leaves in place.
Without a configured backend it does nothing, not even its query.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from home.i18n import live_versions_by_key


def purge_translations(instance, **_signal_kwargs) -> None:
    """Receiver of ``page_published`` and ``page_unpublished``."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    versions = live_versions_by_key([instance.translation_key]).get(instance.translation_key, {})
    others = [page for page in versions.values() if page.pk != instance.pk]
    if others:
        batch = PurgeBatch()
        batch.add_pages(others)
        batch.purge()
