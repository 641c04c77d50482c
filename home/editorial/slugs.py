"""ASCII slugs with German umlauts written out: "Fachkräfte-Sicherung" → "fachkraefte-sicherung".

Three places make a slug, and all three follow ``portal.transliteration``:

- the admin's script (Wagtail's ``w-slug`` controller) fills the slug from the title and
  cleans a typed slug. ``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` makes it transliterate, but
  its tables have no German entry ("ä" → "a"); the controller's documented ``formatters``
  run before that, so ``SlugInput(formatters=…)`` adds the German rule;
- the page form (``home.editorial.forms.PortalPageForm``) transliterates a slug that
  reaches the server unconverted (typed without JavaScript) and fills an empty one;
- ``AsciiSlugMixin`` fills an empty slug when a page is saved without a form (a draft saved
  with an empty slug, ``add_child`` in code), where Wagtail would use Django's ``slugify``.
"""

from wagtail.admin.widgets import SlugInput
from wagtail.coreutils import find_available_slug

from portal.transliteration import ascii_slug, transliteration_pairs

# Regex source and replacement, as the controller expects; the characters are literals.
SLUG_FORMATTERS = [(char, replacement) for char, replacement in transliteration_pairs()]


class AsciiSlugInput(SlugInput):
    """Wagtail's slug widget with the German transliteration run before its own."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)


def slug_for_title(title: str, parent, page_id=None) -> str:
    """The ASCII slug of ``title``, made unique among ``parent``'s children ("-1", "-2", as
    Wagtail's page copy and wagtail-localize number them)."""
    base = ascii_slug(title)
    if not base or parent is None:
        return base
    return find_available_slug(parent, base, ignore_page_id=page_id)


class AsciiSlugMixin:
    """Fills an empty slug from the title before Wagtail's ``full_clean`` would (with
    Django's ``slugify``: "fachkrafte"). Only once the page is in the tree (``path`` set by
    ``add_child``): before that its siblings are unknown, and Wagtail itself waits too."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title and self.path:
            self.slug = slug_for_title(self.title, self.get_parent(), self.pk)
        super().full_clean(*args, **kwargs)
