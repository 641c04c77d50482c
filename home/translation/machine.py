"""Machine translation that leaves glossary terms alone.

wagtail-localize's own DeepL translator is used when ``DEEPL_API_KEY`` is set (settings);
otherwise no machine translation is offered at all. DeepL glossaries must be created ahead
of time, so the portal protects its terms itself: each term is replaced by a token without
letters before the text leaves, and put back afterwards. The only outgoing request is the
one an editor triggers with "Translate with machine translation".
"""

import re

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from home.translation.models import GlossaryTerm

TOKEN = "⟦{}⟧"
TOKEN_PATTERN = re.compile(r"⟦(\d+)⟧")


def glossary_terms() -> list[str]:
    # Longest first, so that "Die Lausitz. Krasse Gegend." wins over "Lausitz".
    return sorted(GlossaryTerm.objects.values_list("term", flat=True), key=len, reverse=True)


def protect(text: str, terms: list[str]) -> tuple[str, list[str]]:
    found: list[str] = []
    for term in terms:
        if term in text:
            found.append(term)
            text = text.replace(term, TOKEN.format(len(found) - 1))
    return text, found


def restore(text: str, found: list[str]) -> str:
    return TOKEN_PATTERN.sub(lambda m: found[int(m.group(1))], text)


class GlossaryProtectingTranslator(BaseMachineTranslator):
    """Wraps another machine translator (DeepL in production, a fake one in tests)."""

    display_name = _("Machine translation (glossary protected)")

    def __init__(self, options):
        super().__init__(options)
        inner = import_string(options["INNER"])
        self.inner = inner(options.get("INNER_OPTIONS", {}))
        self.display_name = getattr(self.inner, "display_name", self.display_name)

    def translate(self, source_locale, target_locale, strings):
        terms = glossary_terms()
        protected = {}
        for string in strings:
            text, found = protect(string.data, terms)
            protected[string] = (StringValue(text), found)
        translated = self.inner.translate(
            source_locale, target_locale, [value for value, _found in protected.values()]
        )
        return {
            string: StringValue(restore(translated[value].data, found))
            for string, (value, found) in protected.items()
        }

    def can_translate(self, source_locale, target_locale):
        return self.inner.can_translate(source_locale, target_locale)
