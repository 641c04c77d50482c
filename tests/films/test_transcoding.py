"""The transcoding core, run on real clips with the shipped ffmpeg: what an uploaded master
becomes (HLS ladder, MP4 fallback, posters) and which masters editors get told to fix.

The clips are tiny and made once per module; every check of an output reads it with PyAV,
independently of the module's own verification.
"""

import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import av
import imageio_ffmpeg
import pytest
from django.utils import translation

from home.films.transcoding import (
    LADDER,
    MasterError,
    MasterInfo,
    frame_size,
    ladder_for,
    probe_master,
    srt_to_webvtt,
    transcode,
    verify_output,
)
from home.films.transcoding.playlists import add_missing_codecs
from home.films.validators import parse_webvtt

pytestmark = pytest.mark.nodb

SEGMENT_LIMIT = 2.0 + 0.15


def _ffmpeg(*args: str) -> None:
    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args],
        check=True,
    )


def _clip(path: Path, size: str, seconds: float, *codec_args: str, audio: bool = True) -> Path:
    inputs = ["-f", "lavfi", "-i", f"testsrc2=s={size}:r=25:d={seconds}"]
    if audio:
        inputs += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    _ffmpeg(*inputs, *codec_args, str(path))
    return path


H264 = ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    folder = tmp_path_factory.mktemp("masters")
    made = SimpleNamespace()
    # 2.5 s: two segments, so the first one is a complete 2 s segment.
    made.full_hd = _clip(folder / "full_hd.mp4", "1920x1080", 2.5, *H264, "-c:a", "aac")
    made.hd = _clip(folder / "hd.mp4", "1280x720", 4.5, *H264, "-c:a", "aac")
    made.silent = _clip(folder / "silent.mp4", "640x360", 2, *H264, audio=False)
    made.small = _clip(folder / "small.mp4", "160x90", 2, *H264, "-c:a", "aac")
    made.short = _clip(folder / "short.mp4", "640x360", 0.5, *H264, "-c:a", "aac")
    made.prores_mov = _clip(
        folder / "prores.mov", "640x360", 2, "-c:v", "prores_ks", "-c:a", "pcm_s16le"
    )
    made.mpeg4_mkv = _clip(folder / "mpeg4.mkv", "640x360", 2, "-c:v", "mpeg4", "-c:a", "mp3")
    made.vp9_webm = _clip(
        folder / "vp9.webm", "640x360", 2, "-c:v", "libvpx-vp9", "-deadline", "realtime",
        "-c:a", "libopus",
    )  # fmt: skip
    made.anamorphic = _clip(
        folder / "anamorphic.mp4", "720x576", 1.5, "-vf", "setsar=16/11", *H264, audio=False
    )
    # A phone filming upright stores landscape pixels and a 90° display rotation.
    made.upright = folder / "upright.mp4"
    _ffmpeg("-display_rotation:v:0", "90", "-i", str(made.silent), "-c", "copy", str(made.upright))
    made.audio_only = folder / "audio_only.mp4"
    _ffmpeg("-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac", str(made.audio_only))
    made.random_bytes = folder / "random.mp4"
    made.random_bytes.write_bytes(os.urandom(200_000))
    # Without faststart the index (moov) is at the end: cut off, nothing can be read.
    made.mp4_without_index = folder / "without_index.mp4"
    whole = made.hd.read_bytes()
    made.mp4_without_index.write_bytes(whole[: int(len(whole) * 0.4)])
    # Matroska writes its header first: the start of the film plays, the rest is gone.
    long_mkv = _clip(folder / "long.mkv", "640x360", 4, "-c:v", "mpeg4", "-c:a", "mp3")
    made.mkv_cut_in_the_middle = folder / "cut.mkv"
    whole = long_mkv.read_bytes()
    made.mkv_cut_in_the_middle.write_bytes(whole[: len(whole) // 2])
    return made


@pytest.fixture(autouse=True)
def _in_english():
    """The messages are asserted in their English source text, whatever has been translated."""
    with translation.override("en"):
        yield


class Transcoded(SimpleNamespace):
    """A transcode run's output, folder, probe result and progress reports."""


def _transcode(master: Path, out_dir: Path) -> Transcoded:
    info = probe_master(master)
    reports = []
    output = transcode(master, out_dir, info, reports.append)
    return Transcoded(output=output, out=out_dir, info=info, reports=reports)


@pytest.fixture(scope="module")
def full_hd(clips, tmp_path_factory):
    return _transcode(clips.full_hd, tmp_path_factory.mktemp("full_hd"))


@pytest.fixture(scope="module")
def hd(clips, tmp_path_factory):
    return _transcode(clips.hd, tmp_path_factory.mktemp("hd"))


def _master_playlist(path: Path) -> dict[str, dict[str, str]]:
    """URI -> attributes of every variant, parsed here rather than by the module."""
    text = path.read_text()
    variants = re.findall(r"#EXT-X-STREAM-INF:(.*)\n(\S+)", text)
    return {
        uri: dict(re.findall(r'([A-Z-]+)=("[^"]*"|[^,]*)', attributes))
        for attributes, uri in variants
    }


def _segments(playlist: Path) -> tuple[str, list[tuple[str, float]]]:
    text = playlist.read_text()
    init = re.search(r'#EXT-X-MAP:URI="([^"]+)"', text).group(1)
    segments = [(uri, float(d)) for d, uri in re.findall(r"#EXTINF:([\d.]+),\n(\S+)", text)]
    return init, segments


def _streams(source) -> dict:
    """Codec names and the first frame's size of a media file (path or bytes)."""
    with av.open(io.BytesIO(source) if isinstance(source, bytes) else str(source)) as media:
        frame = next(media.decode(video=0))
        return {
            "video": [s.codec_context.name for s in media.streams.video],
            "audio": [s.codec_context.name for s in media.streams.audio],
            "size": (frame.width, frame.height),
            "sample_rate": [s.codec_context.sample_rate for s in media.streams.audio],
            "channels": [s.codec_context.channels for s in media.streams.audio],
        }


def _start_of(playlist: Path) -> dict:
    """What a player gets from a rendition's init segment and first media segment."""
    init, segments = _segments(playlist)
    data = (playlist.parent / init).read_bytes() + (playlist.parent / segments[0][0]).read_bytes()
    return _streams(data)


def _top_level_boxes(path: Path) -> list[str]:
    boxes, data, offset = [], path.read_bytes(), 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        boxes.append(data[offset + 4 : offset + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[offset + 8 : offset + 16], "big")
        offset += size or len(data)
    return boxes


# Probing ---------------------------------------------------------------------------------


def test_probe_of_full_hd_master(clips):
    info = probe_master(clips.full_hd)
    assert (info.width, info.height, info.fps) == (1920, 1080, 25.0)
    assert info.duration == pytest.approx(2.5, abs=0.1)
    assert info.has_audio and (info.video_codec, info.audio_codec) == ("h264", "aac")


def test_probe_reports_a_phone_video_filmed_upright_in_its_display_size(clips):
    info = probe_master(clips.upright)
    assert (info.width, info.height) == (360, 640)
    assert not info.has_audio and info.audio_codec is None


def test_probe_reports_anamorphic_video_in_its_display_size(clips):
    info = probe_master(clips.anamorphic)  # 720 x 576 pixels, each 16/11 as wide as high
    assert (info.width, info.height) == (1047, 576)


def test_audio_only_file_is_refused_as_sound_without_picture(clips):
    with pytest.raises(MasterError, match="has sound but no picture"):
        probe_master(clips.audio_only)


def test_too_small_video_is_refused_with_its_size_and_the_minimum(clips):
    with pytest.raises(MasterError) as refused:
        probe_master(clips.small)
    assert "160 × 90 pixels" in str(refused.value)
    assert "480 × 270" in str(refused.value)


def test_video_shorter_than_a_second_is_refused(clips):
    with pytest.raises(MasterError, match="shorter than one second"):
        probe_master(clips.short)


@pytest.mark.parametrize("name", ["random_bytes", "mp4_without_index"])
def test_file_that_cannot_be_read_is_refused_as_damaged_or_not_a_video(clips, name):
    with pytest.raises(MasterError, match="damaged, incomplete or not a video"):
        probe_master(getattr(clips, name))


# The ladder -------------------------------------------------------------------------------


def _info(width: int, height: int) -> MasterInfo:
    return MasterInfo(10.0, width, height, 25.0, True, "h264", "aac")


def test_lowest_rung_needs_at_most_0_8_mbit_per_second_in_total():
    lowest = LADDER[0]
    assert lowest.name == "360p"
    assert lowest.maxrate_kbps + lowest.audio_kbps <= 800


@pytest.mark.parametrize(
    ("width", "height", "names"),
    [
        (1920, 1080, ["360p", "540p", "720p", "1080p"]),
        (3840, 2160, ["360p", "540p", "720p", "1080p"]),
        (1280, 720, ["360p", "540p", "720p"]),
        (1000, 562, ["360p", "540p"]),
        (1080, 1920, ["360p", "540p", "720p", "1080p"]),  # upright: the shorter side counts
    ],
)
def test_ladder_stops_at_the_masters_own_size(width, height, names):
    assert [rung.name for rung in ladder_for(_info(width, height))] == names


def test_master_smaller_than_the_lowest_rung_gets_one_rung_at_its_own_size():
    (rung,) = ladder_for(_info(480, 300))
    assert (rung.name, rung.height) == ("300p", 300)
    assert frame_size(_info(480, 300), rung.height) == (480, 300)


@pytest.mark.parametrize(
    ("width", "height", "short_side", "size"),
    [
        (1920, 1080, 360, (640, 360)),
        (1440, 1080, 540, (720, 540)),  # 4:3
        (1080, 1920, 360, (360, 640)),  # upright
        (1998, 1080, 360, (666, 360)),  # cinema 1.85:1
        (2048, 858, 540, (1288, 540)),  # scope: 1288.95 becomes the nearest even width
    ],
)
def test_frame_sizes_keep_the_aspect_ratio_and_are_even(width, height, short_side, size):
    assert frame_size(_info(width, height), short_side) == size


# A full HD master ------------------------------------------------------------------------


def test_full_hd_master_becomes_four_renditions_of_the_right_size_and_codecs(full_hd):
    renditions = full_hd.output.renditions
    assert [(r["name"], r["width"], r["height"]) for r in renditions] == [
        ("360p", 640, 360),
        ("540p", 960, 540),
        ("720p", 1280, 720),
        ("1080p", 1920, 1080),
    ]
    for rendition in renditions:
        start = _start_of(full_hd.out / rendition["playlist"])
        assert start["video"] == ["h264"] and start["audio"] == ["aac"]
        assert start["size"] == (rendition["width"], rendition["height"])
        assert start["sample_rate"] == [48000] and start["channels"] == [2]


def test_master_playlist_lists_exactly_the_renditions_with_bandwidth_resolution_codecs(full_hd):
    master = full_hd.out / full_hd.output.hls_master
    assert full_hd.output.hls_master == "hls/master.m3u8"
    variants = _master_playlist(master)
    assert sorted(variants) == sorted(
        p.relative_to(master.parent).as_posix() for p in master.parent.glob("*/index.m3u8")
    )
    for rendition in full_hd.output.renditions:
        attributes = variants[rendition["playlist"].removeprefix("hls/")]
        assert attributes["RESOLUTION"] == f"{rendition['width']}x{rendition['height']}"
        assert int(attributes["BANDWIDTH"]) == rendition["bandwidth"] > 0
        assert re.fullmatch(r'"avc1\.64[0-9a-f]{4},mp4a\.40\.2"', attributes["CODECS"])


def test_lowest_rendition_measures_below_0_8_mbit_per_second(full_hd):
    assert full_hd.output.renditions[0]["bandwidth"] <= 800_000


def test_segments_last_two_seconds_and_start_at_the_same_instants(full_hd, hd):
    for run in (full_hd, hd):
        durations = []
        for rendition in run.output.renditions:
            _init, segments = _segments(run.out / rendition["playlist"])
            assert all(duration <= SEGMENT_LIMIT for _uri, duration in segments[:-1])
            assert len(segments) >= 2
            durations.append([round(duration, 2) for _uri, duration in segments])
        assert all(d == durations[0] for d in durations), "renditions cut at different times"


def test_mp4_fallback_is_720p_h264_aac_with_its_index_first(full_hd):
    mp4 = full_hd.out / full_hd.output.mp4
    streams = _streams(mp4)
    assert streams["video"] == ["h264"] and streams["audio"] == ["aac"]
    assert streams["size"] == (1280, 720) == (full_hd.output.mp4_width, full_hd.output.mp4_height)
    boxes = _top_level_boxes(mp4)
    assert boxes.index("moov") < boxes.index("mdat")


def test_three_poster_candidates_are_jpegs_at_most_1280_wide(full_hd):
    assert len(full_hd.output.posters) == 3
    for poster in full_hd.output.posters:
        with av.open(str(full_hd.out / poster)) as image:
            assert image.streams.video[0].codec_context.name == "mjpeg"
            frame = next(image.decode(video=0))
        assert (frame.width, frame.height) == (1280, 720)


def test_files_lists_every_file_written_and_nothing_else(full_hd):
    on_disk = sorted(
        p.relative_to(full_hd.out).as_posix() for p in full_hd.out.rglob("*") if p.is_file()
    )
    assert full_hd.output.files == on_disk
    assert "film.mp4" in on_disk and "hls/360p/init_360p.mp4" in on_disk


def test_progress_is_reported_in_increasing_fractions_up_to_one(full_hd, hd):
    for run in (full_hd, hd):
        assert len(run.reports) >= 2
        assert run.reports == sorted(run.reports)
        assert run.reports[0] > 0 and run.reports[-1] == 1.0


# Other masters ----------------------------------------------------------------------------


def test_720p_master_gets_no_rendition_above_its_own_size(hd):
    assert [r["name"] for r in hd.output.renditions] == ["360p", "540p", "720p"]
    assert len(_master_playlist(hd.out / hd.output.hls_master)) == 3
    assert _streams(hd.out / hd.output.mp4)["size"] == (1280, 720)


def test_master_without_sound_gives_renditions_without_audio(clips, tmp_path):
    run = _transcode(clips.silent, tmp_path)
    (rendition,) = run.output.renditions
    start = _start_of(tmp_path / rendition["playlist"])
    assert start["video"] == ["h264"] and start["audio"] == []
    assert _master_playlist(tmp_path / run.output.hls_master)["360p/index.m3u8"]["CODECS"] == (
        f'"{rendition["codecs"]}"'
    )
    assert "mp4a" not in rendition["codecs"]
    assert _streams(tmp_path / run.output.mp4)["audio"] == []


def test_phone_video_filmed_upright_becomes_upright_renditions(clips, tmp_path):
    run = _transcode(clips.upright, tmp_path)
    (rendition,) = run.output.renditions
    assert (rendition["width"], rendition["height"]) == (360, 640)
    assert _start_of(tmp_path / rendition["playlist"])["size"] == (360, 640)
    assert _streams(tmp_path / run.output.mp4)["size"] == (360, 640)


@pytest.mark.parametrize("name", ["prores_mov", "mpeg4_mkv", "vp9_webm"])
def test_masters_in_codecs_browsers_cannot_play_become_h264_and_aac(clips, tmp_path, name):
    run = _transcode(getattr(clips, name), tmp_path)
    start = _start_of(tmp_path / run.output.renditions[0]["playlist"])
    assert (start["video"], start["audio"]) == (["h264"], ["aac"])
    assert _streams(tmp_path / run.output.mp4)["video"] == ["h264"]


# Failures leave nothing behind -------------------------------------------------------------


def test_mkv_cut_in_the_middle_is_refused_as_incomplete_and_leaves_nothing(clips, tmp_path):
    info = probe_master(clips.mkv_cut_in_the_middle)  # the header is intact
    with pytest.raises(MasterError, match="damaged or incomplete: it could not be read"):
        transcode(clips.mkv_cut_in_the_middle, tmp_path / "out", info)
    assert list((tmp_path / "out").iterdir()) == []


def test_file_ffmpeg_cannot_decode_is_refused_and_leaves_nothing(clips, tmp_path, caplog):
    info = _info(1280, 720)
    with pytest.raises(MasterError, match="damaged or incomplete"):
        transcode(clips.random_bytes, tmp_path, info)
    assert list(tmp_path.iterdir()) == []
    assert "ffmpeg failed" in caplog.text


def test_exception_from_progress_callback_stops_the_run_and_leaves_nothing(clips, tmp_path):
    class Superseded(Exception):
        pass

    def stop(fraction):
        raise Superseded

    with pytest.raises(Superseded):
        transcode(clips.hd, tmp_path, probe_master(clips.hd), stop)
    assert list(tmp_path.iterdir()) == []


def test_transcode_refuses_an_out_dir_that_is_not_empty(clips, tmp_path):
    (tmp_path / "keep.txt").write_text("not ours")
    with pytest.raises(ValueError):
        transcode(clips.silent, tmp_path, probe_master(clips.silent))
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


# The final check -------------------------------------------------------------------------


@pytest.fixture
def hd_copy(hd, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(hd.out, out)
    return out, hd.output


def test_verify_accepts_a_complete_output(hd_copy):
    verify_output(*hd_copy)


def test_verify_refuses_a_master_playlist_that_leaves_a_rendition_out(hd_copy, caplog):
    out, output = hd_copy
    master = out / output.hls_master
    master.write_text(
        re.sub(r"#EXT-X-STREAM-INF:[^\n]*\n540p/index.m3u8\n", "", master.read_text())
    )
    with pytest.raises(MasterError, match="did not pass its final check"):
        verify_output(out, output)
    assert "master playlist lists" in caplog.text


def test_verify_refuses_a_rendition_of_the_wrong_size(hd_copy):
    out, output = hd_copy
    output.renditions[0] = {**output.renditions[0], "width": 642}
    with pytest.raises(MasterError):
        verify_output(out, output)


def test_verify_refuses_an_mp4_with_its_index_at_the_end(hd_copy, clips):
    out, output = hd_copy
    shutil.copy(clips.hd, out / output.mp4)  # made without faststart
    with pytest.raises(MasterError):
        verify_output(out, output)


def test_missing_codecs_are_added_to_the_master_playlist_from_the_init_segments(hd_copy):
    out, output = hd_copy
    master = out / output.hls_master
    written_by_ffmpeg = master.read_text()
    master.write_text(re.sub(r',CODECS="[^"]*"', "", written_by_ffmpeg))
    assert add_missing_codecs(master)
    assert master.read_text() == written_by_ffmpeg


# Captions --------------------------------------------------------------------------------

SRT_SAMPLE = (
    "\ufeff1\r\n"
    "00:00:01,000 --> 00:00:03,500\r\n"
    "Willkommen in der Lausitz.\r\n"
    "\r\n"
    "2\r\n"
    "00:00:03,600 --> 00:00:06,250 X1:40 X2:600 Y1:20 Y2:50\r\n"
    "<i>Hier wächst etwas Neues –</i>\r\n"
    "zwischen Tagebau und Spreewald.\r\n"
    "\r\n"
    "3\r\n"
    "01:02:03,004 --> 01:02:05,000\r\n"
    "Ende.\r\n"
)


def test_srt_becomes_webvtt_that_the_strict_parser_accepts():
    vtt = srt_to_webvtt(SRT_SAMPLE)
    assert vtt.startswith("WEBVTT\n\n")
    assert "\r" not in vtt and "\ufeff" not in vtt
    assert parse_webvtt(vtt) == [
        (1.0, 3.5, "Willkommen in der Lausitz."),
        (3.6, 6.25, "<i>Hier wächst etwas Neues –</i>\nzwischen Tagebau und Spreewald."),
        (3723.004, 3725.0, "Ende."),
    ]
    assert "00:00:03.600 --> 00:00:06.250\n" in vtt
    assert not re.search(r"^\d+$", vtt, flags=re.MULTILINE), "counters are dropped"


@pytest.mark.parametrize(
    ("srt", "message"),
    [
        ("1\n00:00:01.000 -> 00:00:02,000\nHallo\n", "Caption 1 has no valid timing line"),
        ("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\nHallo\n", "Caption 2 has no valid timing"),
        ("7\n00:00:05,000 --> 00:00:02,000\nHallo\n", "Caption 7 ends before it starts"),
        ("", "contains no captions"),
        ("\ufeff\r\n\r\n", "contains no captions"),
    ],
)
def test_malformed_srt_is_refused_with_a_readable_message(srt, message):
    with pytest.raises(ValueError, match=message):
        srt_to_webvtt(srt)
