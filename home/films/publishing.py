"""Publishing a film whose video is still being processed: the editor's "Publish" becomes
"publish as soon as it is ready" instead of an error.

Wagtail's edit view saves the revision first and then runs the ``before_publish`` hook; a
response from the hook replaces the publishing. So the editor's work is saved either way,
the upload is never lost to a refused form, and the worker publishes the revision when its
last video is ready (``home.films.tasks.settle_publish_requests``). A failed video cannot
be published at all: the editor is told why, and the live film stays as it was.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from home.films.encoding import FilmEncoding, masters_in_revision_content
from home.films.models import Film
from home.films.pipeline import encodings_by_master, request_publish_when_ready


def publish_when_ready(request, instance):
    """``before_publish`` hook (snippets): None lets Wagtail publish as usual."""
    if not isinstance(instance, Film) or instance.latest_revision is None:
        return None
    revision = instance.latest_revision
    names = masters_in_revision_content(revision.content)
    encodings = encodings_by_master(names)
    failed = [e for e in encodings.values() if e.status == FilmEncoding.Status.FAILED]
    waiting = [n for n in names if n not in encodings or not encodings[n].is_ready]
    edit_url = redirect("wagtailsnippets_home_film:edit", instance.pk)
    if failed:
        messages.error(
            request,
            _(
                "The film was saved but not published: processing its video failed (%(reason)s). "
                "Upload another file, or choose “Process the video again”."
            )
            % {"reason": failed[0].error},
        )
        return edit_url
    if waiting:
        request_publish_when_ready(instance, revision, request.user)
        messages.info(
            request,
            _(
                "The film was saved. Its video is still being processed; the film will be "
                "published automatically as soon as it is ready. You can follow the progress "
                "under “Video processing”."
            ),
        )
        return edit_url
    return None
