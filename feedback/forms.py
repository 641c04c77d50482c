"""The public "report a barrier" form and its rules.

Everything a visitor sends is text: HTML is stored as typed and always shown escaped (a
visitor may quote the markup that fails them). Control characters are refused (they have no
business in a message and can break mail and logs). The page address is only ever shown,
never followed or fetched: it must be a path of this site, so that a link in the admin or a
mail can never lead to another host or run ``javascript:``.
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from feedback.models import ADDRESS_MAX_LENGTH, MESSAGE_MAX_LENGTH
from home.forms import DescribedFieldsMixin, honeypot_field

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def refuse_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("The text contains invisible control characters. Please type it again."),
            code="control_characters",
        )


def same_site_path(value: str, host: str | None) -> str | None:
    """``value`` as a path of this site (``/de/aktuelles/?topic=x``), or None when it is
    not one: another host, a scheme other than http(s), ``//host`` or anything odd."""
    value = (value or "").strip()
    if not value or CONTROL_CHARACTERS.search(value) or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    foreign = parts.scheme not in ("http", "https") or not host or parts.netloc != host
    if (parts.scheme or parts.netloc) and foreign:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return None
    return path + (f"?{parts.query}" if parts.query else "")


class ReportForm(DescribedFieldsMixin, forms.Form):
    message = forms.CharField(
        label=_("What is the barrier?"),
        help_text=_(
            "Describe what you wanted to do and what stopped you, e.g. a button you could "
            "not reach with the keyboard. At most 5,000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "true"}),
        validators=[refuse_control_characters],
        error_messages={
            "required": _("Please describe the barrier."),
            "max_length": _(
                "Please shorten the text to at most %(limit_value)s characters "
                "(it has %(show_value)s)."
            ),
        },
    )
    page_address = forms.CharField(
        label=_("Address of the page"),
        required=False,
        max_length=ADDRESS_MAX_LENGTH,
        help_text=_("The page where you met the barrier, e.g. /de/aktuelles/."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "url"}),
        error_messages={
            "max_length": _("Please shorten the address to at most %(limit_value)s characters.")
        },
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        validators=[refuse_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Please enter an e-mail address like name@example.org, or leave it empty.")
        },
    )
    # The honeypot: people never see it (hidden in the template, so screen readers and the
    # keyboard skip it too); simple bots fill every field they find.
    website = honeypot_field()

    def __init__(self, *args, host=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host
        # Checked here, not with the field's max_length: that would add a maxlength
        # attribute, and browsers cut a pasted text there without a word.
        self.fields["message"].validators.append(MaxLengthValidator(MESSAGE_MAX_LENGTH))
        self._describe_fields()

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise ValidationError(self.fields["message"].error_messages["required"])
        return message

    def clean_page_address(self):
        value = self.cleaned_data["page_address"].strip()
        if not value:
            return ""
        path = same_site_path(value, self.host)
        if path is None:
            raise ValidationError(
                _(
                    "Please enter the address of a page of this website (starting with / or "
                    "with this website's address), or leave the field empty."
                ),
                code="other_site",
            )
        return path
