"""What the public forms (the barrier report, event registration) share: fields that tell
assistive technology about their help and errors, and a honeypot against simple bots.

In ``home`` because both feature apps use it and may not import each other."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from portal.security import client_ip

HONEYPOT = "website"


def count_submission(request, group: str, rate: str):
    """Count one stored submission of a public form against ``rate`` (django-ratelimit
    syntax) per client address, the same address as the login throttling (proxies as
    configured); django-ratelimit's usage dict, or None when it cannot count."""
    return get_usage(
        request,
        group=group,
        key=lambda _group, request: client_ip(request),
        rate=rate,
        method="POST",
        increment=True,
    )


def honeypot_field():
    """A field people never see (hidden by CSS, skipped by the keyboard): simple bots fill
    every field they find."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class DescribedFieldsMixin:
    """``aria-describedby`` to a field's help text and error, ``aria-invalid`` on fields
    with an error. The ids are those the field templates write: ``<auto_id>_helptext`` and
    ``<auto_id>_error``. Call ``_describe_fields()`` at the end of ``__init__``; after
    validation it runs again, so errors are described too."""

    def _describe_fields(self):
        errors = self._errors or {}
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = [f"{auto_id}_helptext"] if field.help_text else []
            if name in errors:
                ids.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())
