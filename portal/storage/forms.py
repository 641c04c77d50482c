"""Image and document forms that say "the file storage cannot be reached" at the file
field, with everything else the editor entered still in the form, instead of failing at
save with an error page (``errors.py`` stays the fallback for a store that fails between
this check and the save). Wagtail takes them as its forms' base classes
(``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from portal.storage.checks import bucket_problem
from portal.storage.errors import store_message


class StoreReachableMixin:
    def clean(self):
        cleaned_data = super().clean()
        upload = "file" in self.files and "file" not in self.errors
        if upload and settings.PORTAL_S3_BUCKET and bucket_problem() is not None:
            self.add_error("file", store_message())
        return cleaned_data


class ImageForm(StoreReachableMixin, BaseImageForm):
    pass


class DocumentForm(StoreReachableMixin, BaseDocumentForm):
    pass
