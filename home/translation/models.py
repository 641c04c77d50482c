"""The translation workflow's own data: the glossary and the review step.

**Glossary.** Terms that must never be translated ("Die Lausitz. Krasse Gegend.", "Lausitz",
place names). Machine translation gets them masked (``home.translation.machine``), and the
translation status overview flags a translation in which a term of the source is missing.

**Review.** Wagtail workflows do not gate synced translations (wagtail-localize's editor has
no "submit for moderation" and its Publish cancels workflows), so the portal keeps its own
small state: a translator marks a translation ready for review; a reviewer publishes it (the
record is then removed) or sends it back with a comment.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.editorial import help_texts as help


class GlossaryTerm(models.Model):
    term = models.CharField(
        _("term"),
        max_length=120,
        unique=True,
        help_text=_(
            "Exactly as it must appear in every language, e.g. 'Die Lausitz. Krasse Gegend.'"
        ),
    )
    note = models.CharField(_("note"), max_length=250, blank=True)

    panels = [FieldPanel("term"), FieldPanel("note", help_text=help.GLOSSARY_NOTE)]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self):
        return self.term


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
