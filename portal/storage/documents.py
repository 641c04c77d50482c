"""Private documents from the object store, without their bytes passing through Python.

On disk, Wagtail's serve view checks a document's privacy and django-sendfile answers
with ``X-Accel-Redirect`` to nginx's internal ``/protected-documents/``. A bucket has no
local path, and Wagtail would then stream the file through a gunicorn thread. This hook
runs after Wagtail's own privacy hook (``order``) and answers, for the same checked
request, with ``X-Accel-Redirect: /protected-objects/`` and the object's signed URL (one
minute) in ``X-Portal-Object-Url``; nginx fetches it from the store and sends it under the
site's own origin. The object stays private: the bucket lets nobody read documents
without a signature, and the signature lives shorter than any cache.
"""

from django.conf import settings
from django.http import HttpResponse
from wagtail import hooks
from wagtail.documents.models import document_served

PROTECTED_OBJECTS = "/protected-objects/"


@hooks.register("before_serve_document", order=100)
def document_through_front_server(document, request):
    storage = document.file.storage
    if not hasattr(storage, "signed_url") or settings.PORTAL_FRONT_SERVER != "nginx":
        return None  # disk: Wagtail's view and sendfile; no nginx: Wagtail streams it
    signed = storage.signed_url(
        document.file.name,
        ResponseContentType=document.content_type,
        ResponseContentDisposition=document.content_disposition,
    )
    document_served.send(sender=type(document), instance=document, request=request)
    response = HttpResponse(content_type=document.content_type)
    response["X-Accel-Redirect"] = PROTECTED_OBJECTS
    response["X-Portal-Object-Url"] = signed
    response["Content-Disposition"] = document.content_disposition
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
