"""Image blocks built on Wagtail 8's ``ImageBlock``: alt text per use (translatable) and a
"decorative" flag, plus caption and credit."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from home.blocks.content import rich_text_block


def _first_library_image_id():
    image = get_image_model().objects.order_by("pk").only("pk").first()
    return image.pk if image else None


def _image_preview(alt_text):
    return {"image": _first_library_image_id(), "alt_text": alt_text, "decorative": False}


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "At least 1600 px wide. Describe what the image shows for people who cannot see it, "
            "or mark it as decorative."
        ),
    )
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=250, help_text=_("Shown under the image.")
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with alt text, caption and credit.")

    def get_preview_value(self):
        return self.to_python(
            {
                "image": _image_preview("Landschaft in der Lausitz"),
                "caption": "Blick über die Lausitz",
                "credit": "",
            }
        )


class TextAndImageBlock(blocks.StructBlock):
    text = rich_text_block(label=_("Text"))
    image = ImageBlock(label=_("Image"), help_text=_("Shown beside the text; at least 800 px."))
    image_position = blocks.ChoiceBlock(
        label=_("Image position"),
        choices=[("right", _("Right of the text")), ("left", _("Left of the text"))],
        default="right",
        help_text=_("On phones the image always follows the text."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/text_and_image_block.html"
        label = _("Text and image")
        description = _("Two columns: text beside an image.")

    def get_preview_value(self):
        return self.to_python(
            {
                "text": "<p>Neue Wege für Energie und Wärme in den Gemeinden der Lausitz.</p>",
                "image": _image_preview("Windräder am Rand eines Tagebaus"),
                "image_position": "right",
            }
        )
