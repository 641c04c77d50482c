"""Topics shared by news, events and films (e.g. structural change, energy and heat)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index


class Topic(
    TranslatableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A translatable snippet. Its slug is translated too, so that the English topic filter
    reads ``?topic=energy-and-heat`` while the German one reads ``?topic=energie-und-waerme``."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("Short, e.g. 'Energie und Wärme'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in filter addresses, e.g. 'energie-und-waerme'. Lower case, no spaces."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Optional, one or two sentences.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name
