"""Running the shipped ffmpeg: lower priority, progress reports, errors kept for the log.

Transcoding runs on the same machine as the web server, so ffmpeg gets a lower CPU priority:
pages stay fast and the film simply takes a little longer. ffmpeg's ``-progress`` report
(key=value lines on stdout) is the only reliable progress source; stderr goes to a temporary
file so that neither pipe can fill up and stall ffmpeg.
"""

import ctypes
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

logger = logging.getLogger(__name__)

NICENESS = 10
PR_SET_PDEATHSIG = 1  # linux/prctl.h
# The worker writes progress to the database; more than a few reports a second is noise.
PROGRESS_INTERVAL = 0.25
STDERR_TAIL_LINES = 20
# ffmpeg reports progress about twice a second; this long without a report is a hang.
STALL_SECONDS = 120


@dataclass(frozen=True)
class FfmpegRun:
    """``written``: seconds of media ffmpeg wrote, which shows whether it read its input to
    the end (a truncated file can end "successfully"). ``tail``: its last stderr lines."""

    written: float
    tail: str


class FfmpegFailed(Exception):
    """ffmpeg exited with an error; ``tail`` holds the last lines it wrote to stderr."""

    def __init__(self, returncode: int, tail: str):
        super().__init__(f"ffmpeg exited with {returncode}")
        self.returncode = returncode
        self.tail = tail


class FfmpegStalled(Exception):
    """ffmpeg reported no progress for ``STALL_SECONDS`` and was killed: a hung run would
    otherwise hold the worker, and every film queued behind it, for ever."""


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(
    args: Sequence[str],
    *,
    cwd: Path,
    duration: float = 0.0,
    on_progress: Callable[[float], None] | None = None,
) -> FfmpegRun:
    """Run ffmpeg with ``args`` (inputs and outputs); ``FfmpegFailed`` if it exits with an
    error.

    ``on_progress`` gets fractions of ``duration``, increasing, at most every
    ``PROGRESS_INTERVAL`` seconds. An exception raised by it stops ffmpeg and propagates.
    """
    command = [
        ffmpeg_exe(),
        *("-nostdin", "-hide_banner", "-loglevel", "error", "-y"),
        *("-progress", "pipe:1", "-nostats"),
        *args,
    ]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            preexec_fn=_lower_priority,
        )
        watchdog = _Watchdog(process)
        try:
            written = _follow_progress(process.stdout, duration, on_progress, watchdog)
            returncode = process.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            watchdog.stop()
            process.stdout.close()
        tail = _tail(stderr)
    if watchdog.fired:
        raise FfmpegStalled(f"no progress for {STALL_SECONDS} s:\n{tail}")
    if returncode != 0:
        raise FfmpegFailed(returncode, tail)
    return FfmpegRun(written=written, tail=tail)


def _lower_priority() -> None:
    """In the child, before ffmpeg starts: a lower priority, and death with the worker.

    PR_SET_PDEATHSIG makes the kernel kill ffmpeg when the process that started it dies (a
    worker killed or out of memory): no orphan keeps transcoding and writing files nobody
    will collect, while the film is queued again (``tasks.resume_stalled``)."""
    os.nice(NICENESS)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class _Watchdog:
    """Kills ffmpeg once it has been silent for ``STALL_SECONDS`` (``seen()`` on each line)."""

    def __init__(self, process):
        self.process = process
        self.fired = False
        self.last = time.monotonic()
        self.done = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def seen(self):
        self.last = time.monotonic()

    def stop(self):
        self.done.set()

    def _watch(self):
        while not self.done.wait(1.0):
            if time.monotonic() - self.last > STALL_SECONDS and self.process.poll() is None:
                self.fired = True
                self.process.kill()
                return


def _follow_progress(stdout, duration: float, on_progress, watchdog) -> float:
    written = 0.0
    reported, reported_at = 0.0, 0.0
    for line in stdout:
        watchdog.seen()
        key, _sep, value = line.strip().partition("=")
        if key != "out_time_us" or not value.isdigit():
            continue  # "N/A" until the first packet is written
        written = max(written, int(value) / 1_000_000)
        if on_progress is None or duration <= 0:
            continue
        fraction = min(written / duration, 1.0)
        now = time.monotonic()
        if fraction > reported and now - reported_at >= PROGRESS_INTERVAL:
            on_progress(fraction)
            reported, reported_at = fraction, now
    return written


def _tail(stderr) -> str:
    stderr.seek(0)
    return "\n".join(stderr.read().splitlines()[-STDERR_TAIL_LINES:])
