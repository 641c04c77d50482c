"""Wagtail finds hooks in each app's ``wagtail_hooks`` module; the platform's live with
the code they belong to."""

from portal.storage import documents  # noqa: F401  (registers before_serve_document)
