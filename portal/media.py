"""Serve uploaded media with HTTP Range support (206 Partial Content).

Neither Django's ``static.serve`` nor Wagtail answers Range requests: they send 200 and the
whole file, so browsers cannot seek a film and Safari will not play it at all. whitenoise
answers Range for static files but lists its files at start-up, so a film uploaded later
would be a 404. This view reads the file system on every request and streams only the
requested bytes, in chunks. It is mounted for ``/media/films/`` in every environment and,
in development, for the rest of ``/media/`` (images); documents keep Wagtail's own view
and its privacy checks. With media in a bucket (``PORTAL_S3_BUCKET``) and no nginx in
front, the same view reads the object with ranged GETs (``StoredObject``).
"""

import os
import re
import stat

from django.conf import settings
from django.core.files.storage import default_storage
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

from portal.storage.content_types import content_type_for
from portal.storage.files import local_root

CHUNK_SIZE = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


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


class LocalFile:
    """A file below ``document_root`` on this machine's disk."""

    def __init__(self, path: str, document_root):
        try:
            self.full_path = safe_join(str(document_root), path)
        except Exception as error:  # SuspiciousFileOperation: a path that leaves the root
            raise Http404 from error
        try:
            stat_result = os.stat(self.full_path)
        except OSError as error:
            raise Http404 from error
        if not stat.S_ISREG(stat_result.st_mode):
            raise Http404
        self.size, self.mtime = stat_result.st_size, int(stat_result.st_mtime)
        self.etag = etag_for(stat_result)

    def whole(self):
        return open(self.full_path, "rb")  # noqa: SIM115 - FileResponse closes it

    def part(self, start: int, length: int):
        handle = open(self.full_path, "rb")  # noqa: SIM115 - closed by the wrapper
        return RangeFileWrapper(handle, start, length)


class StoredObject:
    """An object in the media bucket (``PORTAL_S3_BUCKET``), for a set-up without nginx
    in front (the dev server, bench/run.sh): its bytes are read with ranged GETs, as a
    browser asked for them, never the whole film for a seek (``MediaStorage.chunks``)."""

    def __init__(self, name: str):
        self.name = name
        try:
            head = default_storage.head(name)
        except FileNotFoundError as error:
            raise Http404 from error
        self.size = head["ContentLength"]
        self.mtime = int(head["LastModified"].timestamp())
        self.etag = head["ETag"]

    def whole(self):
        return default_storage.chunks(self.name, size=CHUNK_SIZE)

    def part(self, start: int, length: int):
        return default_storage.chunks(self.name, start, length, size=CHUNK_SIZE)


def serve_file(request, path: str, document_root) -> HttpResponse:
    """Serve ``path`` below ``document_root`` with Range, HEAD and conditional requests."""
    return _serve(request, LocalFile(path, document_root), path)


def _serve(request, source, path: str) -> HttpResponse:
    size, mtime, etag = source.size, source.mtime, source.etag
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

    content_type = content_type_for(path)
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
        start, end = byte_range or (0, size - 1)
        if byte_range:
            response.status_code = 206
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1 if size else 0)
    elif byte_range:
        start, end = byte_range
        response = StreamingHttpResponse(
            source.part(start, end - start + 1), content_type=content_type
        )
        response.status_code = 206
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        whole = source.whole()
        if isinstance(source, LocalFile):
            response = FileResponse(whole, content_type=content_type)
        else:
            response = StreamingHttpResponse(whole, content_type=content_type)
        response["Content-Length"] = str(size)
    for name, value in headers.items():
        response[name] = value
    return response


def _serve_media_file(request, name: str) -> HttpResponse:
    # No "..", no empty or "." segment: "films/../documents/x.pdf" must not reach a
    # private document, on disk or in the bucket.
    if any(part in {"", ".", ".."} for part in name.split("/")):
        raise Http404
    if name.startswith("documents/"):
        raise Http404  # documents go through Wagtail's serve view and its privacy checks
    if local_root() is None:
        return _serve(request, StoredObject(name), name)
    return serve_file(request, name, settings.MEDIA_ROOT)


@require_safe
def serve_film_media(request, path):
    """``/media/films/<path>``: videos, caption files."""
    return _serve_media_file(request, f"films/{path}")


@require_safe
def serve_media(request, path):
    """``/media/<path>`` in development (images, renditions), with the same Range support."""
    return _serve_media_file(request, path)
