"""External films (YouTube, Vimeo): recognise the address and build the privacy-friendly
embed address. Nothing here contacts the provider; the iframe is created in the browser
only after the visitor clicks (static/js/film-embed.js)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


@dataclass(frozen=True)
class ExternalVideo:
    provider: str  # "YouTube" or "Vimeo" (shown to visitors)
    video_id: str
    watch_url: str
    embed_url: str


def parse_external_video(url: str) -> ExternalVideo | None:
    """The video behind a YouTube or Vimeo address, or ``None`` for anything else."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https"):
        return None
    if host in YOUTUBE_HOSTS:
        video_id = None
        if host == "youtu.be":
            video_id = parts.path.strip("/").split("/")[0]
        elif parts.path == "/watch":
            video_id = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        if video_id and YOUTUBE_ID.match(video_id):
            return ExternalVideo(
                "YouTube",
                video_id,
                f"https://www.youtube.com/watch?v={video_id}",
                f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
            )
        return None
    if host in VIMEO_HOSTS:
        numbers = [p for p in parts.path.split("/") if p.isdigit()]
        if numbers:
            video_id = numbers[0]
            return ExternalVideo(
                "Vimeo",
                video_id,
                f"https://vimeo.com/{video_id}",
                f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1",
            )
    return None
