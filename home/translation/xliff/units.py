"""The translatable units of a wagtail-localize translation, with ids that stay stable.

A unit is one string segment. Its id is its context path (the field, or the StreamField
block's id and field), and ``#2``, ``#3``… for the further segments of the same field (a
rich text field splits into one segment per paragraph). The path does not change when text
is edited, so an id found in a returned file still names the same place in the page; a
changed German text under the same id is how a stale file is recognised.
"""

import re
from dataclasses import dataclass

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, Translation

from home.translation.memory import suggestion_rows

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Unit:
    id: str
    path: str
    source: str
    translation: str | None
    segment: StringSegment
    suggestion: str | None = None  # offered by the translation memory, not confirmed
    score: int | None = None


def block_names(instance) -> dict[str, str]:
    """Every StreamField block id of ``instance`` -> its block type ("paragraph", …), found
    by walking the stream values, their structs and lists."""
    names: dict[str, str] = {}

    def walk(value):
        if isinstance(value, StreamValue):
            for child in value:
                names[child.id] = child.block_type
                walk(child.value)
        elif isinstance(value, ListValue):
            for child in value.bound_blocks:
                names[child.id] = child.block.name or "item"
                walk(child.value)
        elif isinstance(value, StructValue):
            for child in value.values():
                walk(child)

    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            walk(getattr(instance, field.name))
    return names


def readable_path(path: str, names: dict[str, str] | None = None) -> str:
    """The context note a translator reads: "body › paragraph" instead of the block ids
    (``names`` from ``block_names``; ids it does not know are left out)."""
    parts = path.split("#")[0].split(".")
    readable = [(names or {}).get(part, "") if UUID.match(part) else part for part in parts]
    return " › ".join(part for part in readable if part)


def units_of(translation: Translation) -> list[Unit]:
    """The translation's units in page order, each with its current translation (or None)
    and the memory's suggestion where there is one."""
    suggestions = {
        (row.translation_of_id, row.context_id): row for row in suggestion_rows(translation)
    }
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale)
    )
    seen: dict[str, int] = {}
    units = []
    for segment in segments:
        path = segment.context.path
        seen[path] = seen.get(path, 0) + 1
        ident = path if seen[path] == 1 else f"{path}#{seen[path]}"
        offered = suggestions.get((segment.string_id, segment.context_id))
        units.append(
            Unit(
                ident,
                path,
                segment.string.data,
                segment.translation,
                segment,
                offered.data if offered else None,
                int(offered.field_error) if offered and offered.field_error.isdigit() else None,
            )
        )
    return units
