"""Serve uploaded media with HTTP Range support (206 Partial Content).

Neither Django's ``static.serve`` nor Wagtail answers Range requests: they send 200 and the
whole file, so browsers cannot seek a film and Safari will not play it at all. whitenoise
answers Range for static files but lists its files at start-up, so a film uploaded later
would be a 404. This view reads the file system on every request and streams only the
requested bytes, in chunks. It is mounted for ``/media/films/`` in every environment and,
in development, for the rest of ``/media/`` (images); documents keep Wagtail's own view
and its privacy checks.
"""

import mimetypes
import os
import re
import stat

from django.conf import settings
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    StreamingHttpResponse,
)
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.decorators.http import require_safe

CHUNK_SIZE = 64 * 1024
CONTENT_TYPES = {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".vtt": "text/vtt; charset=utf-8",
    # The HLS ladder of a film (home.films.tasks): playlists and fMP4 segments.
    ".m3u8": "application/vnd.apple.mpegurl",
    ".m4s": "video/iso.segment",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".gif": "image/gif",
}
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def content_type_for(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return CONTENT_TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def etag_for(stat_result) -> str:
    return quote_etag(f"{stat_result.st_mtime_ns:x}-{stat_result.st_size:x}")


def parse_range(header: str, size: int):
    """``(start, end)`` inclusive for one satisfiable range; ``"unsatisfiable"`` for a range
    that starts past the end; ``None`` (serve the whole file) for anything else, as RFC 9110
    allows for multiple or malformed ranges."""
    match = RANGE.match(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last n bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None
    if start >= size:
        return "unsatisfiable"
    return start, min(end, size - 1)


class RangeFileWrapper:
    """Streams ``length`` bytes from ``offset`` in chunks, then closes the file."""

    def __init__(self, handle, offset: int, length: int):
        self.handle, self.remaining = handle, length
        handle.seek(offset)

    def __iter__(self):
        try:
            while self.remaining > 0:
                chunk = self.handle.read(min(CHUNK_SIZE, self.remaining))
                if not chunk:
                    break
                self.remaining -= len(chunk)
                yield chunk
        finally:
            self.handle.close()

    def close(self):
        self.handle.close()


def _not_modified(request, etag: str, mtime: int) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags or f"W/{etag}" in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and mtime <= since


def _if_range_matches(request, etag: str, mtime: int) -> bool:
    value = request.headers.get("If-Range")
    if value is None:
        return True
    value = value.strip()
    if value.startswith(('"', "W/")):
        return value == etag  # strong comparison only
    date = parse_http_date_safe(value)
    return date is not None and mtime == date


def serve_file(request, path: str, document_root) -> HttpResponse:
    """Serve ``path`` below ``document_root`` with Range, HEAD and conditional requests."""
    try:
        full_path = safe_join(str(document_root), path)
    except Exception as error:  # SuspiciousFileOperation: a path that leaves the root
        raise Http404 from error
    try:
        stat_result = os.stat(full_path)
    except OSError as error:
        raise Http404 from error
    if not stat.S_ISREG(stat_result.st_mode):
        raise Http404
    size, mtime = stat_result.st_size, int(stat_result.st_mtime)
    etag = etag_for(stat_result)
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": http_date(mtime),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "public, max-age=3600",
    }
    if _not_modified(request, etag, mtime):
        response = HttpResponseNotModified()
        for name, value in headers.items():
            response[name] = value
        return response

    byte_range = None
    range_header = request.headers.get("Range")
    if range_header and _if_range_matches(request, etag, mtime):
        byte_range = parse_range(range_header, size)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        for name, value in headers.items():
            response[name] = value
        return response

    content_type = content_type_for(full_path)
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
        start, end = byte_range or (0, size - 1)
        if byte_range:
            response.status_code = 206
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1 if size else 0)
    elif byte_range:
        start, end = byte_range
        handle = open(full_path, "rb")  # noqa: SIM115 - closed by the wrapper after streaming
        response = StreamingHttpResponse(
            RangeFileWrapper(handle, start, end - start + 1), content_type=content_type
        )
        response.status_code = 206
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(open(full_path, "rb"), content_type=content_type)  # noqa: SIM115
        response["Content-Length"] = str(size)
    for name, value in headers.items():
        response[name] = value
    return response


@require_safe
def serve_film_media(request, path):
    """``/media/films/<path>``: videos, caption files."""
    return serve_file(request, path, os.path.join(settings.MEDIA_ROOT, "films"))


@require_safe
def serve_media(request, path):
    """``/media/<path>`` in development (images, renditions), with the same Range support."""
    if path.startswith("documents/"):
        raise Http404  # documents go through Wagtail's serve view and its privacy checks
    return serve_file(request, path, settings.MEDIA_ROOT)
