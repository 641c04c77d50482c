"""The registration form: who comes, how to reach them, what they need to take part.

Like the barrier report form (``feedback/forms.py``; the apps do not import each other):
text is stored as typed and shown escaped, control characters are refused, a honeypot field
catches simple bots, and every field is described for screen readers.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.forms import DescribedFieldsMixin, honeypot_field

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
NEEDS_MAX_LENGTH = 1000


def refuse_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("The text contains invisible control characters. Please type it again."),
            code="control_characters",
        )


class RegistrationForm(DescribedFieldsMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        validators=[refuse_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter an e-mail address like name@example.org."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        validators=[refuse_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    accessibility_needs = forms.CharField(
        label=_("What do you need to take part?"),
        required=False,
        help_text=_(
            "For example sign language interpreting, step-free access, a hearing loop or "
            "documents in Leichte Sprache. At most 1,000 characters."
        ),
        validators=[refuse_control_characters],
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored to organise the event."),
        error_messages={"required": _("Please agree, or we cannot register you.")},
    )
    website = honeypot_field()

    def __init__(self, *args, consent_help="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = consent_help
        self._describe_fields()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(self.fields["name"].error_messages["required"])
        return name

    def clean_accessibility_needs(self):
        value = self.cleaned_data["accessibility_needs"].strip()
        if len(value) > NEEDS_MAX_LENGTH:
            raise ValidationError(
                _("Please shorten the text to at most %(limit)s characters (it has %(count)s)."),
                params={"limit": NEEDS_MAX_LENGTH, "count": len(value)},
            )
        return value
