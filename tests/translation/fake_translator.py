"""A fake machine translator for tests: rewrites every word (never the network)."""

import re

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


class RewritingTranslator(BaseMachineTranslator):
    display_name = "Fake"

    def translate(self, source_locale, target_locale, strings):
        return {
            s: StringValue(WORD.sub(lambda m: m.group(0)[::-1].upper(), s.data)) for s in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale != target_locale
