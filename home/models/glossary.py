"""Terms that must never be translated ("Die Lausitz. Krasse Gegend.", "Lausitz", place names).

Machine translation gets them masked (``home.translation.machine``), and the translation
status overview flags a translation in which a term of the source is missing."""

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
