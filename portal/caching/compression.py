"""gzip for the public site's text answers (not the admin).

Cache hits carry their own gzip copy (``portal.caching.pages``). ``PublicGZipMiddleware``
compresses the other public answers (BREACH needs a secret in a compressed body: public pages carry
none, cached ones never carry a CSRF token, and the admin is not compressed).
"""

from django.middleware.gzip import GZipMiddleware

from portal.caching.pages import COMPRESSIBLE
from portal.security import uses_admin_policy


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip for text answers of the public site only.

    Not for the admin (its pages carry CSRF tokens and drafts next to text a visitor could
    influence: the BREACH setting), not for any answer that rendered a CSRF token, and not
    for streaming answers (films are served with HTTP Range; gzip would break byte ranges).
    Cache hits come already compressed and are left alone."""

    def process_response(self, request, response):
        if (
            response.streaming
            or uses_admin_policy(request)
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or not COMPRESSIBLE.match(response.get("Content-Type", ""))
        ):
            return response
        return super().process_response(request, response)
