"""Query cleaning and highlighting on their own (no database)."""

import pytest

from home.search.query import clean_query, highlight, search_terms

pytestmark = pytest.mark.nodb


def test_clean_query_collapses_space_and_cuts_long_input():
    assert clean_query("  Wärme \n\t planung ") == "Wärme planung"
    assert clean_query(None) == ""
    assert clean_query("\x00Lausitz\x1f") == "Lausitz"
    assert len(clean_query("x" * 2000)) == 100


def test_search_terms_are_words_only():
    assert search_terms("'; DROP TABLE page; --") == ["DROP", "TABLE", "page"]
    assert search_terms('"unmatched <b>Lausitz</b>') == ["unmatched", "b", "Lausitz"]
    assert search_terms("Lausitz lausitz LAUSITZ") == ["Lausitz"]
    assert len(search_terms(" ".join(f"w{n}" for n in range(50)))) == 10


def test_highlight_escapes_before_marking():
    marked = highlight("<b>Lausitz</b> & Wärme", ["Lausitz"])
    assert marked == "&lt;b&gt;<mark>Lausitz</mark>&lt;/b&gt; &amp; Wärme"


def test_highlight_never_breaks_entities():
    assert highlight("Tom & Jerry's", ["amp", "x27", "39"]) == "Tom &amp; Jerry&#x27;s"


def test_highlight_marks_inflected_forms_case_insensitively():
    assert (
        highlight("Die Wärmeplanung beginnt", ["Wärmeplanungen"])
        == "Die <mark>Wärmeplanung</mark> beginnt"
    )
    assert highlight("One municipality", ["municipalities"]) == "One <mark>municipality</mark>"
    assert highlight("Lausitzer Land", ["lausitz"]) == "<mark>Lausitzer</mark> Land"


def test_highlight_short_terms_match_word_starts_only():
    assert highlight("Ausbau und Bau", ["Bau"]) == "Ausbau und <mark>Bau</mark>"
