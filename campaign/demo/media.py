"""The demo film, made locally with the ffmpeg binary that imageio-ffmpeg ships.

A 12-second title card over moving colour with a soft tone, encoded as MP4 (H.264/AAC,
``+faststart`` so playback starts before the whole file is loaded). Nothing is downloaded
and no video is committed: the film is generated when the demo content is loaded (~1 s).
"""

import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg

DURATION = 12
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
# (start, end, text) of the title cards, German only: the English version differs in its
# captions, not in its pictures.
CARDS = [
    (0.0, 3.5, "Die Lausitz."),
    (3.5, 7.5, "Krasse Gegend."),
    (7.5, 12.0, "Hier wächst was."),
]


def _drawtext(text, start, end):
    return (
        f"drawtext=fontfile={FONT}:text='{text}':fontcolor=white:fontsize=54:"
        "borderw=3:bordercolor=0x073640:x=(w-text_w)/2:y=(h-text_h)/2:"
        f"enable='between(t,{start},{end})'"
    )


def ffmpeg_command(output: Path, duration: int = DURATION) -> list[str]:
    title_cards = ",".join(_drawtext(text, start, end) for start, end, text in CARDS)
    return [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"gradients=s=640x360:d={duration}:r=25:speed=0.03:c0=0x0b4f5c:c1=0xffd24a:c2=0x2f7a3a",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency=220:duration={duration}:sample_rate=48000",
        "-filter_complex",
        f"[0:v]{title_cards},format=yuv420p[v];"
        f"[1:a]volume=0.15,afade=t=out:st={duration - 1}:d=1[a]",
        "-map",
        "[v]",
        "-map",
        "[a]",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "28",
        "-c:a",
        "aac",
        "-b:a",
        "96k",
        "-movflags",
        "+faststart",
        "-progress",
        "pipe:1",
        "-nostats",
        str(output),
    ]


def encode_demo_film(log, duration: int = DURATION) -> Path:
    """Encode the demo film into a temporary file, reporting progress; returns its path."""
    output = Path(tempfile.mkdtemp(prefix="portal-film-")) / "krasse-gegend.mp4"
    process = subprocess.Popen(
        ffmpeg_command(output, duration),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported = -1
    for line in process.stdout:
        key, _sep, value = line.strip().partition("=")
        if key == "out_time_us" and value.isdigit():
            percent = min(100, int(int(value) / 10_000 / duration))
            if percent // 25 > reported:
                reported = percent // 25
                log(f"  encoding demo film: {percent} %")
    errors = process.stderr.read()
    if process.wait() != 0:
        raise RuntimeError(f"ffmpeg failed to encode the demo film: {errors.strip()}")
    log("  encoding demo film: done")
    return output
