"""XLIFF 1.2 exchange with CAT tools: export (``export``), import with checks (``importer``),
inline markup and glossary protection (``inline``), stable segment ids (``units``)."""
