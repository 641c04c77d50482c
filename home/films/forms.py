"""The film's admin form: checks the inline sources and caption tracks, which the model's
``clean()`` cannot see before they are saved (``Film.publish`` checks them again on every
publish path). Sources are checked for every save; captions only when publishing, so that
an editor can save a draft while the caption file is still being made."""

from types import SimpleNamespace

from wagtail.admin.forms import WagtailAdminModelForm

from home.films.kept_uploads import KEPT_SUFFIX, describe, sign
from home.films.poster_stills import PosterStillField
from home.films.sources import caption_errors, source_errors

FILE_ROWS = ("sources", "caption_tracks")


def _kept_rows(formset, *fields):
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        # A row left unchanged keeps its stored file, which cleaned_data holds too.
        yield SimpleNamespace(**{field: data.get(field) or "" for field in fields})


class FilmAdminForm(WagtailAdminModelForm):
    poster_still = PosterStillField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "poster_still" in self.fields:
            self.fields["poster_still"].offer(self.instance)

    def save(self, commit=True):
        chosen = self.cleaned_data.get("poster_still")
        if chosen and "poster_still" in self.changed_data:
            self.instance.poster_id = int(chosen)
        return super().save(commit=commit)

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

    def get_field_updates_for_resave(self):
        """After an autosave, Wagtail's script copies these values into the open form. A file
        this save stored leaves the file input (so its bytes are not sent again) and comes
        back as its signed reference, with a label for the script to show."""
        updates = list(super().get_field_updates_for_resave())
        for name in FILE_ROWS:
            for form in self.formsets[name].forms:
                field = f"{form.prefix}-file"
                data = getattr(form, "cleaned_data", None) or {}
                if field not in self.files or data.get("DELETE") or not data.get("file"):
                    continue
                stored = data["file"].name
                storage = form.fields["file"].widget.storage
                updates += [
                    (field, ""),
                    (field + KEPT_SUFFIX, sign(stored, form.fields["file"].widget.folder)),
                    (field + KEPT_SUFFIX + "-label", describe(stored, storage)),
                ]
        return updates
