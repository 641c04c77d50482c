"""From a master to what the player needs, in one ffmpeg run.

The master is decoded once and split into every rendition of the ladder plus the MP4
fallback: decoding a camera master (ProRes, 4K HEVC) costs as much as encoding a rung, so
reading it once per output would double the work. Keyframes fall exactly every
``SEGMENT_SECONDS`` in every rendition, so all renditions cut into aligned segments and a
player can switch between them at any segment boundary.

Metadata and chapters are not copied: phone videos carry the GPS position of the place they
were filmed, which a newsroom may need to keep to itself.
"""

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from home.films.transcoding.ffmpeg import FfmpegFailed, run_ffmpeg
from home.films.transcoding.ladder import Rung, fallback_size, frame_size, ladder_for, poster_size
from home.films.transcoding.playlists import SEGMENT_SECONDS, add_missing_codecs, read_master
from home.films.transcoding.probe import MasterError, MasterInfo
from home.films.transcoding.verify import verify_output

logger = logging.getLogger(__name__)

# libx264's "faster" keeps a 1080p master below real time x 4 on two cores (measured with all
# four rungs and the fallback in one run); slower presets gain little at these bitrates.
PRESET = "faster"
FALLBACK_CRF = 23
FALLBACK_MAXRATE_KBPS = 3000
FALLBACK_AUDIO_KBPS = 128

HLS_DIR = "hls"
HLS_MASTER = f"{HLS_DIR}/master.m3u8"
MP4_NAME = "film.mp4"
POSTER_DIR = "posters"
POSTER_POSITIONS = (0.15, 0.5, 0.85)

# Share of the progress bar taken by the main run; posters and the check take the rest.
ENCODE_SHARE = 0.95


@dataclass
class Output:
    """What ``transcode`` wrote; every path is relative to its ``out_dir``."""

    hls_master: str
    # Per rung: name, width, height, bandwidth (bit/s, as in the playlist), playlist, codecs.
    renditions: list[dict]
    mp4: str
    posters: list[str]
    # Every file written, for copying to storage and for cleaning up.
    files: list[str]
    # The fallback's frame size, for the <video> element's width and height.
    mp4_width: int
    mp4_height: int
    has_audio: bool


def _ignore_progress(fraction: float) -> None:
    pass


