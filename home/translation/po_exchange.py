"""wagtail-localize's PO download and upload, with the translation memory's suggestions
marked as what they are.

- Download: the memory is consulted first (as when the editor opens), and its suggestions
  are written with the ``fuzzy`` flag, which every PO editor shows as "needs review".
- Upload: entries still flagged ``fuzzy`` are left out before wagtail-localize imports the
  file; wagtail-localize ignores the flag and would otherwise take them as confirmed.

Both wrap wagtail-localize's own views (its permission checks and messages stay).
"""

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import get_object_or_404
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from home.translation.memory import offer_from_memory, suggestion_rows


def suggestions_of(translation: Translation) -> set[tuple[str, str]]:
    """(context path, German text) of the memory's unconfirmed suggestions."""
    return set(suggestion_rows(translation).values_list("context__path", "translation_of__data"))


def download_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    offer_from_memory(translation)
    response = edit_translation.download_pofile(request, translation_id)
    if response.status_code != 200:
        return response
    po = polib.pofile(response.content.decode())
    offered = suggestions_of(translation)
    for entry in po:
        if (entry.msgctxt, entry.msgid) in offered and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
    response.content = str(po).encode()
    return response


def upload_pofile(request, translation_id):
    upload = request.FILES.get("file")
    if upload is not None:
        content = upload.read()
        try:
            po = polib.pofile(content.decode())
        except (OSError, UnicodeDecodeError, ValueError):
            po = None  # wagtail-localize's own view says "Please upload a valid PO file."
        if po is not None:
            for entry in [entry for entry in po if "fuzzy" in entry.flags]:
                po.remove(entry)
            content = str(po).encode()
        request.FILES["file"] = SimpleUploadedFile(upload.name, content, upload.content_type)
    return edit_translation.upload_pofile(request, translation_id)
