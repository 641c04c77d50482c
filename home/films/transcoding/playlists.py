"""Reading the HLS playlists ffmpeg wrote, and completing the master playlist.

Players choose a rendition from the master playlist before they load any media: without
CODECS a player may pick a variant it cannot decode, and Safari is stricter still. ffmpeg
writes CODECS when it knows the codec's profile; ``add_missing_codecs`` fills the gap from
the init segment if a future ffmpeg does not.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import av

# Short segments let a player start quickly and switch renditions soon after the connection
# changes; Apple's authoring guidelines use 2 s as well.
SEGMENT_SECONDS = 2
STREAM_INF = "#EXT-X-STREAM-INF:"
ATTRIBUTE = re.compile(r'([A-Z0-9-]+)=("[^"]*"|[^,]*)')
MAP_URI = re.compile(r'#EXT-X-MAP:.*URI="([^"]+)"')
# The only audio we encode: AAC low complexity (object type 2).
AAC_LC = "mp4a.40.2"


@dataclass(frozen=True)
class Variant:
    """One ``#EXT-X-STREAM-INF`` entry of a master playlist."""

    uri: str
    attributes: dict[str, str]


@dataclass
class MediaPlaylist:
    init: str | None = None
    segments: list[tuple[str, float]] = field(default_factory=list)
    target_duration: int | None = None
    ended: bool = False


def read_master(path: Path) -> list[Variant]:
    variants, pending = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith(STREAM_INF):
            pending = _attributes(line[len(STREAM_INF) :])
        elif line and not line.startswith("#") and pending is not None:
            variants.append(Variant(uri=line, attributes=pending))
            pending = None
    return variants


def read_media(path: Path) -> MediaPlaylist:
    playlist, duration = MediaPlaylist(), None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("#EXTINF:"):
            duration = float(line[len("#EXTINF:") :].split(",", 1)[0])
        elif line.startswith("#EXT-X-TARGETDURATION:"):
            playlist.target_duration = int(line.split(":", 1)[1])
        elif line.startswith("#EXT-X-MAP:"):
            match = MAP_URI.match(line)
            playlist.init = match.group(1) if match else None
        elif line == "#EXT-X-ENDLIST":
            playlist.ended = True
        elif line and not line.startswith("#") and duration is not None:
            playlist.segments.append((line, duration))
            duration = None
    return playlist


def add_missing_codecs(master: Path) -> bool:
    """Give every variant of ``master`` a CODECS attribute, read from its init segment.
    Returns whether the playlist had to be rewritten."""
    lines = master.read_text(encoding="utf-8").splitlines()
    changed = False
    for index, line in enumerate(lines):
        if not line.startswith(STREAM_INF) or "CODECS=" in line:
            continue
        uri = next(
            (later for later in lines[index + 1 :] if later and not later.startswith("#")),
            None,
        )
        if uri is None:
            continue
        media = master.parent / uri
        init = read_media(media).init
        if init is None:
            continue
        lines[index] = f'{line},CODECS="{codecs_of(media.parent / init)}"'
        changed = True
    if changed:
        master.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def codecs_of(init_segment: Path) -> str:
    """RFC 6381 codec names of an fMP4 init segment, e.g. ``avc1.64001f,mp4a.40.2``."""
    names = []
    with av.open(str(init_segment)) as container:
        for stream in container.streams.video:
            # avcC: configurationVersion, profile, profile compatibility, level.
            avcc = stream.codec_context.extradata or b""
            if len(avcc) >= 4 and avcc[0] == 1:
                names.append(f"avc1.{avcc[1]:02x}{avcc[2]:02x}{avcc[3]:02x}")
        if container.streams.audio:
            names.append(AAC_LC)
    return ",".join(names)


def _attributes(text: str) -> dict[str, str]:
    return {key: value.strip('"') for key, value in ATTRIBUTE.findall(text)}
