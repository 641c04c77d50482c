"""``{% responsive_picture %}``: Wagtail's ``{% picture %}`` with the formats and widths of
``home.images.renditions``, so the template, the demo command and the upload hook agree on one
list of renditions (a spec that differs by one character would be rendered on first visit)."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home.images.renditions import picture_filters

register = template.Library()


@register.simple_tag
def responsive_picture(image, hero=False, **attrs):
    """``<picture>`` with an AVIF ``<source>`` and a WebP ``<img>`` (width, height, srcset,
    sizes); ``attrs`` become attributes of the ``<img>`` (alt, loading, fetchpriority…)."""
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, picture_filters(hero))
    # An empty alt marks a decorative image and must stay; other empty attributes go.
    attrs = {
        key.replace("_", "-"): value
        for key, value in attrs.items()
        if key == "alt" or value not in (None, "")
    }
    attrs.setdefault("alt", "")
    return mark_safe(Picture(renditions, attrs).__html__())  # noqa: S308 - attributes escaped by flatatt
