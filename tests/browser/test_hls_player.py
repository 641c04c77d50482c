"""In Chromium: static/js/film-player.js plays a film's HLS ladder natively or through the
vendored hls.js, loads hls.js only when the visitor presses play, falls back to the MP4 and
keeps the sidecar captions working, all under the portal's public Content Security Policy.

The portal's film templates are not needed: a harness page with the agreed markup is served
with a tiny HLS ladder (two renditions, fMP4 segments), an MP4 and a caption file made by
imageio-ffmpeg's ffmpeg. The harness server sends the public CSP from the settings (two tests
send ``WITHOUT_BLOB``, the policy before ``media-src blob:`` was added, to show why it is
needed), answers Range requests and records every path the browser asked for.
"""

import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings

from tests.browser.test_films import wait_until

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

# What a page showing a film needs in CONTENT_SECURITY_POLICY (the settings have it, and the
# tests below show why): hls.js feeds the video through Media Source Extensions, whose object
# URL (blob:) is the video's src. Its playlist and segment requests are XHRs, which
# connect-src 'self' already allows. Its worker would need worker-src blob:; film-player.js
# switches it off instead. Native HLS needs nothing. WITHOUT_BLOB is the policy before.
WITHOUT_BLOB = {"media-src": ["'self'"]}

FILM = "/media/films/encoded/12/abc"
PLAYLIST = f"{FILM}/hls/master.m3u8"
MP4 = f"{FILM}/film.mp4"
HLS_JS = "/static/vendor/hls/hls.light.min.js"
HLS_TYPE = "application/vnd.apple.mpegurl"
CUES = {"Erster Satz": (0, 3), "Zweiter Satz": (3, 6)}
RENDITIONS = {"360p": (640, 360, "300k"), "720p": (1280, 720, "1200k")}

PAGE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Film</title>
<link rel="icon" href="data:,">
<script defer src="/static/js/film-player.js" data-hls-src="{hls_js}"></script>
</head>
<body>
<main>
<h1>Film</h1>
<video class="film__video" controls preload="none" playsinline poster="/media/poster.jpg"
       aria-label="Testfilm" width="{width}" height="{height}" data-film-hls="{playlist}">
  <source src="{mp4}" type="video/mp4">
  <track kind="captions" src="/media/films/captions/de.vtt" srclang="de" label="Deutsch"
         default>
  <a href="{mp4}">Film herunterladen</a>
</video>
</main>
</body>
</html>
"""

# Installed before any page script: CSP violations and what the browser is told it can play.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
}, true);
"""
NO_NATIVE_HLS = """
const canPlayType = HTMLMediaElement.prototype.canPlayType;
HTMLMediaElement.prototype.canPlayType = function (type) {
  return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
};
"""
NO_MEDIA_SOURCE = """
delete window.MediaSource;
delete window.ManagedMediaSource;
"""

VIDEO = "document.querySelector('video')"


def ffmpeg(*args):
    import imageio_ffmpeg

    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", *args], check=True)


def make_film(root: Path):
    """6 s of test picture and tone as an HLS ladder (360p, 720p; 2 s fMP4 segments, a
    key frame every 2 s), a 360p MP4, a poster and German captions."""
    film = root / FILM.lstrip("/")
    (film / "hls").mkdir(parents=True)
    source = ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=6"]
    tone = ["-f", "lavfi", "-i", "sine=frequency=440:duration=6"]
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    gop = ["-g", "50", "-keyint_min", "50", "-sc_threshold", "0"]
    aac = ["-c:a", "aac", "-b:a", "64k"]
    names = list(RENDITIONS)
    split = f"[0:v]split={len(names)}" + "".join(f"[s{i}]" for i in range(len(names)))
    scales = [f"[s{i}]scale={w}:{h}[v{i}]" for i, (w, h, _) in enumerate(RENDITIONS.values())]
    maps, rates = [], []
    for i, (_, _, rate) in enumerate(RENDITIONS.values()):
        maps += ["-map", f"[v{i}]", "-map", "1:a"]
        rates += [f"-b:v:{i}", rate]
    ffmpeg(
        *source,
        *tone,
        "-filter_complex",
        ";".join([split, *scales]),
        *maps,
        *h264,
        *gop,
        *rates,
        *aac,
        "-f", "hls",
        "-hls_segment_type", "fmp4",
        "-hls_time", "2",
        "-hls_playlist_type", "vod",
        "-master_pl_name", "master.m3u8",
        "-var_stream_map", " ".join(f"v:{i},a:{i},name:{n}" for i, n in enumerate(names)),
        "-hls_segment_filename", str(film / "hls" / "%v" / "seg_%03d.m4s"),
        str(film / "hls" / "%v" / "index.m3u8"),
    )  # fmt: skip
    ffmpeg(
        *source, *tone, "-vf", "scale=640:360", *h264, *aac, "-movflags", "+faststart",
        str(film / "film.mp4"),
    )  # fmt: skip
    ffmpeg(*source, "-frames:v", "1", "-vf", "scale=640:360", str(root / "media/poster.jpg"))
    captions = root / "media/films/captions"
    captions.mkdir(parents=True)
    cues = "".join(
        f"00:00:0{start}.000 --> 00:00:0{end}.000\n{text}\n\n"
        for text, (start, end) in CUES.items()
    )
    (captions / "de.vtt").write_text("WEBVTT\n\n" + cues, encoding="utf-8")


