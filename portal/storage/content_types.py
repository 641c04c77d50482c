"""The Content-Type of a media file by its name, the same wherever it is served from.

Python's ``mimetypes`` does not know a film's HLS playlist and segments or WebVTT caption
files on every system; browsers need ``text/vtt`` for captions. On disk, nginx's ``types``
and ``portal.media`` use this map; in a bucket, each object is stored with it, because
the store answers with what it was given at upload.
"""

import mimetypes
import os

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


def content_type_for(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    return CONTENT_TYPES.get(ext) or mimetypes.guess_type(path)[0] or "application/octet-stream"
