"""Uploads reach the worker: whenever a film's master is stored, its encoding is queued.

A master is stored in two ways. Saving a film that is not live writes its source rows;
saving a live film writes only a revision (Wagtail keeps the live rows until publishing),
whose serialisation stores the uploaded file. Both are watched; ``queue_masters`` makes
one encoding per file, so seeing the same file twice is harmless.
"""

from django.contrib.contenttypes.models import ContentType

from home.films.encoding import masters_in_revision_content
from home.films.pipeline import queue_masters


def on_source_saved(sender, instance, **kwargs):
    """``post_save`` of ``FilmSource``."""
    if instance.file:
        queue_masters([instance.file.name])


def on_revision_saved(sender, instance, created, **kwargs):
    """``post_save`` of Wagtail's ``Revision``: only film revisions carry masters."""
    content_type = ContentType.objects.get_for_id(instance.content_type_id)
    if created and (content_type.app_label, content_type.model) == ("home", "film"):
        queue_masters(masters_in_revision_content(instance.content))
