"""Caption files are stored as WebVTT, whatever the editor uploaded.

Subtitling services and editing software deliver SubRip (.srt); browsers read only WebVTT.
The conversion happens where Django stores the upload (``pre_save``), so every path that
stores it converts it: the admin form, a revision of a live film (whose serialisation
stores the file) and code. The validator has checked the file already (``validators``).
"""

from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import models

from home.films.validators import caption_text, is_subrip


class CaptionFileField(models.FileField):
    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed and is_subrip(file):
            vtt = caption_text(file)
            name = str(PurePath(file.name).with_suffix(".vtt").name)
            setattr(model_instance, self.attname, ContentFile(vtt.encode("utf-8"), name=name))
        return super().pre_save(model_instance, add)
