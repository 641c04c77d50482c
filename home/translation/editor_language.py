"""wagtail-localize's translation editor in the admin's language.

Three strings of wagtail-localize 1.14.5 stay English in a German admin:

- the note under every translated segment (``StringTranslation.get_comment``) formats its
  date with ``strftime("%-d %B %Y")``, so a translator reads "Manuell übersetzt am
  4 December 2026". ``get_comment`` below keeps wagtail-localize's messages (and their
  German) and formats the date as Django does for the active language ("4. Dezember 2026"),
  in the portal's time zone;
- its React bundle writes the heading "Deutsch to Englisch translation" and the menu
  button's "More actions" as literals, without gettext. ``editor_script`` gives
  ``static/js/localize-editor-language.js`` the words in the admin's language; the script
  puts them in place of the literals, also after React renders again.
"""

from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation

from home.translation.memory import MEMORY_TOOL


def localized_date(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


def get_comment(self):
    """``StringTranslation.get_comment`` with a date in the admin's language."""
    date = localized_date(self.updated_at)
    if self.tool_name == MEMORY_TOOL:
        return _("From the translation memory, offered on {date}").format(date=date)
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def install():
    """Put the method in place of wagtail-localize's (idempotent)."""
    StringTranslation.get_comment = get_comment


def editor_script():
    """``insert_editor_js``: wagtail-localize's editor template outputs this hook too (the
    script does nothing on Wagtail's own editor, which has no such literals)."""
    return format_html(
        '<script src="{}" data-more-actions="{}" data-heading="{}"></script>',
        static("js/localize-editor-language.js"),
        _("More actions"),
        _("{source} to {target} translation"),
    )
