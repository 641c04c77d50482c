"""The news and events that name a project, in the reader's language."""

from home.listings.cards import for_cards
from home.naming import naming


def pages_naming(project, language: str) -> dict[str, list]:
    """``home.naming.naming`` with only the columns a list entry shows: one query per page
    type that can name a project, whatever the number of pages."""
    return naming(project, language, prepare=for_cards)