class Harness(ThreadingHTTPServer):
    """Serves the repository's static/ below /static/ and the generated film below /media/,
    with the portal's public CSP on every answer (the portal's middleware sits above
    whitenoise, so static files carry it too)."""

    daemon_threads = True

    def __init__(self, root: Path, policy: str):
        super().__init__(("127.0.0.1", 0), HarnessHandler)
        self.root = root
        self.policy = policy
        self.requested = []
        self.missing = set()
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address):
        """Chromium drops media connections it no longer needs; that is not an error."""


class HarnessHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".m3u8": HLS_TYPE,
        ".m4s": "video/iso.segment",
        ".mp4": "video/mp4",
        ".vtt": "text/vtt",
        ".js": "text/javascript",
    }

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.server.policy)
        super().end_headers()

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        self.server.requested.append(path)
        if path.startswith("/static/"):
            file = ROOT / "static" / path.removeprefix("/static/")
        else:
            file = self.server.root / path.lstrip("/")
        if path in self.server.missing or ".." in path or not file.is_file():
            self.send_error(404)
            return
        self.send_file(file)

    def send_file(self, file: Path):
        data = file.read_bytes()
        start, end, status = 0, len(data) - 1, 200
        ranges = self.headers.get("Range", "")
        if ranges.startswith("bytes="):
            first, _, last = ranges.removeprefix("bytes=").split(",")[0].partition("-")
            start = int(first) if first else max(0, len(data) - int(last))
            end = min(int(last), end) if first and last else end
            if start > end:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 206
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.end_headers()
        self.wfile.write(data[start : end + 1])


def public_policy(replace=None):
    """The header the portal sends for public pages (django-csp, same settings), or with
    directives replaced."""
    from csp.utils import build_policy

    return build_policy(replace=replace or {})


@pytest.fixture(scope="session")
def harness(tmp_path_factory):
    if not (ROOT / HLS_JS.lstrip("/")).is_file():
        reason = f"{HLS_JS} is missing: run `make vendor-js`"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(reason + "; PORTAL_REQUIRE_BROWSER is set, so this is a failure")
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("hls-harness")
    make_film(root)
    server = Harness(root, public_policy())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(harness):
    """The harness with an empty request log and every file present; the page's CSP is
    the film-page policy unless a test changes it."""
    policy = harness.policy
    harness.requested.clear()
    harness.missing.clear()
    yield harness
    harness.policy = policy


def write_page(site, name, *, width=640, height=360):
    """The contract's markup, with a player of the given size in CSS pixels."""
    page = site.root / name
    page.write_text(
        PAGE.format(hls_js=HLS_JS, width=width, height=height, playlist=PLAYLIST, mp4=MP4),
        encoding="utf-8",
    )
    return f"{site.base_url}/{name}"


class Tab:
    """A tab that records CSP violations, console errors and uncaught exceptions."""

    def __init__(self, context, *init_scripts):
        self.page = context.new_page()
        self.errors = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        for script in (RECORD_VIOLATIONS, *init_scripts):
            self.page.add_init_script(script)

    def _on_console(self, message):
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def violations(self):
        return self.page.evaluate("window.__csp")

    def open(self, url):
        response = self.page.goto(url)
        assert response.status == 200
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(300)  # let the deferred script and the video settle
        return response

    def play_with_keyboard(self):
        """Focus the video and press Space, as a keyboard user does (a click in the centre
        of a preload="none" video does nothing in Chromium)."""
        self.page.locator("video").focus()
        assert self.page.evaluate("document.activeElement.tagName") == "VIDEO"
        self.page.keyboard.press("Space")

    def wait_for_playback(self, seconds=2.5):
        wait_until(self.page, f"{VIDEO}.currentTime > {seconds}")
        assert not self.page.evaluate(f"{VIDEO}.paused")


