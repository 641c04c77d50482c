"""schema.org ``VideoObject`` (JSON-LD) and video-sitemap entries for a film page.

Search engines list a film only with a thumbnail, a description and a way to play it; the
transcript makes its spoken content findable. Built from the same player context as the
page, so the data and the visible player never disagree.
"""

from urllib.parse import urlsplit

from django.utils import timezone

from home.films.rendering import player_context


def origin_of(page, request=None) -> str:
    """Scheme and host of the page's own address, so media links match the page's site."""
    parts = urlsplit(page.get_full_url(request))
    return f"{parts.scheme}://{parts.netloc}"


def absolute(url: str, origin: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return origin + url


def poster_url(film, origin: str) -> str:
    if film.poster is None:
        return ""
    return absolute(film.poster.get_rendition("fill-1280x720|format-jpeg").url, origin)


def upload_date(page, film):
    date = film.first_published_at or page.first_published_at or timezone.now()
    return timezone.localtime(date)


def _play_urls(film, origin: str) -> dict:
    player = player_context(film, language=film.locale.language_code)
    if player["external"]:
        return {"embedUrl": player["external"].embed_url}
    if player["sources"]:
        return {"contentUrl": absolute(player["sources"][0].url, origin)}
    return {}


def video_object(page, film, request=None) -> dict:
    origin = origin_of(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": film.title,
        "description": film.description,
        "thumbnailUrl": [poster_url(film, origin)] if film.poster else [],
        "uploadDate": upload_date(page, film).isoformat(),
        "duration": film.iso_duration,
        "inLanguage": page.locale.language_code,
        "transcript": film.transcript,
        "url": page.get_full_url(request),
    }
    data.update(_play_urls(film, origin))
    return data


def sitemap_video(page, film, request=None) -> dict:
    origin = origin_of(page, request)
    urls = _play_urls(film, origin)
    return {
        "thumbnail_loc": poster_url(film, origin),
        "title": film.title,
        "description": film.description,
        "content_loc": urls.get("contentUrl", ""),
        "player_loc": urls.get("embedUrl", ""),
        "duration": film.duration,
        "publication_date": upload_date(page, film).isoformat(),
    }
