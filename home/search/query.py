"""What a visitor typed, made safe to search for and to show.

The backend only ever sees words: letters and digits, at most ``MAX_TERMS`` of them. Quotes,
operators and SQL or HTML fragments are not search syntax here, so unmatched quotes cannot
break SQLite's FTS5 parser and nothing a visitor types reaches a query as syntax. The
query shown back on the page is the trimmed input, escaped by the template.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 100
MAX_TERMS = 10
MIN_PREFIX = 4
WORD = re.compile(r"\w+")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw: str | None) -> str:
    """The query as shown: control characters removed, spaces collapsed, at most 100
    characters (a 2,000-character paste is cut, not rejected)."""
    text = CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> list[str]:
    """The words to search for, in order, without repeats."""
    terms = []
    for term in WORD.findall(query):
        if term.lower() not in (t.lower() for t in terms):
            terms.append(term)
    return terms[:MAX_TERMS]


def _stem_prefix(term: str) -> str:
    """A rough stem for highlighting only: the search itself stems properly on PostgreSQL.

    Cutting three letters makes "Wärmeplanungen" mark "Wärmeplanung" and "municipalities"
    mark "municipality"; short words must match from their start in full.
    """
    return term if len(term) <= MIN_PREFIX else term[: max(MIN_PREFIX, len(term) - 3)]


def highlight(text: str, terms: list[str]):
    """``text`` escaped, with every word that starts like a search term wrapped in
    ``<mark>``. Each piece is escaped on its own, so the marks never split an entity."""
    text = text or ""
    if not terms:
        return escape(text)
    prefixes = sorted({_stem_prefix(term) for term in terms}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(p) for p in prefixes) + r")\w*", re.IGNORECASE
    )
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