@pytest.fixture
def tab_factory(browser):
    contexts = []

    def make(*init_scripts, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        return Tab(context, *init_scripts)

    yield make
    for context in contexts:
        context.close()


def film_requests(site):
    return [p for p in site.requested if p.startswith(FILM)]


def segments(site, rendition=None):
    prefix = f"{FILM}/hls/{rendition}/" if rendition else f"{FILM}/hls/"
    return [p for p in site.requested if p.startswith(prefix) and p.endswith(".m4s")]


def seek_and_read_cue(tab, seconds):
    """Pause, seek, wait for ``seeked`` and return the text of the active caption cue."""
    return tab.page.evaluate(
        """(seconds) => new Promise(resolve => {
            const video = document.querySelector('video');
            video.pause();
            video.addEventListener('seeked', () => {
                const read = () => {
                    const cues = video.textTracks[0].activeCues;
                    cues && cues.length ? resolve(cues[0].text) : setTimeout(read, 50);
                };
                read();
            }, {once: true});
            video.currentTime = seconds;
        })""",
        seconds,
    )


def test_native_hls_plays_the_ladder_from_the_keyboard_with_captions(site, tab_factory):
    """Chromium answers "maybe" for HLS: it gets the playlist, never the MP4."""
    tab = tab_factory()
    tab.open(write_page(site, "native.html"))
    assert tab.page.evaluate(f"{VIDEO}.canPlayType('{HLS_TYPE}')") in ("maybe", "probably")
    tab.play_with_keyboard()
    tab.wait_for_playback()
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").endswith(PLAYLIST)
    assert PLAYLIST in site.requested
    assert segments(site), site.requested
    assert MP4 not in site.requested
    assert HLS_JS not in site.requested, "native HLS needs no hls.js"
    assert tab.page.evaluate(f"{VIDEO}.textTracks[0].mode") == "showing"
    assert seek_and_read_cue(tab, 4.5) == "Zweiter Satz"
    assert tab.violations() == []
    assert tab.errors == []


def press_play_with_the_mouse(tab):
    """Click the play button at the left end of Chromium's control bar."""
    box = tab.page.locator("video").bounding_box()
    tab.page.mouse.click(box["x"] + 24, box["y"] + box["height"] - 48)


@pytest.mark.parametrize("device", ["keyboard", "mouse"])
def test_hls_js_is_loaded_only_when_the_visitor_presses_play(site, tab_factory, device):
    tab = tab_factory(NO_NATIVE_HLS)
    policy = tab.open(write_page(site, "hlsjs.html")).headers["content-security-policy"] + ";"
    assert "media-src 'self' blob:;" in policy and "script-src 'self';" in policy
    assert "worker-src" not in policy and "unsafe" not in policy
    assert HLS_JS not in site.requested
    assert film_requests(site) == []
    assert tab.page.evaluate("typeof window.Hls") == "undefined"

    if device == "keyboard":
        tab.page.locator("video").focus()
        tab.page.keyboard.press("Enter")
    else:
        press_play_with_the_mouse(tab)
    tab.wait_for_playback()
    assert tab.page.evaluate("typeof window.Hls") == "function"
    assert site.requested.count(HLS_JS) == 1
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").startswith("blob:"), "played through MSE"
    first = segments(site)[0]
    assert first.startswith(f"{FILM}/hls/360p/"), f"starts with the lowest rendition: {first}"
    # Pressing play starts the browser's request for the MP4, which the script drops at once.
    assert site.requested.count(MP4) <= 1
    assert seek_and_read_cue(tab, 4.5) == "Zweiter Satz"
    assert tab.violations() == [], "e.g. a worker from a blob: URL, or media-src"
    assert tab.errors == []


@pytest.mark.parametrize(
    ("player", "scale", "fetched", "never"),
    [((320, 180), 3, "360p", "720p"), ((1280, 720), 1, "720p", None)],
    ids=["phone", "desktop"],
)
def test_hls_js_fetches_no_rendition_larger_than_the_player(
    site, tab_factory, player, scale, fetched, never
):
    """On a loopback link the bandwidth estimate allows 720p: the phone-sized player
    (320 CSS px at 3x, counted as 2x) gets 360p all the same, the desktop player 720p."""
    width, height = player
    tab = tab_factory(
        NO_NATIVE_HLS,
        viewport={"width": max(width + 40, 390), "height": 844},
        device_scale_factor=scale,
    )
    tab.open(write_page(site, f"player-{width}.html", width=width, height=height))
    tab.play_with_keyboard()
    tab.wait_for_playback(4.5)
    assert segments(site, fetched), site.requested
    if never:
        assert segments(site, never) == [], site.requested


def test_without_media_source_or_native_hls_the_mp4_plays(site, tab_factory):
    tab = tab_factory(NO_NATIVE_HLS, NO_MEDIA_SOURCE)
    tab.open(write_page(site, "mp4.html"))
    assert tab.page.evaluate("typeof window.MediaSource") == "undefined"
    tab.play_with_keyboard()
    tab.wait_for_playback()
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").endswith(MP4)
    assert HLS_JS not in site.requested
    assert [p for p in film_requests(site) if "/hls/" in p] == []
    assert seek_and_read_cue(tab, 4.5) == "Zweiter Satz"
    assert tab.errors == []


@pytest.mark.parametrize(
    "missing", [HLS_JS, PLAYLIST], ids=["hls.js-not-found", "hls.js-fatal-error"]
)
def test_when_hls_js_fails_the_mp4_plays(site, tab_factory, missing):
    """hls.js answers 404, or loads and then gives up (the playlist answers 404)."""
    site.missing.add(missing)
    tab = tab_factory(NO_NATIVE_HLS)
    tab.open(write_page(site, "fallback.html"))
    tab.play_with_keyboard()
    tab.wait_for_playback()
    assert missing in site.requested
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").endswith(MP4)
    assert MP4 in site.requested
    assert seek_and_read_cue(tab, 4.5) == "Zweiter Satz"
    assert tab.violations() == []
    assert [e for e in tab.errors if "404" not in e] == []


def test_when_hls_js_gives_up_during_the_film_the_mp4_takes_over_there(site, tab_factory):
    """The last segment of every rendition answers 404: after two retries hls.js gives up
    (a fatal error) and the MP4 carries on from where HLS had stopped, within seconds."""
    broken = {f"{FILM}/hls/{name}/seg_002.m4s" for name in RENDITIONS}
    site.missing.update(broken)
    tab = tab_factory(NO_NATIVE_HLS)
    tab.open(write_page(site, "fatal.html"))
    tab.play_with_keyboard()
    wait_until(tab.page, f"{VIDEO}.currentSrc.endsWith('{MP4}') && {VIDEO}.currentTime > 4.5", 10)
    assert broken & set(site.requested), "hls.js did reach the broken segment"
    assert tab.page.evaluate(f"{VIDEO}.played.start(0)") > 1, "resumed, not started again"
    assert tab.violations() == []
    assert [e for e in tab.errors if "404" not in e] == []


def test_when_native_hls_fails_the_mp4_plays(site, tab_factory):
    site.missing.add(PLAYLIST)
    tab = tab_factory()
    tab.open(write_page(site, "native-fallback.html"))
    tab.play_with_keyboard()
    tab.wait_for_playback()
    assert PLAYLIST in site.requested
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").endswith(MP4)
    assert [e for e in tab.errors if "404" not in e] == []


@pytest.mark.parametrize(
    "init_scripts",
    [(), (NO_NATIVE_HLS,), (NO_NATIVE_HLS, NO_MEDIA_SOURCE)],
    ids=["native", "hls.js", "mp4"],
)
def test_nothing_of_the_film_is_fetched_before_play(site, tab_factory, init_scripts):
    """Not on loading, nor when the visitor tabs through the video without playing it;
    and the video waits idle (NETWORK_IDLE: no loading spinner, no autoplay)."""
    tab = tab_factory(*init_scripts)
    tab.open(write_page(site, "idle.html"))
    tab.page.locator("video").focus()
    tab.page.wait_for_timeout(300)
    tab.page.locator("h1").evaluate("h1 => { h1.tabIndex = -1; h1.focus(); }")
    tab.page.wait_for_timeout(700)
    assert film_requests(site) == []
    assert HLS_JS not in site.requested
    state = f"[{VIDEO}.paused, {VIDEO}.currentTime, {VIDEO}.networkState]"
    assert tab.page.evaluate(state) == [True, 0, 1]
    assert tab.errors == []


def test_native_hls_needs_no_blob_media(site, tab_factory):
    site.policy = public_policy(WITHOUT_BLOB)
    tab = tab_factory()
    tab.open(write_page(site, "native-strict.html"))
    tab.play_with_keyboard()
    tab.wait_for_playback()
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").endswith(PLAYLIST)
    assert tab.violations() == []


def test_hls_js_needs_media_src_blob_and_falls_back_to_the_mp4_without_it(site, tab_factory):
    """Under the public policy alone, MSE's blob: URL is refused: the reason for
    the settings' media-src blob:. The visitor still gets the film, as MP4."""
    assert "blob:" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["media-src"]
    site.policy = public_policy(WITHOUT_BLOB)
    tab = tab_factory(NO_NATIVE_HLS)
    tab.open(write_page(site, "hlsjs-strict.html"))
    tab.play_with_keyboard()
    tab.wait_for_playback()
    assert "media-src blocked blob" in tab.violations()
    assert tab.page.evaluate(f"{VIDEO}.currentSrc").endswith(MP4)
