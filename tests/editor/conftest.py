"""Editors, translators and reviewers of the portal's roles, logged in (tests/translation)."""

from tests.translation.conftest import (  # noqa: F401  (fixtures)
    editor,
    reviewer,
    roles,
    translator,
)
