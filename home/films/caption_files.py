"""Caption files are stored as WebVTT, whatever the editor uploaded.

Subtitling services and editing software deliver SubRip (.srt); browsers read only WebVTT.
The conversion happens where Django stores the upload (``pre_save``), so every path that
stores it converts it: the admin form, a revision of a live film (whose serialisation
stores the file) and code. The validator has checked the file already (``validators``).
The admin form stores an upload while it validates the form (``kept_uploads``), so it
converts there too.
"""

from pathlib import PurePath

from django.core.files.base import ContentFile

from home.films.kept_uploads import KeptFileField
from home.films.validators import caption_text, is_subrip


def as_webvtt(file):
    """The file itself, or a WebVTT copy of a SubRip file."""
    if not is_subrip(file):
        return file
    name = str(PurePath(file.name).with_suffix(".vtt").name)
    return ContentFile(caption_text(file).encode("utf-8"), name=name)


class CaptionFileField(KeptFileField):
    def prepare_upload(self, upload):
        return as_webvtt(upload)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            setattr(model_instance, self.attname, as_webvtt(file))
        return super().pre_save(model_instance, add)
