"""Small video and caption files for tests, made once per test process with ffmpeg."""

import functools
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg

VALID_VTT = b"""WEBVTT

00:00:00.000 --> 00:00:01.000
Hallo Lausitz.
"""
# Captions as editors upload them: SRT, which the portal turns into WebVTT.
SRT = b"""1
00:00:00,000 --> 00:00:01,500
Hallo Lausitz.

2
00:00:01,500 --> 00:00:02,000
Krasse Gegend.
"""
# Two seconds of a green picture (480 × 270, the smallest a film may be) and a tone.
GREEN_WITH_TONE = (
    *("-f", "lavfi", "-i", "color=c=green:s=480x270:d=2:r=10"),
    *("-f", "lavfi", "-i", "sine=frequency=440:duration=2"),
)
X264 = ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")


@functools.cache
def _workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="portal-test-films-"))


def _made(name: str, *ffmpeg_args: str) -> Path:
    """``name`` in the process's folder, made once by ffmpeg with ``ffmpeg_args``."""
    path = _workdir() / name
    if not path.exists():
        subprocess.run(
            [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
            + [*ffmpeg_args, str(path)],
            check=True,
        )
    return path


def _encode(name: str, *codec_args: str) -> bytes:
    return _made(name, *GREEN_WITH_TONE, *codec_args).read_bytes()


def mp4_h264_aac() -> bytes:
    return _encode("ok.mp4", *X264, "-c:a", "aac")


def webm_vp9_opus() -> bytes:
    return _encode("ok.webm", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus")


def mp4_mpeg4_part2() -> bytes:
    """MPEG-4 Part 2 video in an MP4 container: browsers cannot play it, the worker can
    transcode it."""
    return _encode("part2.mp4", "-c:v", "mpeg4", "-c:a", "aac")


def mkv_mpeg4_part2() -> bytes:
    """A Matroska master with a codec no browser plays: accepted, and transcoded."""
    return _encode("part2.mkv", "-c:v", "mpeg4", "-c:a", "aac")


def tiny_mp4() -> bytes:
    """160 × 90: a real video, too small to become a film."""
    return _made(
        "tiny.mp4", "-f", "lavfi", "-i", "color=c=green:s=160x90:d=1:r=10", *X264
    ).read_bytes()


def not_a_video() -> bytes:
    return b"%PDF-1.4\n% this is a document renamed to .mp4, not a film\n" * 20


def audio_only() -> bytes:
    """Sound without a picture (an M4A renamed .mp4)."""
    return _made(
        "audio-only.mp4", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac"
    ).read_bytes()


def truncated_mp4() -> bytes:
    """The first 40 % of an MP4 written without faststart: its index (moov) never arrived."""
    data = _made(
        "no-faststart.mp4", "-f", "lavfi", "-i", "testsrc2=s=480x270:d=2:r=25", *X264
    ).read_bytes()
    return data[: len(data) * 2 // 5]


def long_1080p() -> bytes:
    """20 s at 1920 × 1080: long enough to be caught in the middle of transcoding."""
    return _made(
        "long-1080p.mp4",
        *("-f", "lavfi", "-i", "testsrc2=s=1920x1080:d=20:r=25"),
        *("-f", "lavfi", "-i", "sine=frequency=330:duration=20"),
        *X264,
        *("-c:a", "aac"),
    ).read_bytes()
