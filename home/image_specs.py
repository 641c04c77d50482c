"""The rendition specs the templates ask for, in one place.

``templates/components/image.html`` and the sharing tags use exactly these; the demo
command (and uploads, later) create them ahead of time so no visitor waits for a resize.
"""

from django.conf import settings
from wagtail.images.models import Filter

HERO_SPECS = "format-webp|width-{640,1024,1600}"
INLINE_SPECS = "format-webp|width-{480,800,1200}"
SHARE_SPEC = "fill-1200x630|format-jpeg"


def all_specs() -> list[str]:
    return [*Filter.expand_spec(HERO_SPECS), *Filter.expand_spec(INLINE_SPECS), SHARE_SPEC]


def pregenerate_renditions(image) -> None:
    """Create every rendition the templates use. Tests switch it off
    (``PORTAL_PREGENERATE_RENDITIONS``): they render few pages and must stay fast."""
    if getattr(settings, "PORTAL_PREGENERATE_RENDITIONS", True):
        image.get_renditions(*all_specs())
