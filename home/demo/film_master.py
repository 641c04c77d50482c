"""Demo films' masters, made locally with the ffmpeg binary that imageio-ffmpeg ships.

Title cards over moving colour with a soft tone, at 1920 × 1080 for 20 seconds (setting
``PORTAL_DEMO_FILM``, "WIDTHxHEIGHT:SECONDS"; the tests use a small one): a master as an
agency would upload it, which then goes through the same pipeline as any upload
(``home.films.tasks``). Nothing is downloaded and no video is committed. The campaign's film
and the home page's sign-language placeholder are made here, each with its own cards.
"""

import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg
from django.conf import settings

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
# A film's title cards: (start, end, text), start and end as shares of the film's length.
Cards = list[tuple[float, float, str]]


def _timestamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{rest:06.3f}"


def title_card_captions(cards: Cards, cues: list[str], longest: int | None = None) -> str:
    """WebVTT for a demo film: one cue per title card, timed to the film's length."""
    duration = demo_film_format(longest)[2]
    blocks = [
        f"{number}\n{_timestamp(start * duration)} --> {_timestamp(end * duration)}\n{text}"
        for number, ((start, end, _card), text) in enumerate(zip(cards, cues, strict=True), 1)
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def demo_film_format(longest: int | None = None, smallest: bool = False) -> tuple[int, int, int]:
    """(width, height, seconds) of a demo master, at most ``longest`` seconds long, and at
    most 640 × 360 when ``smallest`` (a placeholder needs no high definition)."""
    size, _sep, seconds = settings.PORTAL_DEMO_FILM.partition(":")
    width, height = (int(n) for n in size.split("x"))
    if smallest and height > 360:
        width, height = 640, 360
    return width, height, min(int(seconds), longest or int(seconds))


def _drawtext(text, start, end, height):
    return (
        f"drawtext=fontfile={FONT}:text='{text}':fontcolor=white:fontsize={height // 7}:"
        "borderw=3:bordercolor=0x073640:x=(w-text_w)/2:y=(h-text_h)/2:"
        f"enable='between(t,{start},{end})'"
    )


def ffmpeg_command(
    cards: Cards, output: Path, longest: int | None = None, smallest: bool = False
) -> list[str]:
    width, height, duration = demo_film_format(longest, smallest)
    title_cards = ",".join(
        _drawtext(text, start * duration, end * duration, height) for start, end, text in cards
    )
    return [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"gradients=s={width}x{height}:d={duration}:r=25:speed=0.03:"
        "c0=0x0b4f5c:c1=0xffd24a:c2=0x2f7a3a",
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
        "20",
        "-c:a",
        "aac",
        "-b:a",
        "192k",
        "-movflags",
        "+faststart",
        "-progress",
        "pipe:1",
        "-nostats",
        str(output),
    ]


def encode_title_card_film(
    cards: Cards, name: str, log, longest: int | None = None, smallest: bool = False
) -> Path:
    """Encode a demo master (at most ``longest`` seconds; 640 × 360 at most if ``smallest``)
    into a temporary file ``name``, reporting progress; returns its path (the caller removes
    its folder)."""
    duration = demo_film_format(longest)[2]
    output = Path(tempfile.mkdtemp(prefix="portal-film-")) / name
    process = subprocess.Popen(
        ffmpeg_command(cards, output, longest, smallest),
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
                log(f"  making the demo master: {percent} %")
    errors = process.stderr.read()
    if process.wait() != 0:
        raise RuntimeError(f"ffmpeg failed to encode the demo film: {errors.strip()}")
    log("  making the demo master: done")
    return output
