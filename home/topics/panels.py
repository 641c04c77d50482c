"""Topics on a page's edit form: checkboxes with the topics of the page's own language.

A plain multi-select lists every topic of every language (the German "Energie und Wärme"
next to the English "Energy and heat") and needs Ctrl-click for a second topic. Editors of
a German page see the German topics, translators editing an English page the English ones;
the German page owns the topics and ``home.topics.localized.sync_topics_to_translations``
gives its translations the same topics in their language on publishing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.topics.models import Topic

WRONG_LANGUAGE = _(
    "Only topics in the language of this page can be chosen; choose from the list shown."
)


class TopicsPanel(FieldPanel):
    """``FieldPanel("topics")`` shown as checkboxes (the choices are narrowed to the page's
    language by ``limit_topics_to_page_language``, called by the page form)."""

    def __init__(self, field_name="topics", **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(field_name, **kwargs)


def limit_topics_to_page_language(form) -> None:
    """Offer and accept only topics of the page's locale.

    Runs in the form's ``__init__``: Wagtail's create view sets the new page's locale from
    its parent before it builds the form, so ``instance.locale_id`` is known for new pages
    too. A posted topic of another language fails as an unknown choice, with a message that
    says why."""
    field = form.fields.get("topics")
    locale_id = getattr(form.instance, "locale_id", None)
    if field is None or locale_id is None or field.queryset.model is not Topic:
        return
    field.queryset = Topic.objects.filter(locale_id=locale_id).order_by("name")
    field.error_messages = {**field.error_messages, "invalid_choice": WRONG_LANGUAGE}
