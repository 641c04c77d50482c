"""A film's files are uploaded once: the form keeps what it has already stored.

A master can be 500 MB. Before this, the film form lost a chosen file in two ways: Wagtail's
autosave stored it and "Publish" then sent and stored it again (two copies, one orphaned),
and a form shown again with an error had empty file fields, so the editor chose and sent
everything once more.

So a film's file fields store a new upload as soon as it has passed its checks, while the
form is validated, whatever happens to the rest of the form. The field then holds the
storage name, the model saves that name without storing the file again, and the widget
renders a hidden, signed reference to it (``<name>-kept``) beside the file input, with
"Current file: name, size". The next submit sends the reference instead of the bytes:

- after a refused submit, the form is shown again with the reference in place;
- after an autosave, ``FilmAdminForm.get_field_updates_for_resave`` tells Wagtail's autosave
  script to empty the file input and fill in the reference (static/js/film-admin.js shows
  the name).

A reference is signed (``django.core.signing``, with its field's folder in the salt) and
names only a file directly in that field's upload folder that exists: an editor cannot point
the form at any other file. Files stored this way that no film or revision ends up using are
deleted after a grace period by ``manage.py clean_film_uploads``.
"""

import posixpath

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.storage.errors import StoreUnavailable, store_message

KEPT_SUFFIX = "-kept"


def grace_seconds() -> int:
    """How long a stored file may wait for its form (and a reference stays valid)."""
    return int(settings.PORTAL_FILM_UPLOAD_GRACE_HOURS) * 3600


def _salt(folder: str) -> str:
    return f"home.films.kept-upload:{folder}"


def sign(name: str, folder: str) -> str:
    return signing.dumps(name, salt=_salt(folder))


def unsign(token: str, folder: str, storage) -> str | None:
    """The storage name a reference stands for, or None when it is forged, expired, outside
    ``folder`` or gone."""
    try:
        name = signing.loads(token, salt=_salt(folder), max_age=grace_seconds())
    except signing.BadSignature:
        return None
    if not isinstance(name, str) or posixpath.dirname(name) != folder or ".." in name:
        return None
    return name if storage.exists(name) else None


class Kept:
    """A file input left empty whose reference names a stored file."""

    def __init__(self, name: str, token: str):
        self.name = name
        # Passed on unchanged: the reference expires with its file's grace period, however
        # often the form is shown again.
        self.token = token


class KeptFileInput(forms.ClearableFileInput):
    """The file input, the hidden reference and "Current file: …" for a stored upload."""

    folder = ""
    storage = None

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if upload is None and data.get(name + KEPT_SUFFIX):
            token = data[name + KEPT_SUFFIX]
            stored = unsign(token, self.folder, self.storage)
            if stored:
                return Kept(stored, token)
        return upload

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and not data.get(
            name + KEPT_SUFFIX
        )

    def render(self, name, value, attrs=None, renderer=None):
        stored = getattr(value, "kept_name", None) or (
            value.name if isinstance(value, Kept) else None
        )
        file_input = super().render(name, None if stored else value, attrs, renderer)
        label = describe(stored, self.storage) if stored else ""
        return format_html(
            '<p class="kept-file" data-stored-file="{}" aria-live="polite"{}>{}</p>'
            '<input type="hidden" name="{}" value="{}">{}',
            name,
            "" if stored else " hidden",
            label,
            name + KEPT_SUFFIX,
            getattr(value, "token", None) or (sign(stored, self.folder) if stored else ""),
            file_input,
        )


def describe(name: str, storage) -> str:
    """'Current file: film.mp4 (2.1 MB). Choose a file only to replace it.'"""
    try:
        size = filesizeformat(storage.size(name))
    except OSError:
        size = "?"
    return _("Current file: %(name)s (%(size)s). Choose a file only to replace it.") % {
        "name": posixpath.basename(name),
        "size": size,
    }


class KeptUploadField(forms.FileField):
    """Stores a new upload once it passed the model field's checks, and returns its stored
    name (a ``FieldFile``, so the model does not store it again)."""

    widget = KeptFileInput

    def __init__(self, *, model_field, **kwargs):
        self.model_field = model_field
        super().__init__(**kwargs)
        self.widget.folder = model_field.upload_to.rstrip("/")
        self.widget.storage = model_field.storage

    def bound_data(self, data, initial):
        """Django shows a file field's initial value again (a browser cannot refill a file
        input); a file stored by this submit, or kept from an earlier one, is shown instead,
        with its reference."""
        if isinstance(data, Kept) or getattr(data, "kept_name", None):
            return data
        return initial

    def clean(self, data, initial=None):
        if isinstance(data, Kept):
            return FieldFile(None, self.model_field, data.name)
        value = super().clean(data, initial)
        if not isinstance(value, UploadedFile):
            return value  # nothing new: the stored file, or cleared
        # The model field's checks, given the upload as the model would give it to them.
        pending = FieldFile(None, self.model_field, value.name)
        pending.file, pending._committed = value, False
        errors = []
        for validator in self.model_field.validators:
            try:
                validator(pending)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        content = self.model_field.prepare_upload(value)
        name = self.model_field.generate_filename(None, content.name)
        try:
            stored = self.model_field.storage.save(
                name, content, max_length=self.model_field.max_length
            )
        except StoreUnavailable as error:
            # The form is shown again with everything the editor entered (and this message
            # at the file), instead of an error page.
            raise ValidationError(store_message()) from error
        data.kept_name = stored  # for the widget, when the form is shown again
        return FieldFile(None, self.model_field, stored)


class KeptFileField(models.FileField):
    """A ``FileField`` whose admin form field keeps what it stored (``KeptUploadField``)."""

    def prepare_upload(self, upload):
        """The file to store for an upload (captions convert SubRip here)."""
        return upload

    def formfield(self, **kwargs):
        # After Wagtail's own overrides for file fields, which would replace the widget.
        kwargs.update(form_class=KeptUploadField, model_field=self, widget=KeptFileInput)
        return super().formfield(**kwargs)