def transcode(
    master: Path,
    out_dir: Path,
    info: MasterInfo,
    on_progress: Callable[[float], None] = _ignore_progress,
) -> Output:
    """Encode ``master`` into ``out_dir`` (created, must be empty) and check the result.

    Raises ``MasterError`` with a message for editors when the master cannot be read to the
    end or the result fails its check; ``out_dir`` is left empty then. An exception raised
    by ``on_progress`` stops ffmpeg and leaves ``out_dir`` empty as well.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise ValueError(f"{out_dir} must be empty: a failed run deletes everything in it")
    try:
        output = _encode(master.resolve(), out_dir, info, on_progress)
        verify_output(out_dir, output)
        on_progress(1.0)
    except BaseException:
        _empty(out_dir)
        raise
    return output


def _encode(master: Path, out_dir: Path, info: MasterInfo, on_progress) -> Output:
    rungs = ladder_for(info)
    _run(
        master,
        _ladder_args(master, info, rungs),
        out_dir,
        info.duration,
        lambda fraction: on_progress(ENCODE_SHARE * fraction),
    )
    add_missing_codecs(out_dir / HLS_MASTER)
    (out_dir / POSTER_DIR).mkdir()
    posters = [f"{POSTER_DIR}/poster_{number}.jpg" for number in range(1, 4)]
    _run(master, _poster_args(master, info, posters), out_dir)
    mp4_width, mp4_height = fallback_size(info)
    return Output(
        hls_master=HLS_MASTER,
        renditions=_renditions(out_dir, info, rungs),
        mp4=MP4_NAME,
        posters=posters,
        files=sorted(
            path.relative_to(out_dir).as_posix() for path in out_dir.rglob("*") if path.is_file()
        ),
        mp4_width=mp4_width,
        mp4_height=mp4_height,
        has_audio=info.has_audio,
    )


def _run(master: Path, args: list[str], out_dir: Path, duration: float = 0.0, on_progress=None):
    """One ffmpeg run; ``MasterError`` if it fails or stops before the end of the master."""
    damaged = _(
        "The video file is damaged or incomplete: it could not be read to the end. "
        "Export it again and upload it once more."
    )
    try:
        run = run_ffmpeg(args, cwd=out_dir, duration=duration, on_progress=on_progress)
    except FfmpegFailed as error:
        logger.error("ffmpeg failed on %s (exit %s):\n%s", master, error.returncode, error.tail)
        raise MasterError(damaged) from error
    # Container durations and decoded lengths differ by a few frames, never by seconds.
    if duration and run.written < duration - max(0.5, 0.01 * duration):
        logger.error(
            "ffmpeg stopped at %.2f s of %.2f s in %s:\n%s",
            run.written,
            duration,
            master,
            run.tail,
        )
        raise MasterError(damaged)


def _ladder_args(master: Path, info: MasterInfo, rungs: list[Rung]) -> list[str]:
    sizes = [frame_size(info, rung.height) for rung in rungs]
    sizes.append(fallback_size(info))
    # "V" skips cover art, as probing does. bwdif only touches frames flagged as interlaced
    # (TV footage); progressive frames pass unchanged.
    graph = [
        f"[0:V:0]bwdif=deint=interlaced,split={len(sizes)}"
        + "".join(f"[in{index}]" for index in range(len(sizes)))
    ]
    graph += [
        f"[in{index}]scale={width}:{height},setsar=1,format=yuv420p[out{index}]"
        for index, (width, height) in enumerate(sizes)
    ]
    args = ["-i", str(master), "-filter_complex", ";".join(graph)]
    return args + _hls_output(info, rungs) + _mp4_output(info, f"[out{len(rungs)}]")


def _h264(preset: str = PRESET) -> list[str]:
    return [
        *("-c:v", "libx264", "-preset", preset, "-profile:v", "high", "-pix_fmt", "yuv420p"),
        # A keyframe at every segment boundary and nowhere else by scene cut, so segments
        # of all renditions start at the same instants.
        *("-force_key_frames", f"expr:gte(t,n_forced*{SEGMENT_SECONDS})", "-sc_threshold", "0"),
    ]


def _aac() -> list[str]:
    return ["-c:a", "aac", "-ar", "48000", "-ac", "2"]


def _no_metadata() -> list[str]:
    return ["-map_metadata", "-1", "-map_chapters", "-1"]


def _hls_output(info: MasterInfo, rungs: list[Rung]) -> list[str]:
    args, stream_map = [], []
    for index, rung in enumerate(rungs):
        args += ["-map", f"[out{index}]"]
        kbps = rung.video_kbps, rung.maxrate_kbps, 2 * rung.maxrate_kbps
        args += [f"-b:v:{index}", f"{kbps[0]}k", f"-maxrate:v:{index}", f"{kbps[1]}k"]
        args += [f"-bufsize:v:{index}", f"{kbps[2]}k"]
        if info.has_audio:
            args += ["-map", "0:a:0", f"-b:a:{index}", f"{rung.audio_kbps}k"]
            stream_map.append(f"v:{index},a:{index},name:{rung.name}")
        else:
            stream_map.append(f"v:{index},name:{rung.name}")
    args += _h264() + (_aac() if info.has_audio else []) + _no_metadata()
    return args + [
        *("-f", "hls", "-hls_time", str(SEGMENT_SECONDS), "-hls_playlist_type", "vod"),
        *("-hls_segment_type", "fmp4", "-hls_flags", "independent_segments"),
        # ffmpeg puts the init segment beside each rendition's playlist; without "%v" in its
        # name it would append the rendition's index ("init_0.mp4").
        *("-hls_fmp4_init_filename", "init_%v.mp4"),
        *("-hls_segment_filename", f"{HLS_DIR}/%v/seg_%05d.m4s"),
        *("-master_pl_name", Path(HLS_MASTER).name),
        *("-var_stream_map", " ".join(stream_map)),
        f"{HLS_DIR}/%v/index.m3u8",
    ]


def _mp4_output(info: MasterInfo, video_label: str) -> list[str]:
    args = ["-map", video_label, *_h264()]
    args += ["-crf", str(FALLBACK_CRF), "-maxrate", f"{FALLBACK_MAXRATE_KBPS}k"]
    args += ["-bufsize", f"{2 * FALLBACK_MAXRATE_KBPS}k"]
    if info.has_audio:
        args += ["-map", "0:a:0", *_aac(), "-b:a", f"{FALLBACK_AUDIO_KBPS}k"]
    # The index (moov) goes first, so browsers start playing before the whole file arrives.
    return args + _no_metadata() + ["-movflags", "+faststart", MP4_NAME]


def _poster_args(master: Path, info: MasterInfo, posters: list[str]) -> list[str]:
    """Seeking before ``-i`` jumps to the nearest keyframe instead of decoding from the
    start, so three frames cost about as much as three short clips."""
    width, height = poster_size(info)
    args = []
    for position in POSTER_POSITIONS:
        args += ["-ss", f"{position * info.duration:.3f}", "-i", str(master)]
    for index, poster in enumerate(posters):
        args += ["-map", f"{index}:V:0", "-frames:v", "1", "-update", "1"]
        args += ["-vf", f"scale={width}:{height},setsar=1", "-q:v", "3", poster]
    return args


def _renditions(out_dir: Path, info: MasterInfo, rungs: list[Rung]) -> list[dict]:
    """The renditions in ladder order, with the bandwidth ffmpeg measured and wrote into the
    master playlist (the peak of any segment, which is what players compare)."""
    listed = {variant.uri: variant.attributes for variant in read_master(out_dir / HLS_MASTER)}
    renditions = []
    for rung in rungs:
        # A rung missing from the playlist stays in the list: verify_output reports it.
        attributes = listed.get(f"{rung.name}/index.m3u8", {})
        width, height = frame_size(info, rung.height)
        renditions.append(
            {
                "name": rung.name,
                "width": width,
                "height": height,
                "bandwidth": int(attributes.get("BANDWIDTH", 0)),
                "playlist": f"{HLS_DIR}/{rung.name}/index.m3u8",
                "codecs": attributes.get("CODECS", ""),
            }
        )
    return renditions


def _empty(out_dir: Path) -> None:
    for path in out_dir.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
