"""The active language, as the portal knows its languages."""

from django.conf import settings
from django.utils import translation


def current_language() -> str:
    """The active language, reduced to one of the portal's languages (``de`` by default)."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE
