"""Rules a page or film must meet before it goes live, with messages editors understand.

The same rules run in two places: in the admin form (``home.editorial.forms``), where the
message sits next to the field, and on the translation editor's publish path
(``home.translation.translation_editor``), where wagtail-localize would otherwise show only
a generic "validation errors" message. Drafts are never refused: the rules are about publishing.

Lengths follow what search engines and listings show: a search description is cut after
about 160 characters, a teaser after 300.
"""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from portal.transliteration import ascii_slug

SEARCH_DESCRIPTION_MAX = 160
TEASER_MAX = 300
HERO_MIN_WIDTH, HERO_MIN_HEIGHT = 1600, 900


def _length_error(value, limit, what) -> str | None:
    length = len(value or "")
    if length <= limit:
        return None
    return _(
        "The %(what)s has %(length)s characters; at most %(limit)s are shown. "
        "Please shorten the text."
    ) % {"what": what, "length": length, "limit": limit}


def page_errors(values) -> dict[str, list[str]]:
    """Publishing rules on the page's own fields. ``values`` is the page or any object with
    the same attributes (the admin form passes its cleaned data)."""
    errors: dict[str, list[str]] = {}
    checks = [
        (
            "search_description",
            SEARCH_DESCRIPTION_MAX,
            gettext_lazy("search description"),
        ),
        ("teaser", TEASER_MAX, gettext_lazy("teaser")),
    ]
    for field, limit, what in checks:
        message = _length_error(getattr(values, field, None), limit, what)
        if message:
            errors.setdefault(field, []).append(message)
    image = getattr(values, "hero_image", None)
    if image is not None and (image.width < HERO_MIN_WIDTH or image.height < HERO_MIN_HEIGHT):
        errors.setdefault("hero_image", []).append(
            _(
                "The hero image is %(width)s × %(height)s px; it needs at least "
                "%(min_width)s × %(min_height)s px so that it stays sharp on large screens. "
                "Choose or upload a larger image."
            )
            % {
                "width": image.width,
                "height": image.height,
                "min_width": HERO_MIN_WIDTH,
                "min_height": HERO_MIN_HEIGHT,
            }
        )
    return errors


def _merge(errors: dict[str, list[str]], error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            for item in field_errors:
                errors.setdefault(field, []).extend(str(m) for m in item.messages)
    else:
        errors.setdefault(NON_FIELD_ERRORS, []).extend(str(m) for m in error.messages)


def _unique_slug(page) -> None:
    """wagtail-localize makes a translated slug unique before saving; do the same, so that
    the check does not refuse what publishing would have repaired."""
    parent = page.get_parent()
    if parent is not None:
        page.slug = find_available_slug(parent, ascii_slug(page.slug), ignore_page_id=page.id)


def publish_errors(instance) -> dict[str, list[str]]:
    """Everything that stops ``instance`` (an unsaved page or film about to be published)
    from going live: the model's own validation plus the publishing rules."""
    errors: dict[str, list[str]] = {}
    if isinstance(instance, Page):
        _unique_slug(instance)
    try:
        instance.full_clean()
    except ValidationError as error:
        _merge(errors, error)
    if isinstance(instance, Page):
        for field, messages in page_errors(instance).items():
            errors.setdefault(field, []).extend(messages)
    # Models with rules of their own beyond field validation (films: their sources and
    # caption tracks) say so with ``publish_errors()``.
    if callable(getattr(instance, "publish_errors", None)):
        for message in instance.publish_errors():
            errors.setdefault(NON_FIELD_ERRORS, []).append(message)
    return errors


def describe(instance, errors: dict[str, list[str]]) -> list[str]:
    """Messages naming the field in the editor's language, e.g. "Start: Please enter…"."""
    lines = []
    for field, messages in errors.items():
        label = ""
        if field != NON_FIELD_ERRORS:
            try:
                label = str(getattr(instance._meta.get_field(field), "verbose_name", ""))
            except FieldDoesNotExist:  # a form-only name: show the message alone
                label = ""
        for message in dict.fromkeys(messages):
            lines.append(f"{label[:1].upper()}{label[1:]}: {message}" if label else message)
    return lines
