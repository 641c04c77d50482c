"""Querysets for listing cards (home teasers, news and event index, campaign films): the
columns a card shows, not the whole page.

A page row is wide: Wagtail's ``Page`` alone has 29 columns, most of them for the editing
workflow (revisions, locking, scheduling, owner), and each selected column costs SQL
compilation and model set-up on every view. A card shows a title, a link (``url_path``),
a date or a teaser and an image. Deferring the rest made a listing query about a quarter
cheaper. A template that reaches for a deferred column costs one query per card; the query
budget tests (constant count for 1 and 10 items) would fail on that.
"""

# Page columns only the admin reads (revisions, publishing schedule, locks, owner, alias).
WORKFLOW_PAGE_FIELDS = (
    "numchild",
    "latest_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "owner",
    "latest_revision_created_at",
    "alias_of",
)
# Image columns a ``<picture>`` never reads. It needs the file, size and focal point, and
# ``description``: Wagtail reads it for the default alt text even when the alt is given.
IMAGE_BOOKKEEPING_FIELDS = (
    "collection",
    "created_at",
    "uploaded_by_user",
    "file_size",
    "file_hash",
)


def for_cards(queryset, *image_paths: str, extra_deferred: tuple[str, ...] = ()):
    """``queryset`` without StreamFields, workflow columns and the bookkeeping columns of the
    images at ``image_paths`` (each a ``select_related`` path such as ``"hero_image"``)."""
    deferred = [
        *WORKFLOW_PAGE_FIELDS,
        *(f"{path}__{field}" for path in image_paths for field in IMAGE_BOOKKEEPING_FIELDS),
        *extra_deferred,
    ]
    return queryset.defer_streamfields().defer(*deferred)
