"""Wagtail's PostgreSQL database search backend with stemming per language.

Wagtail 8's backend takes one ``SEARCH_CONFIG`` and stores one index row per object, so a
German page indexed with the English configuration would never find "Wärmeplanung" for
"Wärmeplanungen". This subclass keeps the one row per object but writes it with the
configuration of the object's locale (``german`` for de, ``english`` for en), and builds a
query's ``tsquery`` with the configuration of the active language, which on the public
search page is the URL's language. Objects without a locale (images, documents, users)
use the default language's configuration.

Registered as the default backend only on PostgreSQL (see ``portal/settings/base.py``);
after changing ``SEARCH_CONFIGS`` run ``manage.py update_index``.
"""

import copy
from collections import defaultdict

from django.conf import settings
from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from home.i18n import forget_locale_ids, locale_ids
from portal.languages import current_language

DEFAULT_SEARCH_CONFIGS = {"de": "german", "en": "english"}


class LocalizedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index each language's objects with that language's configuration.

        Wagtail's ``ObjectIndexer`` reads the configuration from the backend, so each group
        is written through a copy of the backend that carries the group's configuration.
        """
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_object(obj)].append(obj)
        for config, group in groups.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LocalizedQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(current_language())


class LocalizedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalizedQueryCompiler
    # Autocomplete keeps Wagtail's unstemmed "simple" configuration.
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = LocalizedPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.search_configs = {**DEFAULT_SEARCH_CONFIGS, **params.get("SEARCH_CONFIGS", {})}
        self.config = self.config_for_language(settings.LANGUAGE_CODE)

    def config_for_language(self, language: str) -> str:
        return self.search_configs.get(language, "simple")

    def config_for_object(self, obj) -> str:
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        languages = {pk: code for code, pk in locale_ids().items()}
        if locale_id not in languages:  # a locale added since the ids were cached
            forget_locale_ids()
            languages = {pk: code for code, pk in locale_ids().items()}
        return self.config_for_language(languages.get(locale_id, settings.LANGUAGE_CODE))

    def with_config(self, config: str):
        backend = copy.copy(self)
        backend.config = config
        return backend


SearchBackend = LocalizedPostgresSearchBackend
