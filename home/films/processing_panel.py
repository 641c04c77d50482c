"""The film form's panel "Video processing": what the worker made of each uploaded master.

Shown in the film's create and edit views: per language version its state (queued,
processing with a percentage, ready, failed with the reason), the facts read from the file,
the renditions made, whether there are stills to choose the poster from, and "Process the
video again". A small script (static/js/film-admin.js) keeps the percentage current without
reloading the form, checks a chosen file against the size limit before it is sent, and shows
how far an upload has got.
"""

from django.conf import settings
from django.forms import Media
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from home.films.encoding import FilmEncoding
from home.films.pipeline import encodings_by_master, pending_publish_request, state_message
from home.films.validators import max_upload_bytes


def _language(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def describe(encoding: FilmEncoding | None) -> dict:
    """What the panel and its status endpoint show of one encoding."""
    if encoding is None:
        return {"status": "queued", "progress": 0, "message": str(state_message(None))}
    return {
        "id": encoding.pk,
        "status": encoding.status,
        "status_label": encoding.get_status_display(),
        "progress": encoding.progress,
        "message": str(state_message(encoding)),
        "duration": round(encoding.duration) if encoding.duration else None,
        "size": f"{encoding.width} × {encoding.height}" if encoding.width else "",
        "renditions": encoding.rendition_names,
        "can_retry": encoding.status in (FilmEncoding.Status.READY, FilmEncoding.Status.FAILED),
        "retry_url": reverse("film_encoding_again", args=[encoding.pk]),
    }


class FilmProcessingPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Video processing"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/films/processing_panel.html"

        @property
        def media(self):
            return Media(js=["js/film-admin.js"], css={"all": ["css/film-admin.css"]})

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            film = self.instance
            sources = [s for s in film.sources.all() if s.file] if film else []
            encodings = encodings_by_master(s.file.name for s in sources)
            versions = []
            stills = False
            for source in sources:
                encoding = encodings.get(source.file.name)
                stills = stills or bool(encoding and encoding.posters)
                versions.append(
                    {
                        "language": _language(source.language),
                        "audio_described": source.audio_described,
                        "file": source.file.name.rsplit("/", 1)[-1],
                        **describe(encoding),
                    }
                )
            context.update(
                versions=versions,
                stills=stills,
                waiting_to_publish=film.pk and pending_publish_request(film),
                max_upload_bytes=max_upload_bytes(),
                status_url=reverse("film_encoding_status", args=[film.pk]) if film.pk else "",
            )
            return context
