"""The portal's review step for translations.

Wagtail workflows do not gate synced translations (wagtail-localize's editor has no "submit
for moderation" and its Publish cancels workflows), so the portal keeps its own small state:
a translator marks a translation ready for review; a reviewer publishes it (the record is
then removed) or sends it back with a comment.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationReview(models.Model):
    class State(models.TextChoices):
        READY = "ready", _("Ready for review")
        SENT_BACK = "sent-back", _("Sent back to the translator")

    translation = models.OneToOneField(
        "wagtail_localize.Translation", on_delete=models.CASCADE, related_name="portal_review"
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices)
    comment = models.TextField(_("comment"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")

    def __str__(self):
        return f"{self.translation} ({self.get_state_display()})"
