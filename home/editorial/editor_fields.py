"""Character counters and the search-result preview in the admin's edit forms (issue 21).

Wagtail has no counter for plain text fields (its ``w-count`` controller counts error
messages, Draftail counts only rich text) and no search-result preview, so a small script
(``static/js/editor-fields.js``) adds both to every edit form through Wagtail's
``insert_editor_js`` hook. This module gives it what only the server knows: the limits of
the publishing rules for fields without a ``maxlength``, the texts in the editor's
language and the site's name, which search engines show after the title.

The server is still the judge: a model field's ``max_length`` is checked by the form
(a field error, never a cut) and the publishing rules refuse the rest on publishing.
"""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _

from home.editorial.publishing_rules import SEARCH_DESCRIPTION_MAX

# Where search engines cut a result: about 60 characters of the title (a width, really)
# and the description at the length the publishing rules allow.
SERP_TITLE_CHARS = 60
WARN_AT = 0.9


def editor_config(site_name: str, host: str) -> dict:
    """``site_name`` follows the title in search results (as in templates/base.html);
    ``host`` starts the result's address line."""
    return {
        "warnAt": WARN_AT,
        # Fields whose limit is a publishing rule rather than a maxlength.
        "softLimits": {"search_description": SEARCH_DESCRIPTION_MAX},
        "serp": {
            "title": SERP_TITLE_CHARS,
            "description": SEARCH_DESCRIPTION_MAX,
            "site": site_name,
            "host": host,
        },
        "texts": {
            "count": _("%(count)s / %(limit)s characters"),
            "overBy": _("%(over)s too many"),
            "near": _("Almost at the limit."),
            "over": _("Too long: please shorten the text, it cannot be saved like this."),
            "overPublish": _(
                "Too long: please shorten the text, it cannot be published like this."
            ),
            "previewHeading": _("Search result preview"),
            "previewHint": _(
                "Search engines show about %(title)s characters of the title and "
                "%(description)s of the description; they cut off the rest."
            )
            % {"title": SERP_TITLE_CHARS, "description": SEARCH_DESCRIPTION_MAX},
            "previewNoDescription": _(
                "No search description or teaser yet: search engines then pick some text "
                "from the page."
            ),
        },
    }


def editor_js(site_name: str, host: str) -> str:
    return json_script(editor_config(site_name, host), "portal-editor-fields") + format_html(
        '<script src="{}" defer></script>', static("js/editor-fields.js")
    )


def editor_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor-fields.css"))
