"""Two small admin views of the film pipeline: the state of a film's videos as JSON (the
processing panel polls it) and "Process the video again"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from home.films.encoding import FilmEncoding
from home.films.models import Film
from home.films.pipeline import encodings_by_master, masters_of, transcode_again
from home.films.processing_panel import describe


def _require_film_editor(request):
    if not request.user.has_perm("home.change_film"):
        raise PermissionDenied


@require_GET
def processing_status(request, film_id):
    _require_film_editor(request)
    film = get_object_or_404(Film, pk=film_id)
    film = film.get_latest_revision_as_object() if film.latest_revision_id else film
    encodings = encodings_by_master(masters_of(film))
    # The admin's views are never cached (Wagtail says no-store for them).
    return JsonResponse({"versions": [describe(encodings.get(name)) for name in masters_of(film)]})


@require_POST
def process_again(request, encoding_id):
    _require_film_editor(request)
    encoding = get_object_or_404(FilmEncoding, pk=encoding_id)
    if transcode_again(encoding):
        messages.success(request, _("The video will be processed again."))
    else:
        messages.warning(request, _("The video is already waiting to be processed."))
    back = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect("wagtailadmin_home")


def urls():
    return [
        path("films/<int:film_id>/processing/", processing_status, name="film_encoding_status"),
        path("films/encodings/<int:encoding_id>/again/", process_again, name="film_encoding_again"),
    ]
