"""schema.org ``VideoObject`` (JSON-LD) and video-sitemap entries for a film page.

Search engines list a film only with a thumbnail, a description and a way to play it; the
transcript makes its spoken content findable. Built from the same player context as the
page, so the data and the visible player never disagree.
"""

from django.conf import settings
from django.utils import timezone

from home.films.rendering import player_context


def absolute(url: str, request=None) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def poster_url(film, request=None) -> str:
    if film.poster is None:
        return ""
    return absolute(film.poster.get_rendition("fill-1280x720|format-jpeg").url, request)


def upload_date(page, film):
    date = film.first_published_at or page.first_published_at or timezone.now()
    return timezone.localtime(date)


def _play_urls(film, request=None) -> dict:
    player = player_context(film, language=film.locale.language_code)
    if player["external"]:
        return {"embedUrl": player["external"].embed_url}
    if player["sources"]:
        return {"contentUrl": absolute(player["sources"][0].file.url, request)}
    return {}


def video_object(page, film, request=None) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": film.title,
        "description": film.description,
        "thumbnailUrl": [poster_url(film, request)] if film.poster else [],
        "uploadDate": upload_date(page, film).isoformat(),
        "duration": film.iso_duration,
        "inLanguage": page.locale.language_code,
        "transcript": film.transcript,
        "url": page.get_full_url(request),
    }
    data.update(_play_urls(film, request))
    return data


def sitemap_video(page, film, request=None) -> dict:
    urls = _play_urls(film, request)
    return {
        "thumbnail_loc": poster_url(film, request),
        "title": film.title,
        "description": film.description,
        "content_loc": urls.get("contentUrl", ""),
        "player_loc": urls.get("embedUrl", ""),
        "duration": film.duration,
        "publication_date": upload_date(page, film).isoformat(),
    }
