"""Upload checks for films and caption files, by content rather than by file name.

A renamed file or a codec browsers cannot decode would give visitors a broken player, so a
video is opened with PyAV (FFmpeg's demuxers) and its container and codecs are compared with
what current browsers play. Caption files are parsed here because webvtt-py silently drops
malformed cues: a file that "loads" may still show no captions at all.
"""

import re

import av
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Container (as FFmpeg names the demuxer) -> (video codecs, audio codecs) browsers play.
PLAYABLE = {
    "mp4": ({"h264"}, {"aac"}),
    "webm": ({"vp8", "vp9", "av1"}, {"opus", "vorbis"}),
}
DEFAULT_MAX_UPLOAD_MB = 500


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


def _container_of(format_name: str) -> str | None:
    names = set(format_name.split(","))
    if "webm" in names or "matroska" in names:
        return "webm"
    if "mp4" in names or "mov" in names:
        return "mp4"
    return None


def probe_video(value) -> dict:
    """Container and codecs of a video file; ``ValidationError`` when it is not a video."""
    upload = getattr(value, "file", value)
    try:
        with av.open(_open_source(value), mode="r") as container:
            video = [s.codec_context.name for s in container.streams.video]
            audio = [s.codec_context.name for s in container.streams.audio]
            info = {
                "container": _container_of(container.format.name),
                "format": container.format.name,
                "video": video,
                "audio": audio,
                "duration": (container.duration or 0) / 1_000_000,
            }
    except (av.FFmpegError, ValueError, OSError) as error:
        raise ValidationError(
            _("This file is not a video we can read. Upload an MP4 (H.264/AAC) or WebM file."),
            code="not_a_video",
        ) from error
    finally:
        if hasattr(upload, "seek"):
            upload.seek(0)
    if not info["video"]:
        raise ValidationError(
            _("This file contains no video picture. Upload an MP4 (H.264/AAC) or WebM file."),
            code="not_a_video",
        )
    return info


def validate_video_file(value):
    """Refuse files over the size limit and videos that browsers cannot play."""
    if not _is_new_upload(value):
        return
    if value.size > max_upload_bytes():
        raise ValidationError(
            _("The video is %(size)s; at most %(limit)s are allowed.")
            % {"size": filesizeformat(value.size), "limit": filesizeformat(max_upload_bytes())},
            code="too_large",
        )
    info = probe_video(value)
    container = info["container"]
    if container is None:
        raise ValidationError(
            _("Browsers cannot play the format “%(format)s”. Upload an MP4 or WebM file.")
            % {"format": info["format"]},
            code="unplayable_container",
        )
    video_ok, audio_ok = PLAYABLE[container]
    bad = [c for c in info["video"] if c not in video_ok]
    bad += [c for c in info["audio"] if c not in audio_ok]
    if bad:
        raise ValidationError(
            _(
                "Browsers cannot play the codec “%(codec)s” in a %(container)s file. Use "
                "H.264 video with AAC sound in MP4, or VP8/VP9/AV1 with Opus/Vorbis in WebM."
            )
            % {"codec": ", ".join(bad), "container": container.upper()},
            code="unplayable_codec",
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


def validate_webvtt_file(value):
    """Refuse caption files that are not valid WebVTT (checked on upload only)."""
    if not _is_new_upload(value):
        return
    if value.size > 2 * 1024**2:
        raise ValidationError(_("A caption file may be at most 2 MB."), code="too_large")
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
    parse_webvtt(text)
