"""The film's admin form: checks the inline sources and caption tracks, which the model's
``clean()`` cannot see before they are saved (``Film.publish`` checks them again on every
publish path). Sources are checked for every save; captions only when publishing, so that
an editor can save a draft while the caption file is still being made."""

from types import SimpleNamespace

from wagtail.admin.forms import WagtailAdminModelForm

from home.films.sources import caption_errors, source_errors


def _kept_rows(formset, *fields):
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        # A row left unchanged keeps its stored file, which cleaned_data holds too.
        yield SimpleNamespace(**{field: data.get(field) or "" for field in fields})


class FilmAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        sources = self.formsets.get("sources")
        tracks = self.formsets.get("caption_tracks")
        # An invalid row (a refused upload) already carries its own error.
        if sources is None or not sources.is_valid():
            return cleaned_data
        rows = list(_kept_rows(sources, "language", "file", "external_url"))
        for message in source_errors(rows):
            self.add_error(None, message)
        if not self.is_deferred_validation and tracks is not None and tracks.is_valid():
            track_rows = list(_kept_rows(tracks, "language", "kind", "file"))
            for message in caption_errors(
                rows,
                track_rows,
                cleaned_data.get("transcript", ""),
                bool(cleaned_data.get("host_captions_confirmed")),
            ):
                self.add_error(None, message)
        return cleaned_data
