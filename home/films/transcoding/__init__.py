"""The transcoding core of the film pipeline: from an uploaded master to what visitors play.

A master (MP4, MOV, MKV or WebM, any codec the shipped ffmpeg decodes) becomes
- an HLS ladder with fMP4 (CMAF) segments, H.264 + AAC, 360p up to the master's own size,
  so every connection gets the best picture it can carry and phones on a weak line still
  start quickly;
- one progressive MP4 (at most 720p) for players without HLS and for downloads;
- three poster candidates for the editor to choose from.

It works on local paths only and knows nothing of Django models or storage: the worker
(``home.films.tasks``) copies the outputs into storage. Errors an editor can act on are
``MasterError`` with a translated message.

- ``probe``: what a master is, and whether it can become a film
- ``ladder``: the renditions and their frame sizes
- ``encode``: the ffmpeg runs (``transcode``)
- ``verify``: the check of the result before it is stored
- ``captions``: SubRip to WebVTT
"""

from home.films.transcoding.captions import srt_to_webvtt
from home.films.transcoding.encode import Output, transcode
from home.films.transcoding.ladder import LADDER, Rung, frame_size, ladder_for
from home.films.transcoding.probe import MasterError, MasterInfo, probe_master
from home.films.transcoding.verify import verify_output

__all__ = [
    "LADDER",
    "MasterError",
    "MasterInfo",
    "Output",
    "Rung",
    "frame_size",
    "ladder_for",
    "probe_master",
    "srt_to_webvtt",
    "transcode",
    "verify_output",
]
