"""What a master is, read with PyAV before any encoding starts.

Probing first turns the common upload mistakes (a sound file, a thumbnail-sized clip, a file
that is no video at all) into a message for the editor within a second, instead of a failed
ffmpeg run minutes later. PyAV is used because the shipped ffmpeg comes without ffprobe.
"""

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
from django.utils.translation import gettext as _

# Smaller masters would look blurred even in the smallest rung of the ladder.
MIN_LONG_SIDE = 480
MIN_SHORT_SIDE = 270
MIN_DURATION = 1.0


class MasterError(Exception):
    """A master that cannot become a film; str(error) is a message for editors."""


@dataclass(frozen=True)
class MasterInfo:
    duration: float  # seconds
    # Display size: sample aspect ratio and rotation applied, as a player shows the picture.
    width: int
    height: int
    fps: float
    has_audio: bool
    video_codec: str
    audio_codec: str | None


def probe_master(path: Path) -> MasterInfo:
    """Facts about a master; ``MasterError`` when it cannot become a film."""
    info = _read(path)
    if info.width < info.height:
        long_side, short_side = info.height, info.width
    else:
        long_side, short_side = info.width, info.height
    if long_side < MIN_LONG_SIDE or short_side < MIN_SHORT_SIDE:
        raise MasterError(
            _(
                "The video is only %(width)s × %(height)s pixels. It needs at least "
                "%(long)s × %(short)s pixels (%(short)s × %(long)s when filmed upright). "
                "Export it in a higher resolution and upload it again."
            )
            % {
                "width": info.width,
                "height": info.height,
                "long": MIN_LONG_SIDE,
                "short": MIN_SHORT_SIDE,
            }
        )
    if info.duration < MIN_DURATION:
        raise MasterError(_("The video is shorter than one second. Upload a longer film."))
    return info


def _read(path: Path) -> MasterInfo:
    try:
        with av.open(str(path), mode="r") as container:
            pictures = _moving_pictures(container)
            if not pictures:
                if container.streams.audio:
                    raise MasterError(
                        _(
                            "This file has sound but no picture. Upload the video itself, "
                            "not only its sound track."
                        )
                    )
                raise MasterError(
                    _("This file contains no video. Upload an MP4, MOV, MKV or WebM film.")
                )
            video = pictures[0]
            audio = container.streams.audio[0] if container.streams.audio else None
            # Rotation is only exposed on decoded frames; the first frame is cheap and also
            # proves that the video can be decoded at all.
            first_frame = next(container.decode(video), None)
            if first_frame is None:
                raise ValueError("no decodable video frame")
            width, height = _display_size(
                first_frame.width, first_frame.height, video.sample_aspect_ratio
            )
            if abs(first_frame.rotation) % 180 == 90:
                width, height = height, width
            duration = _duration(container, video)
            return MasterInfo(
                duration=duration,
                width=width,
                height=height,
                fps=float(video.guessed_rate or video.average_rate or 0),
                has_audio=audio is not None,
                video_codec=video.codec_context.name,
                audio_codec=audio.codec_context.name if audio is not None else None,
            )
    except MasterError:
        raise
    except (av.FFmpegError, OSError, ValueError, StopIteration) as error:
        raise MasterError(
            _(
                "This file cannot be read as a video: it is damaged, incomplete or not a "
                "video at all. Export the film again (MP4, MOV, MKV or WebM) and upload it "
                "once more."
            )
        ) from error


def _moving_pictures(container) -> list:
    """Video streams that are not cover art: an MP4 with a thumbnail lists the image as a
    video stream, often first. ffmpeg's ``V`` stream specifier skips the same streams."""
    still = av.stream.Disposition.attached_pic | av.stream.Disposition.timed_thumbnails
    return [stream for stream in container.streams.video if not stream.disposition & still]


def _display_size(width: int, height: int, sample_aspect: Fraction | None) -> tuple[int, int]:
    """Anamorphic video (DV, some broadcast exports) stores narrower pixels than it shows."""
    if sample_aspect and sample_aspect != 1:
        width = round(width * sample_aspect)
    return width, height


def _duration(container, video) -> float:
    if container.duration:
        return container.duration / av.time_base
    if video.duration and video.time_base:
        return float(video.duration * video.time_base)
    raise MasterError(
        _("The length of this video cannot be read. Export it again and upload it once more.")
    )
