"""Result types shown and filtered on the search page, named by model label.

``home`` never imports ``news`` or ``campaign``, so their page types are named here by
label; a label whose app or model is not installed (yet) is skipped. Every other page type
is a "page". A new page type that deserves a filter of its own gets an entry here.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

PAGE = "page"
RESULT_TYPES = [
    ("news", _("News"), ["news.NewsPage"]),
    ("event", _("Event"), ["news.EventPage"]),
    ("film", _("Film"), ["campaign.FilmPage"]),
    ("project", _("Project"), ["projects.ProjectPage"]),
]
PAGE_LABEL = _("Page")
# Never results: the search page itself.
EXCLUDED = ["home.SearchPage"]


def _content_type_ids(labels) -> list[int]:
    """Content type ids of the installed models among ``labels`` (cached by Django)."""
    ids = []
    for label in labels:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        ids.append(ContentType.objects.get_for_model(model, for_concrete_model=False).pk)
    return ids


def available_types() -> list[tuple[str, str]]:
    """(key, label) of every type that exists in this installation, "page" last."""
    types = [(key, label) for key, label, labels in RESULT_TYPES if _content_type_ids(labels)]
    return [*types, (PAGE, PAGE_LABEL)]


def is_known_type(key: str) -> bool:
    return key in {key for key, _label in available_types()}


def filter_by_type(queryset, key: str):
    """Pages of type ``key``: the mapped models, or for "page" everything not mapped."""
    if key == PAGE:
        mapped = [pk for _key, _label, labels in RESULT_TYPES for pk in _content_type_ids(labels)]
        return queryset.exclude(content_type_id__in=mapped)
    labels = next(labels for k, _label, labels in RESULT_TYPES if k == key)
    return queryset.filter(content_type_id__in=_content_type_ids(labels))


def excluded_content_type_ids() -> list[int]:
    return _content_type_ids(EXCLUDED)


def type_of(content_type_id: int) -> tuple[str, str]:
    for key, label, labels in RESULT_TYPES:
        if content_type_id in _content_type_ids(labels):
            return key, label
    return PAGE, PAGE_LABEL
