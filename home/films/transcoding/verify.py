"""The final check of a transcoded film, before anything is stored or played.

ffmpeg can exit successfully and still leave a rendition out of the master playlist, write
a segment longer than the player expects or fall back to a codec browsers do not play. Each
of these gives visitors a broken film without any error on our side, so the output is
decoded and measured here rather than trusted.
"""

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import av
from django.utils.translation import gettext as _

from home.films.transcoding.ladder import POSTER_MAX_WIDTH
from home.films.transcoding.playlists import SEGMENT_SECONDS, read_master, read_media
from home.films.transcoding.probe import MasterError

logger = logging.getLogger(__name__)

# Segments are cut at the first frame at or after each 2 s mark: one frame late at 7 fps.
SEGMENT_TOLERANCE = 0.15


def verify_output(out_dir: Path, output) -> None:
    """``MasterError`` (details in the log) if ``output`` in ``out_dir`` is not fit to play."""
    problems = list(output_problems(out_dir, output))
    if problems:
        logger.error("transcoded film in %s failed its check: %s", out_dir, "; ".join(problems))
        raise MasterError(
            _(
                "The converted film did not pass its final check. Choose “Process the video "
                "again”; if it fails once more, please tell the site's administrators."
            )
        )


def output_problems(out_dir: Path, output) -> Iterator[str]:
    """Every problem found, as internal descriptions for the log."""
    for relative in output.files:
        if not (out_dir / relative).is_file():
            yield f"{relative} is missing"
    yield from _master_playlist_problems(out_dir, output)
    for rendition in output.renditions:
        yield from _rendition_problems(out_dir, rendition, output.has_audio)
    yield from _mp4_problems(out_dir, output)
    for poster in output.posters:
        yield from _poster_problems(out_dir / poster)


def _master_playlist_problems(out_dir: Path, output) -> Iterator[str]:
    master = out_dir / output.hls_master
    if not master.is_file():
        yield f"{output.hls_master} is missing"
        return
    hls_dir = master.parent
    variants = read_master(master)
    listed = sorted(variant.uri for variant in variants)
    on_disk = sorted(path.relative_to(hls_dir).as_posix() for path in hls_dir.glob("*/*.m3u8"))
    expected = sorted(
        (out_dir / rendition["playlist"]).relative_to(hls_dir).as_posix()
        for rendition in output.renditions
    )
    if not listed == on_disk == expected:
        yield f"master playlist lists {listed}, found {on_disk}, expected {expected}"
    sizes = {
        (out_dir / r["playlist"]).relative_to(hls_dir).as_posix(): f"{r['width']}x{r['height']}"
        for r in output.renditions
    }
    for variant in variants:
        attributes = variant.attributes
        missing = [key for key in ("BANDWIDTH", "RESOLUTION", "CODECS") if key not in attributes]
        if missing:
            yield f"{variant.uri}: no {', '.join(missing)} in the master playlist"
            continue
        if attributes["RESOLUTION"] != sizes.get(variant.uri):
            yield f"{variant.uri}: RESOLUTION {attributes['RESOLUTION']} is not the rung's size"
        codecs = attributes["CODECS"]
        if not codecs.startswith("avc1.") or output.has_audio != ("mp4a.40.2" in codecs):
            yield f"{variant.uri}: CODECS {codecs} is not H.264{' + AAC' * output.has_audio}"


def _rendition_problems(out_dir: Path, rendition: dict, has_audio: bool) -> Iterator[str]:
    name, playlist_path = rendition["name"], out_dir / rendition["playlist"]
    if not playlist_path.is_file():
        yield f"{name}: no playlist"
        return
    playlist = read_media(playlist_path)
    if not playlist.ended or playlist.init is None or not playlist.segments:
        yield f"{name}: playlist is not a complete fMP4 VOD playlist"
        return
    for uri, duration in playlist.segments[:-1]:
        if duration > SEGMENT_SECONDS + SEGMENT_TOLERANCE:
            yield f"{name}: segment {uri} lasts {duration:.3f} s"
    files = [playlist_path.parent / playlist.init]
    files += [playlist_path.parent / uri for uri, _duration in playlist.segments]
    missing = [path.name for path in files if not path.is_file()]
    if missing:
        yield f"{name}: missing {', '.join(missing)}"
        return
    # The init segment alone has no frames: a player always loads it with a media segment.
    start = io.BytesIO(files[0].read_bytes() + files[1].read_bytes())
    yield from (
        f"{name}: {problem}"
        for problem in _media_problems(
            start, (rendition["width"], rendition["height"]), has_audio, format="mp4"
        )
    )


def _mp4_problems(out_dir: Path, output) -> Iterator[str]:
    path = out_dir / output.mp4
    if not path.is_file():
        yield f"{output.mp4} is missing"
        return
    boxes = top_level_boxes(path)
    if "moov" not in boxes or "mdat" not in boxes or boxes.index("moov") > boxes.index("mdat"):
        yield f"{output.mp4}: moov does not precede mdat ({boxes}), not a fast-start MP4"
    size = (output.mp4_width, output.mp4_height)
    yield from (
        f"{output.mp4}: {problem}" for problem in _media_problems(path, size, output.has_audio)
    )


def _media_problems(source, size: tuple[int, int], has_audio: bool, **options) -> Iterator[str]:
    try:
        with av.open(source if isinstance(source, io.BytesIO) else str(source), **options) as media:
            videos, audios = media.streams.video, media.streams.audio
            if len(videos) != 1 or videos[0].codec_context.name != "h264":
                yield f"video streams {[v.codec_context.name for v in videos]}, expected h264"
                return
            if has_audio and [a.codec_context.name for a in audios] != ["aac"]:
                yield f"audio streams {[a.codec_context.name for a in audios]}, expected aac"
            if not has_audio and audios:
                yield "audio stream in a film without sound"
            frame = next(media.decode(videos[0]), None)
            if frame is None:
                yield "no decodable video frame"
            elif (frame.width, frame.height) != size:
                yield f"frames are {frame.width}x{frame.height}, expected {size[0]}x{size[1]}"
    except av.FFmpegError as error:
        yield f"cannot be decoded ({error})"


def _poster_problems(path: Path) -> Iterator[str]:
    try:
        with av.open(str(path)) as image:
            frame = next(image.decode(video=0))
            codec = image.streams.video[0].codec_context.name
    except (av.FFmpegError, StopIteration) as error:
        yield f"{path.name}: not an image ({error})"
        return
    if codec != "mjpeg" or frame.width > POSTER_MAX_WIDTH:
        size = f"{frame.width}x{frame.height}"
        yield f"{path.name}: {codec} {size}, expected a JPEG at most {POSTER_MAX_WIDTH} wide"


def top_level_boxes(path: Path) -> list[str]:
    """The types of an MP4 file's top-level boxes, in file order."""
    boxes = []
    with path.open("rb") as mp4:
        while header := mp4.read(8):
            if len(header) < 8:
                break
            size = int.from_bytes(header[:4], "big")
            boxes.append(header[4:8].decode("latin-1"))
            if size == 1:  # 64-bit size follows the type
                size = int.from_bytes(mp4.read(8), "big") - 8
            elif size == 0:  # box runs to the end of the file
                break
            mp4.seek(size - 8, io.SEEK_CUR)
    return boxes
