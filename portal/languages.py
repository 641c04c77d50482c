"""The active language, as the portal knows its languages."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def current_language() -> str:
    """The active language, reduced to one of the portal's languages (``de`` by default)."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    known = {code for code, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def path_in_every_language(request) -> dict[str, str]:
    """This request's path in every language of ``settings.LANGUAGES``: the language
    switcher of views that are not Wagtail pages (the public forms)."""
    return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
