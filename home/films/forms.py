"""The film's admin form: checks the inline sources, which the model's ``clean()`` cannot see
before they are saved (``Film.publish`` checks them again on every publish path)."""

from types import SimpleNamespace

from wagtail.admin.forms import WagtailAdminModelForm

from home.films.sources import source_errors


def _kept_rows(formset):
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        yield SimpleNamespace(
            language=data.get("language"),
            file=data.get("file"),
            external_url=data.get("external_url") or "",
        )


class FilmAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        sources = self.formsets.get("sources")
        # An invalid row (a refused upload) already carries its own error.
        if sources is not None and sources.is_valid():
            for message in source_errors(list(_kept_rows(sources))):
                self.add_error(None, message)
        return cleaned_data
