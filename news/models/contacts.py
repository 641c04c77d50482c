"""Press contacts: translatable snippets shown as a contact card under press releases."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.editorial import help_texts as help
from home.i18n import locale_ids


class PressContact(
    TranslatableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Person or team, e.g. 'Presseteam'.")
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("e.g. 'Pressesprecherin'.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International form, e.g. +49 355 …")
    )
    email = models.EmailField(_("e-mail"), blank=True)

    # Name, phone and e-mail are facts, not text: they follow the German original.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation", help_text=help.PRESS_ORGANISATION),
        FieldPanel("phone"),
        FieldPanel("email", help_text=help.PRESS_EMAIL),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def phone_uri(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @classmethod
    def live_for(cls, contact_id: int, language: str):
        """The contact ``contact_id`` in ``language`` if live there, else the chosen one if
        live, else ``None``: one query (an article view needs it)."""
        target_locale = locale_ids().get(language)
        source_key = cls.objects.filter(pk=contact_id).values("translation_key")[:1]
        rows = cls.objects.filter(
            Q(pk=contact_id) | Q(translation_key=source_key, locale_id=target_locale)
        ).filter(live=True)
        by_match = {row.locale_id == target_locale: row for row in rows}
        return by_match.get(True) or by_match.get(False)
