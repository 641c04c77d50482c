"""A hung ffmpeg is killed: the worker does one task at a time, so a run that never ends
would hold every film queued behind it."""

import os
import time

import pytest

from home.films.transcoding import ffmpeg

pytestmark = pytest.mark.nodb


def test_ffmpeg_silent_for_too_long_is_killed_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(ffmpeg, "STALL_SECONDS", 2)
    fifo = tmp_path / "never-written"
    os.mkfifo(fifo)  # reading it blocks for ever, as a hung input would
    started = time.monotonic()
    with pytest.raises(ffmpeg.FfmpegStalled):
        ffmpeg.run_ffmpeg(["-f", "mpegts", "-i", str(fifo), "out.mp4"], cwd=tmp_path)
    assert time.monotonic() - started < 10


def test_a_run_that_reports_progress_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(ffmpeg, "STALL_SECONDS", 2)
    result = ffmpeg.run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc2=s=320x180:d=3:r=25", "-c:v", "libx264", "out.mp4"],
        cwd=tmp_path,
        duration=3,
    )
    assert result.written == pytest.approx(3, abs=0.2)
