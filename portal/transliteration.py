"""German text as ASCII: ä → ae, ö → oe, ü → ue, ß → ss, ł → l, then other accents dropped.

Used for page slugs (``home.editorial.slugs``) and for the ASCII fallback name of downloads
(``portal.downloads``). Django's ``slugify`` and Wagtail's admin script both turn "ä" into
"a" ("fachkrafte"), which reads wrongly in German; German spelling writes the umlaut out
when it cannot be shown. One rule for every language of the portal: the umlauts in its
English pages are German names (Lausitz places, people), which want the same spelling.
"""

import unicodedata

from django.utils.text import slugify

# (character, replacement), composed form. Capitals keep their case so that "Äpfel" becomes
# "Aepfel"; slugs are lower-cased afterwards anyway.
GERMAN_TRANSLITERATION = (
    ("ä", "ae"),
    ("ö", "oe"),
    ("ü", "ue"),
    ("Ä", "Ae"),
    ("Ö", "Oe"),
    ("Ü", "Ue"),
    ("ß", "ss"),
    ("ẞ", "SS"),
)


# Letters Unicode gives no base letter for, which the decomposition below would drop: Polish
# "ł" ("Strona główna" would become "strona-gowna"), and a few of the region's neighbours.
STROKE_LETTERS = (("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D"), ("ø", "o"), ("Ø", "O"))


def transliteration_pairs() -> list[tuple[str, str]]:
    """The pairs above plus their decomposed spellings ("a" + combining diaeresis), which
    text pasted from some systems (macOS file names, PDFs) carries instead of "ä"."""
    pairs = list(GERMAN_TRANSLITERATION + STROKE_LETTERS)
    for char, replacement in GERMAN_TRANSLITERATION:
        decomposed = unicodedata.normalize("NFD", char)
        if decomposed != char:
            pairs.append((decomposed, replacement))
    return pairs


def to_ascii(text: str) -> str:
    """``text`` with German umlauts written out and every other non-ASCII letter reduced to
    its base letter ("é" → "e"); characters without one (e.g. "€", CJK) are dropped."""
    text = unicodedata.normalize("NFC", text or "")
    for char, replacement in GERMAN_TRANSLITERATION + STROKE_LETTERS:
        text = text.replace(char, replacement)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def ascii_slug(text: str) -> str:
    """ "Fachkräfte-Sicherung" → "fachkraefte-sicherung"; empty if nothing is left."""
    return slugify(to_ascii(text), allow_unicode=False)
