"""Site search per language: the search page (``models``), query cleaning and highlighting
(``query``), result building (``results``), result types (``types``) and the PostgreSQL
backend with per-language stemming (``backend``).

Generic over page types: every page type whose ``search_fields`` list text is found. A new
type needs nothing here unless it wants its own filter label (``types.RESULT_TYPES``). Film
transcripts are indexed with the film pages (``campaign.FilmPage.search_fields``) and
re-indexed when a film is published (``home.films.search_index``).
"""
