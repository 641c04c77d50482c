"""The shared StreamField block library, reused by every page type.

Each block has help text for editors, a ``preview_value`` (or a ``get_preview_value`` where
it needs an image from the library) and a template in ``templates/blocks/``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks.content import (
    CallToActionBlock,
    HeadingBlock,
    QuoteBlock,
    RelatedPageBlock,
    rich_text_block,
)
from home.blocks.media import ImageWithCaptionBlock, TextAndImageBlock
from home.films.blocks import FilmBlock


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = rich_text_block(label=_("Text"))
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    text_and_image = TextAndImageBlock()
    film = FilmBlock()

    class Meta:
        help_text = _("Build the page body from the blocks below; each block shows a preview.")


__all__ = [
    "BaseStreamBlock",
    "CallToActionBlock",
    "FilmBlock",
    "HeadingBlock",
    "ImageWithCaptionBlock",
    "QuoteBlock",
    "RelatedPageBlock",
    "TextAndImageBlock",
    "rich_text_block",
]
