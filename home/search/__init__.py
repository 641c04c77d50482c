"""Site search per language: query cleaning and highlighting (``query``), result building
(``results``), the PostgreSQL backend with per-language stemming (``backend``) and the
header's link to the search page of the current language (``pages``).

Generic over page types: every page type whose ``search_fields`` list text is found. A new
type needs nothing here unless it wants its own filter label (``types.RESULT_TYPES``).
Film transcripts: ``campaign.FilmPage.search_fields`` should include the transcript of its
Film, e.g. ``index.SearchField("film_transcript")`` with a ``film_transcript()`` method
returning ``self.film.transcript`` (or ``index.RelatedFields("film", [SearchField(
"transcript")])``); the index row is then written in the page's language like any other.
Use the Film in the page's own locale (the English page must index the English
transcript), and re-index the film pages when a Film is published (``page_published`` /
snippet publish signal: ``wagtail.search.index.insert_or_update_object(page)``), because
saving the snippet alone does not touch the pages' index rows.
"""
