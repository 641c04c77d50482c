"""The admin form of every portal page type: the publishing rules of
``home.editorial.publishing_rules`` shown next to the field they concern, topics
offered in the page's language only (``home.topics.panels``), and slugs in ASCII
(``home.editorial.slugs``).

Wagtail validates a draft with "deferred" required fields; the rules apply only when the
form is validated in full (publishing, submitting for moderation), so an unfinished draft
can always be saved and nothing typed is lost.
"""

from types import SimpleNamespace

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from home.editorial.publishing_rules import page_errors
from home.editorial.slugs import slug_for_title
from home.topics.panels import limit_topics_to_page_language
from portal.transliteration import ascii_slug

WRONG_LANGUAGE_PAGE = _(
    "Only pages in the language of this page can be chosen; choose from the list shown."
)


def limit_named_pages_to_page_language(form) -> None:
    """Many-to-many fields that name pages (an article's projects) offer the pages of the
    page's own language, by title, and refuse others with a message that says why."""
    locale_id = getattr(form.instance, "locale_id", None)
    if locale_id is None:
        return
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if not isinstance(field, forms.ModelMultipleChoiceField) or queryset is None:
            continue
        if not issubclass(queryset.model, Page):
            continue
        field.queryset = queryset.model.objects.filter(locale_id=locale_id).order_by("title")
        field.error_messages = {**field.error_messages, "invalid_choice": WRONG_LANGUAGE_PAGE}


class PortalPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_topics_to_page_language(self)
        limit_named_pages_to_page_language(self)
        if "slug" in self.fields:
            # An empty slug is filled from the title in ``clean_slug``, not refused.
            self.fields["slug"].required = False

    def clean_slug(self):
        """A new slug that arrives with umlauts (typed without the admin's script) is
        transliterated; an empty one is made from the title, unique among its siblings."""
        slug = self.cleaned_data.get("slug")
        if slug and self.instance.pk and slug == self.instance.slug:
            # A page's existing address stays as it is, even from before this rule.
            return slug
        if slug:
            cleaned = ascii_slug(slug)
            if not cleaned:
                raise forms.ValidationError(
                    _("The slug needs at least one letter from a to z or one digit.")
                )
            return cleaned
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        slug = slug_for_title(self.cleaned_data.get("title") or "", parent, self.instance.pk)
        if not slug and not self.is_deferred_validation:
            raise forms.ValidationError(self.fields["slug"].error_messages["required"])
        return slug

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            values = SimpleNamespace(**cleaned_data)
            for field, messages in page_errors(values).items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned_data
