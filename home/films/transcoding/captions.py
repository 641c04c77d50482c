"""SubRip (.srt) captions to WebVTT, the only caption format browsers read.

Editors receive captions as SRT from subtitling services and editing software; converting
on upload spares them a conversion tool. A malformed file is refused with the caption's
number rather than half converted: a player silently skips cues it cannot parse, so
visitors would miss captions without anyone noticing.
"""

import re

from django.utils.translation import gettext as _

# SubRip writes "00:01:02,500"; some tools write a dot or a single-digit hour.
SRT_TIME = r"(\d{1,}):([0-5]\d):([0-5]\d)[,.](\d{3})"
SRT_TIMING = re.compile(rf"^{SRT_TIME}[ \t]*-->[ \t]*{SRT_TIME}(?:[ \t].*)?$")


def srt_to_webvtt(text: str) -> str:
    """The WebVTT version of SubRip ``text``; ``ValueError`` with a message for editors if
    the file is malformed."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    cues = []
    for number, block in enumerate(_blocks(text), start=1):
        lines = block
        if lines[0].strip().isdigit():
            number, lines = int(lines[0].strip()), lines[1:]
        timing = SRT_TIMING.match(lines[0].strip()) if lines else None
        if timing is None:
            raise ValueError(
                _(
                    "Caption %(number)s has no valid timing line. Write it as "
                    "“00:00:01,000 --> 00:00:04,000”; found “%(line)s”."
                )
                % {"number": number, "line": (lines[0] if lines else "").strip()[:60]}
            )
        start, end = _milliseconds(timing.groups()[:4]), _milliseconds(timing.groups()[4:])
        if end <= start:
            raise ValueError(
                _("Caption %(number)s ends before it starts (%(timing)s).")
                % {"number": number, "timing": lines[0].strip()}
            )
        # "-->" inside the text would be read as a timing line by players.
        cue_text = "\n".join(line.replace("-->", "→") for line in lines[1:]).strip()
        if cue_text:  # subtitling tools sometimes export empty cues; they show nothing
            cues.append(f"{_timestamp(start)} --> {_timestamp(end)}\n{cue_text}")
    if not cues:
        raise ValueError(_("This SRT file contains no captions."))
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _milliseconds(parts: tuple[str, ...]) -> int:
    hours, minutes, seconds, millis = (int(part) for part in parts)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def _timestamp(milliseconds: int) -> str:
    seconds, millis = divmod(milliseconds, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
