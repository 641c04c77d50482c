"""Security plumbing in one place: which CSP a response gets, the Permissions-Policy header,
the client address behind the proxy, and the login-throttling backend.

Why a second CSP for the admin: the public templates contain no inline script or style, so
the public policy is strict and the same for every visitor (cacheable: no nonces). Wagtail's
admin cannot run under it: panels, date widgets and wagtail-localize's translation editor
render inline ``<script>`` blocks whose content changes per form (no hash can be computed
ahead), and admin templates and widgets set ``style=""`` attributes. The admin policy
therefore allows ``'unsafe-inline'`` for scripts and styles, and nothing else that is loose:
no ``'unsafe-eval'``, no wildcard, no third-party host. Previews and "view draft" are served
under ``/admin/`` and get the admin policy too.

Why a third for ``/<language>/embed/…`` (the embeddable events calendar, news/embed.py):
it is the one route other origins may frame, so its ``frame-ancestors`` is
``PORTAL_EMBED_FRAME_ANCESTORS`` instead of ``'self'``, and it runs no script at all. Chosen
by path, not with django-csp's view decorators: the page cache answers hits without calling
the view, and those answers must carry the same policy.
"""

import re

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy

# Below a language prefix, the same for every language (partners need not translate paths).
EMBED_PATH = re.compile(r"^/[^/]+/embed/")
_admin_prefix = lazy(lambda: reverse("wagtailadmin_home"), str)


def uses_admin_policy(request) -> bool:
    """Admin screens live below the admin's prefix. Previews and "view draft" are rendered
    by Wagtail through a dummy request for the page's public URL, run through the whole
    middleware stack (``make_preview_request`` marks it ``is_dummy``)."""
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return True
    return request.path_info.startswith(str(_admin_prefix()))


def uses_embed_policy(request) -> bool:
    return bool(EMBED_PATH.match(request.path_info))


def embed_policy() -> dict:
    """The embed route's policy; ``frame-ancestors`` read per request, so that a test or an
    environment can name the partner origins without repeating the rest."""
    return {**settings.PORTAL_EMBED_CSP, "frame-ancestors": settings.PORTAL_EMBED_FRAME_ANCESTORS}


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``PORTAL_ADMIN_CSP`` for the admin and the embed policy
    for embeddable routes instead of the public ``CONTENT_SECURITY_POLICY``. A view may still
    set its own policy with django-csp's decorators; this only chooses the base policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            if uses_admin_policy(request):
                parts.config = default_config(settings.PORTAL_ADMIN_CSP)
            elif uses_embed_policy(request):
                parts.config = default_config(embed_policy())
        return parts


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self", "https://x"]}`` ->
    ``camera=(), fullscreen=(self "https://x")`` (the structured-header syntax)."""

    def origin(value):
        return value if value in ("self", "*") else f'"{value}"'

    return ", ".join(
        f"{feature}=({' '.join(origin(v) for v in allowed)})" for feature, allowed in policy.items()
    )


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (camera, microphone, location,
    payment, …), so that neither an injected script nor an embedded player can ask for them.
    Films need fullscreen, picture-in-picture, autoplay (after the visitor's click) and
    encrypted media, for the site itself and the two video hosts only."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PORTAL_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def client_ip(request) -> str:
    """The client's address, used as the login-throttling key.

    ``X-Forwarded-For`` is honoured only when the request comes from a trusted proxy
    (``TRUSTED_PROXY_IPS``), and only as many hops as ``TRUSTED_PROXY_COUNT`` says: each of
    our proxies appends the address it saw, so the client is the entry ``count`` places
    from the right. Everything left of it is whatever the client chose to send. With the
    default count of 0 the address is ``REMOTE_ADDR`` and the header is ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0 or remote not in settings.TRUSTED_PROXY_IPS:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < count:
        return remote
    return hops[-count]


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' backend, which must come first in ``AUTHENTICATION_BACKENDS``.

    Axes refuses ``authenticate()`` calls without a request. Every login from the web has
    one; calls without one come from server-side code only (Django's test client's
    ``login()``, a shell), where there is no client to throttle. Those are passed on to the
    next backend instead of failing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
