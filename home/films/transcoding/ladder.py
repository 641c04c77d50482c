"""The renditions a film is offered in, and their frame sizes.

The 360p rung stays below 0.8 Mbit/s in total (video peak plus sound) so that a film still
plays on a weak mobile connection in the countryside; the player switches up when the
connection allows. Masters are never scaled up: a rung larger than the master would only
cost storage and bandwidth without showing more detail.
"""

from dataclasses import dataclass, replace

from home.films.transcoding.probe import MasterInfo


@dataclass(frozen=True)
class Rung:
    """One rendition of the ladder.

    ``height`` is the picture's shorter side: the lines of a landscape film, the width of a
    film shot upright. So an upright phone video gets the same quality steps as a landscape one.
    """

    name: str
    height: int
    video_kbps: int
    maxrate_kbps: int
    audio_kbps: int


LADDER: tuple[Rung, ...] = (
    Rung("360p", 360, video_kbps=600, maxrate_kbps=700, audio_kbps=64),
    Rung("540p", 540, video_kbps=1400, maxrate_kbps=1600, audio_kbps=96),
    Rung("720p", 720, video_kbps=2800, maxrate_kbps=3200, audio_kbps=128),
    Rung("1080p", 1080, video_kbps=5000, maxrate_kbps=5800, audio_kbps=128),
)

# The progressive fallback is one file for every device, so it stops at 720p.
FALLBACK_SHORT_SIDE = 720
# Wide enough for the largest place a poster is shown; the image library makes the rest.
POSTER_MAX_WIDTH = 1280


def ladder_for(info: MasterInfo) -> list[Rung]:
    """The rungs up to the master's own size (its shorter side)."""
    short_side = min(info.width, info.height)
    rungs = [rung for rung in LADDER if rung.height <= short_side]
    if rungs:
        return rungs
    # Between the minimum size and 360 lines: one rung at the master's own size.
    own = short_side - short_side % 2
    return [replace(LADDER[0], name=f"{own}p", height=own)]


def frame_size(info: MasterInfo, short_side: int) -> tuple[int, int]:
    """Width and height for a rendition whose shorter side is ``short_side``, keeping the
    master's aspect ratio; both even, as H.264 in 4:2:0 requires."""
    short_side -= short_side % 2  # round down: never larger than the master
    if info.width >= info.height:
        return _even(short_side * info.width / info.height), short_side
    return short_side, _even(short_side * info.height / info.width)


def fallback_size(info: MasterInfo) -> tuple[int, int]:
    """Frame size of the progressive MP4: 720p, or the master's size when it is smaller."""
    return frame_size(info, min(FALLBACK_SHORT_SIDE, info.width, info.height))


def poster_size(info: MasterInfo) -> tuple[int, int]:
    """Poster candidates: the master's size, at most ``POSTER_MAX_WIDTH`` wide."""
    if info.width <= POSTER_MAX_WIDTH:
        return info.width - info.width % 2, info.height - info.height % 2
    return POSTER_MAX_WIDTH, _even(POSTER_MAX_WIDTH * info.height / info.width)


def _even(value: float) -> int:
    return max(2, 2 * round(value / 2))
