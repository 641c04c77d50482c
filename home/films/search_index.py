"""Pages that show a film keep its text searchable: publishing the film re-indexes them.

A film page indexes its film's title and transcript (``index.RelatedFields``), but saving or
publishing the film alone does not touch the pages' index rows: an edited transcript stayed
stale in search. Wagtail's reference index knows every page that points at the film (a film
page's foreign key, a ``FilmBlock`` in any body), so this needs no knowledge of the apps
that show films.
"""

from wagtail.models import Page, ReferenceIndex
from wagtail.search import index


def reindex_pages_showing(sender, instance, **kwargs):
    """``published`` receiver for films (connected in ``HomeConfig.ready``)."""
    for source, _references in ReferenceIndex.get_grouped_references_to(instance):
        if isinstance(source, Page):
            index.insert_or_update_object(source.specific)
