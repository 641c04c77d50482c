"""The admin form of every portal page type: the publishing rules of
``home.editorial.publishing_rules`` shown next to the field they concern, and topics
offered in the page's language only (``home.topics.panels``).

Wagtail validates a draft with "deferred" required fields; the rules apply only when the
form is validated in full (publishing, submitting for moderation), so an unfinished draft
can always be saved and nothing typed is lost.
"""

from types import SimpleNamespace

from wagtail.admin.forms import WagtailAdminPageForm

from home.editorial.publishing_rules import page_errors
from home.topics.panels import limit_topics_to_page_language


class PortalPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_topics_to_page_language(self)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            values = SimpleNamespace(**cleaned_data)
            for field, messages in page_errors(values).items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned_data
