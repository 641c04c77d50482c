"""Building blocks for schema.org JSON-LD, shared by news, events and films."""

from wagtail.models import Site

from home.images.renditions import SHARE_SPEC
from home.pages.site_settings import SiteSettings


def absolute(request, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "") + url


def image_object(image, request) -> dict:
    rendition = image.get_rendition(SHARE_SPEC)
    return {
        "@type": "ImageObject",
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def organisation(request) -> dict:
    settings = (
        SiteSettings.for_request(request) if request is not None else SiteSettings.objects.first()
    )
    data = {"@type": "Organization", "name": getattr(settings, "organisation_name", "")}
    if request is not None:
        data["url"] = absolute(request, "/")
    return data
