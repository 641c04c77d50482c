"""The portal's image model: every image carries its credit (copyright line) and the
licence under which others may use it (the press area offers originals for download)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class Licence(models.TextChoices):
    """Terms on which an image may be reused. Stored as a fact on the image, not per page:
    the same photo must not carry other terms in English than in German."""

    PRESS = "press", _("Free for press use in connection with reporting on the agency")
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


# Licences with a canonical licence text on the web (schema.org ``license`` wants a URL).
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
}


class CustomImage(AbstractImage):
    """Wagtail's image plus a credit. Wagtail's ``description`` serves as default alt text;
    pages and blocks set their own, translatable alt text per use."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "Photographer or rights holder, shown under the image, e.g. "
            "'Foto: Beispiel-Agentur'. Required by most image licences."
        ),
    )

    licence = models.CharField(
        _("licence"),
        max_length=32,
        blank=True,
        choices=Licence.choices,
        help_text=_(
            "On what terms others may use the image; shown with press photos. Leave empty "
            "if it is unclear: such images should not be offered to the press."
        ),
    )
    licence_note = models.CharField(
        _("licence note"),
        max_length=255,
        blank=True,
        help_text=_(
            "Conditions beyond the licence, in German: the English page shows them as "
            "written (marked as German), e.g. 'Nur mit Nennung der Fotografin.'"
        ),
    )

    admin_form_fields = Image.admin_form_fields + ("credit", "licence", "licence_note")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
