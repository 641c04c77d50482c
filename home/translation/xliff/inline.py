"""Segment text between wagtail-localize and XLIFF 1.2 inline markup.

wagtail-localize keeps a segment as an HTML fragment with only inline tags and no attributes
(``<b>``, ``<a id="a1">``, ``<br/>``; the link targets live beside the segment). A CAT tool
must not change those tags, so they travel as XLIFF placeholders the tools protect:
paired tags become ``<g id=… ctype=…>``, a line break ``<x id=… ctype="lb"/>``. Glossary
terms in the source are wrapped in ``<mrk mtype="protected">`` (do not translate).

Reading a target back reverses this, refusing any placeholder the source did not have
(``Placeholders``), so a translation can neither lose a link nor invent one.
"""

import re
from collections import Counter
from html import escape
from xml.etree import ElementTree as ET

from bs4 import BeautifulSoup, NavigableString, Tag

NS = "urn:oasis:names:tc:xliff:document:1.2"
Q = f"{{{NS}}}"

# wagtail-localize's INLINE_TAGS, each with the ctype a CAT tool shows (XLIFF 1.2 names
# "bold", "italic" and "link"; the others are extensions, which must start with "x-").
CTYPES = {
    "b": "bold",
    "strong": "x-html-strong",
    "i": "italic",
    "em": "x-html-em",
    "a": "link",
    "code": "x-html-code",
    "abbr": "x-html-abbr",
    "acronym": "x-html-acronym",
}
TAGS = {ctype: tag for tag, ctype in CTYPES.items()}
LINE_BREAK = "lb"


class InlineError(ValueError):
    """A target whose markup is not the source's (message for the translator)."""


def _protect(parent: ET.Element, text: str, terms_pattern: re.Pattern | None) -> None:
    """Append ``text`` to ``parent``, glossary terms as protected markers."""
    pieces = terms_pattern.split(text) if terms_pattern else [text]
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        if index % 2:
            marker = ET.SubElement(parent, Q + "mrk", {"mtype": "protected"})
            marker.text = piece
        else:
            _append_text(parent, piece)


def _append_text(parent: ET.Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def terms_pattern(terms: list[str]) -> re.Pattern | None:
    """One pattern for all glossary terms, longest first (a capture group, so ``split``
    keeps them)."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(term) for term in ordered) + ")")


def to_xliff(element: ET.Element, data: str, terms: re.Pattern | None = None) -> ET.Element:
    """Fill ``element`` (a ``source`` or ``target``) with the segment ``data``."""
    counter = {"g": 0, "x": 0}

    def walk(node, parent):
        for child in node.children:
            if isinstance(child, NavigableString):
                _protect(parent, str(child), terms)
            elif isinstance(child, Tag) and child.name == "br":
                counter["x"] += 1
                ET.SubElement(parent, Q + "x", {"id": f"x{counter['x']}", "ctype": LINE_BREAK})
            elif isinstance(child, Tag) and child.name in CTYPES:
                counter["g"] += 1
                ident = child.get("id") if child.name == "a" else f"g{counter['g']}"
                group = ET.SubElement(parent, Q + "g", {"id": ident, "ctype": CTYPES[child.name]})
                walk(child, group)
            else:
                raise InlineError(f"<{getattr(child, 'name', '?')}> is not inline markup")

    walk(BeautifulSoup(data, "html.parser"), element)
    return element


def from_xliff(element: ET.Element) -> str:
    """The segment data of a ``source`` or ``target``: placeholders back to tags, protected
    markers unwrapped, text escaped as wagtail-localize stores it."""
    parts = [escape(element.text or "", quote=False)]
    for child in element:
        tag = child.tag.removeprefix(Q)
        if tag == "mrk":
            parts.append(from_xliff(child))
        elif tag == "x" and child.get("ctype") == LINE_BREAK:
            parts.append("<br/>")
        elif tag == "g" and child.get("ctype") in TAGS:
            name = TAGS[child.get("ctype")]
            opening = f'<a id="{escape(child.get("id", ""))}">' if name == "a" else f"<{name}>"
            parts.append(f"{opening}{from_xliff(child)}</{name}>")
        else:
            raise InlineError(f"<{tag} id={child.get('id')!r}> is not one of the source's")
        parts.append(escape(child.tail or "", quote=False))
    return "".join(parts)


def placeholders(element: ET.Element) -> Counter:
    """The placeholders in ``element`` (tag, id, ctype), markers looked through."""
    found = Counter()
    for child in element.iter():
        tag = child.tag.removeprefix(Q)
        if child is element or tag == "mrk":
            continue
        found[(tag, child.get("id"), child.get("ctype"))] += 1
    return found
