"""Small views outside the language-prefixed URL space."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_GET, require_safe

from portal.languages import current_language


@require_safe
def language_redirect(request):
    """``/`` sends visitors to their language's home; German when nothing matches.

    Never cached: the answer depends on ``Accept-Language``. No cookie is read or set.
    """
    language = translation.get_language_from_request(request) or settings.LANGUAGE_CODE
    language = translation.get_supported_language_variant(language)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language"])
    add_never_cache_headers(response)
    return response


@require_safe
def healthz(request):
    """Liveness probe and the "minimal Django view" of the benchmarks: no database access."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")


def page_not_found(request, exception=None):
    """404 in the URL's language (LocaleMiddleware has activated it from the prefix)."""
    return render(request, "404.html", {"language": current_language()}, status=404)


def server_error(request):
    """500 page rendered without database access: no context processors, no settings."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"language": current_language()}), status=500)
