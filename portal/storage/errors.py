"""An object store that cannot be reached: pages go on, uploads fail with a sentence.

``StoreUnavailable`` is an ``OSError``, so code that already copes with a missing file
copes with an unreachable store (Wagtail renders its "not found" rendition, the film's
download is offered without its size). An upload that meets it stops before any row is
written (Django saves a file field's file before the row), and the middleware answers
with what happened and what to do, instead of a 500. Nothing half-saved remains: the
form's other data was never stored either, so the editor sends it again later.
"""

import logging

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class StoreUnavailable(OSError):
    """The object store did not answer or refused the request."""


def store_message() -> str:
    return _(
        "The file could not be stored: the file storage cannot be reached at the moment. "
        "Nothing was saved. Please try again in a few minutes; if it keeps failing, tell "
        "the site's administrators."
    )


class StoreUnavailableMiddleware:
    """Turns ``StoreUnavailable`` during a request into a 503 that explains itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StoreUnavailable):
            return None
        logger.error(
            "object store unavailable during %s %s: %s", request.method, request.path, exception
        )
        message = store_message()
        if request.headers.get("x-requested-with") == "XMLHttpRequest" or (
            "application/json" in request.headers.get("accept", "")
        ):
            # Wagtail's multiple uploader shows ``error_message`` only from a 200 answer (on
            # any other status it shows the bare status text), as its own refusals are sent.
            return JsonResponse({"success": False, "error_message": message})
        back = request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = "/admin/" if request.path.startswith("/admin/") else "/"
        response = TemplateResponse(
            request,
            "portal/store_unavailable.html",
            {"message": message, "back_url": back},
            status=503,
        )
        response["Retry-After"] = "120"
        return response
