"""Wagtail's and wagtail-localize's own strings whose German the portal replaces.

Their German catalogues leave "Locale" untranslated ("Locale: Deutsch", "In 2 Locales
verfügbar"), so a German admin reads one English word on every edit view. The portal's
``locale/de/LC_MESSAGES/django.po`` holds the replacement for each msgid below; Django gives
``LOCALE_PATHS`` precedence over the packages' catalogues. The msgids are listed here (as
``gettext_noop``, never called) so that ``makemessages`` keeps the entries instead of marking
them obsolete, and so that ``tests/editor/test_admin_language.py`` can check each one.
The English catalogue says "Language" for the same msgids: one word for one thing in both.
"""

from django.utils.translation import gettext_noop

PACKAGE_TERMS = [
    # wagtail.admin: the locale field, the header's language switcher
    gettext_noop("locale"),
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Locales"),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    # wagtail.locales: the settings menu's language list
    gettext_noop("Wagtail locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Delete locale"),
    # wagtail_localize: the "translate" submission form and its messages
    gettext_noop("{} locales"),
]
