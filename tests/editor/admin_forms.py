"""POST data for a page's admin edit form, built from the page as the edit form shows it.

The plain fields carry the page's values; StreamFields and inline panels are sent empty
(their own tests post their blocks), which is enough for the preview panel to render the
page type's template with the editor's unsaved changes."""

from django import forms
from wagtail.blocks.base import BlockField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def _value(bound):
    field, value = bound.field, bound.value()
    if value is None:
        return ""
    if isinstance(field, forms.BooleanField):
        return "on" if value else ""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [str(getattr(item, "pk", item)) for item in value]
    if isinstance(field, forms.SplitDateTimeField):
        return value
    formatted = bound.field.widget.format_value(value)
    return "" if formatted is None else formatted


def edit_form_data(page, user, **overrides):
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user)
    data = {}
    for name, bound in ((name, form[name]) for name in form.fields):
        if isinstance(bound.field, BlockField):
            data[name] = streamfield([])
        else:
            data[name] = _value(bound)
    for name in form.formsets:
        data[name] = inline_formset([])
    data.update(overrides)
    # A list is a multiple choice (topics): ``nested_form_data`` would spread it over
    # ``topics-0``, ``topics-1``, … which the form reads as no choice at all.
    choices = {name: value for name, value in data.items() if isinstance(value, list)}
    posted = nested_form_data({k: v for k, v in data.items() if k not in choices})
    posted.update(choices)
    return posted
