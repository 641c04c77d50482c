"""Upload checks for film masters and caption files, by content rather than by file name.

A master may be any video the worker's ffmpeg can decode (MP4, MOV, MKV, WebM; ProRes,
H.264, HEVC, VP9, …): the worker transcodes it for browsers (``home.films.tasks``). What
can be told at once is refused at once, so the editor need not wait for the worker to say
it: a file that is no video, a video without a picture, one too small to become a film.
Caption files are parsed here because webvtt-py silently drops malformed cues: a file that
"loads" may still show no captions at all. SubRip (.srt) files are accepted and stored as
WebVTT (``home.films.captions``).
"""

import re

import av
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.films.transcoding import srt_to_webvtt

DEFAULT_MAX_UPLOAD_MB = 500
# The smallest picture worth transcoding: below it the lowest rendition (360p) would be an
# upscaled blur. The worker checks the same (home.films.transcoding).
MIN_WIDTH, MIN_HEIGHT = 480, 270


def max_upload_bytes() -> int:
    return int(getattr(settings, "PORTAL_FILM_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)) * 1024**2


def _is_new_upload(value) -> bool:
    """Only files being uploaded are probed; stored files were checked when they arrived."""
    return bool(value) and not getattr(value, "_committed", True)


def _open_source(value):
    upload = getattr(value, "file", value)
    path = getattr(upload, "temporary_file_path", None)
    if callable(path):
        return path()
    upload.seek(0)
    return upload


def probe_video(value) -> dict:
    """Container and codecs of a video file; ``ValidationError`` when it is not a video."""
    upload = getattr(value, "file", value)
    try:
        with av.open(_open_source(value), mode="r") as container:
            video = [s.codec_context.name for s in container.streams.video]
            audio = [s.codec_context.name for s in container.streams.audio]
            first = container.streams.video[0].codec_context if video else None
            info = {
                "format": container.format.name,
                "video": video,
                "audio": audio,
                "size": (first.width, first.height) if first else (0, 0),
                "duration": (container.duration or 0) / 1_000_000,
            }
    except (av.FFmpegError, ValueError, OSError) as error:
        raise ValidationError(
            _("This file is not a video we can read. Upload the film as MP4, MOV, MKV or WebM."),
            code="not_a_video",
        ) from error
    finally:
        if hasattr(upload, "seek"):
            upload.seek(0)
    if not info["video"]:
        raise ValidationError(
            _(
                "This file has sound but no picture. Upload the film itself (MP4, MOV, MKV "
                "or WebM)."
            ),
            code="not_a_video",
        )
    return info


def validate_video_file(value):
    """Refuse files over the size limit, files that are no video, and pictures too small."""
    if not _is_new_upload(value):
        return
    if value.size > max_upload_bytes():
        raise ValidationError(
            _("The video is %(size)s; at most %(limit)s are allowed.")
            % {"size": filesizeformat(value.size), "limit": filesizeformat(max_upload_bytes())},
            code="too_large",
        )
    info = probe_video(value)
    width, height = info["size"]
    if min(width, height) < MIN_HEIGHT or max(width, height) < MIN_WIDTH:
        raise ValidationError(
            _(
                "The picture is only %(width)s × %(height)s pixels; a film needs at least "
                "%(min_width)s × %(min_height)s (1920 × 1080 is best)."
            )
            % {"width": width, "height": height, "min_width": MIN_WIDTH, "min_height": MIN_HEIGHT},
            code="too_small",
        )


TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
CUE_TIMING = re.compile(rf"^({TIMESTAMP})[ \t]+-->[ \t]+({TIMESTAMP})(?:[ \t]+.*)?$")


def _seconds(stamp: str) -> float:
    parts = stamp.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def parse_webvtt(text: str) -> list[tuple[float, float, str]]:
    """Cues as (start, end, text). Raises ``ValidationError`` naming the first problem.

    Stricter than webvtt-py on purpose: a malformed timing line is an error here, not a
    silently dropped cue.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise ValidationError(
            _("This is not a WebVTT file: the first line must be “WEBVTT”."), code="no_header"
        )
    cues, blocks, current = [], [], []
    for line in lines[1:]:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    for block in blocks:
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_index = 0 if "-->" in block[0] else 1
        if timing_index >= len(block) or "-->" not in block[timing_index]:
            raise ValidationError(
                _("Caption “%(text)s” has no valid timing line (“00:00:01.000 --> 00:00:04.000”).")
                % {"text": block[0][:60]},
                code="bad_timing",
            )
        timing = block[timing_index].strip()
        match = CUE_TIMING.match(timing)
        if not match:
            raise ValidationError(
                _(
                    "Invalid caption timing “%(timing)s”: write it as "
                    "“00:00:01.000 --> 00:00:04.000”."
                )
                % {"timing": timing[:60]},
                code="bad_timing",
            )
        start, end = _seconds(match.group(1)), _seconds(match.group(2))
        if start >= end:
            raise ValidationError(
                _("Caption timing “%(timing)s” ends before it starts.") % {"timing": timing},
                code="bad_timing",
            )
        cue_text = "\n".join(block[timing_index + 1 :]).strip()
        if not cue_text:
            raise ValidationError(
                _("Caption at %(timing)s has no text.") % {"timing": timing}, code="empty_cue"
            )
        cues.append((start, end, cue_text))
    if not cues:
        raise ValidationError(_("This WebVTT file contains no captions."), code="no_cues")
    return cues


def is_subrip(value) -> bool:
    return str(getattr(value, "name", "")).lower().endswith(".srt")


def caption_text(value) -> str:
    """The uploaded caption file as WebVTT text: SubRip is converted, WebVTT kept."""
    upload = getattr(value, "file", value)
    upload.seek(0)
    raw = upload.read()
    upload.seek(0)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Caption files must be saved as UTF-8 text."), code="encoding"
        ) from error
    if not is_subrip(value):
        return text
    try:
        return srt_to_webvtt(text)
    except ValueError as error:
        raise ValidationError(str(error), code="bad_srt") from error


def validate_webvtt_file(value):
    """Refuse caption files that are not valid WebVTT or SubRip (checked on upload only)."""
    if not _is_new_upload(value):
        return
    if value.size > 2 * 1024**2:
        raise ValidationError(_("A caption file may be at most 2 MB."), code="too_large")
    parse_webvtt(caption_text(value))
