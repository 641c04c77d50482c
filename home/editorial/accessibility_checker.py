"""Wagtail's built-in accessibility checker ("Checks" panel in the page editor and the
userbar on previews), tuned to what editors of this portal can get wrong: missing or
meaningless alt text, skipped heading levels, empty or vague links, films without a captions
track, quotations marked with an invalid language.

Wagtail's own rules stay on; the axe-core rules added here ship with the axe build Wagtail
bundles, so nothing is loaded from another host.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

EXTRA_RULES = [
    "image-alt",
    "input-image-alt",
    "role-img-alt",
    "svg-img-alt",
    "video-caption",
    "valid-lang",
    "page-has-heading-one",
]

# Alt text that names a file, has underscores, or only says "image" / "Bild".
ALT_TEXT_PATTERN = (
    "\\.(avif|gif|jpg|jpeg|png|svg|webp)$|_|"
    "^\\s*([Bb]ild|[Ff]oto|[Gg]rafik|[Ii]mage|[Pp]hoto|[Pp]icture)\\s*$"
)


class PortalContentChecker(ContentCheckerItem):
    axe_run_only = [*ContentCheckerItem.axe_run_only, *EXTRA_RULES]
    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_TEXT_PATTERN}},
        {"id": "check-empty-meta-description"},
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image without alt text"),
            "help_text": _(
                "Describe what the image shows in the image block's alt text, or mark it as "
                "decorative"
            ),
        },
        "input-image-alt": {
            "error_name": _("Image button without alt text"),
            "help_text": _("Say what the button does"),
        },
        "role-img-alt": {
            "error_name": _("Graphic without a text alternative"),
            "help_text": _("Describe what the graphic shows"),
        },
        "svg-img-alt": {
            "error_name": _("Graphic without a text alternative"),
            "help_text": _("Describe what the graphic shows"),
        },
        "video-caption": {
            "error_name": _("Film without captions"),
            "help_text": _("Add a caption track (WebVTT) of the kind “Captions” to the film"),
        },
        "valid-lang": {
            "error_name": _("Invalid language of a passage"),
            "help_text": _("Choose the quotation's language from the list"),
        },
        "page-has-heading-one": {
            "error_name": _("The page has no main heading"),
            "help_text": _("Fill in the title or headline field"),
        },
        "link-name": {
            "error_name": _("Link text is empty"),
            "help_text": _(
                "Say where the link leads, e.g. “Zur Anmeldung”; an image link needs alt text"
            ),
        },
    }


def use_portal_checker(request, items, page=None):
    """``construct_wagtail_userbar``: swap Wagtail's checker for the portal's. The editor's
    "Checks" panel reads its configuration through the same hook."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentChecker):
            items[index] = PortalContentChecker(in_editor=item.in_editor)
