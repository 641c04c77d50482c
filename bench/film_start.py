"""How a film starts and plays on a slow and a fast connection: the progressive 1080p file
(the portal before the film pipeline) against the HLS ladder, played by Chromium's native
HLS and by hls.js (as in browsers without native HLS), through the production stack
(`make prod`).

    .venv/bin/python bench/film_start.py            # after `make prod`, or via bench/film_start.sh

For each way of serving the film and each network (Chromium's DevTools network emulation,
``Network.emulateNetworkConditions``), RUNS fresh browser contexts press play on the film page
and record, from the key press on:
- time to first frame (the first ``requestVideoFrameCallback``);
- stalls (``waiting`` after the first frame) and their total length while the first 30 s of
  the film play (or 60 s of wall time, whichever comes first);
- the rendition shown (``videoHeight``) and, on the fast network, when it first reaches 1080p.
Prints a table of medians and the targets beside them; measures, never asserts.

Environment: PORTAL_BENCH_URL (the film page, absolute), PORTAL_BENCH_MASTER (the URL of the
progressive 1080p file), RUNS (3), WATCH_SECONDS (30).
"""

import json
import os
import statistics
import sys
import time

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/lib/chromium/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--autoplay-policy=no-user-gesture-required",
]
RUNS = int(os.environ.get("RUNS", "3"))
WATCH = float(os.environ.get("WATCH_SECONDS", "30"))

# How the film is served: today's single file, and the ladder through each player path.
MODES = [
    ("progressive 1080p", "progressive"),
    ("ladder, native HLS", "native"),
    ("ladder, hls.js", "hls.js"),
]

# (name, kbit/s down, latency ms, viewport, device scale, fullscreen): a phone in the
# countryside, watching in the page, and a desktop on a good line, watching full screen (in
# the page the player is 640 × 360 px, and hls.js rightly fetches no more than that).
NETWORKS = [
    ("1.6 Mbit/s, 150 ms (phone)", 1600, 150, {"width": 390, "height": 844}, 3, False),
    ("20 Mbit/s (desktop, full screen)", 20000, 20, {"width": 1920, "height": 1080}, 1, True),
]

# Installed before the page's scripts: records what the visitor would see, from the play key.
# The hls.js path, as in browsers without native HLS (Firefox, Chrome on some desktops).
NO_NATIVE_HLS = """
const canPlayType = HTMLMediaElement.prototype.canPlayType;
HTMLMediaElement.prototype.canPlayType = function (type) {
  return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
};
"""

RECORDER = """
window.__film = {events: [], heights: []};
document.addEventListener('DOMContentLoaded', () => {
  const video = document.querySelector('video');
  if (!video) return;
  if (window.__progressive) {
    // The portal before the pipeline: one progressive file, the uploaded 1080p master. (The
    // player script, deferred, has run already: the src attribute overrides its choice.)
    video.removeAttribute('data-film-hls');
    video.src = window.__progressive;
  }
  const log = (name) => window.__film.events.push([name, performance.now(), video.currentTime]);
  ['playing', 'waiting', 'play'].forEach(n => video.addEventListener(n, () => log(n)));
  const frame = (now, meta) => {
    if (!window.__film.firstFrame) window.__film.firstFrame = now;
    window.__film.heights.push([now, video.videoHeight, video.currentTime]);
    video.requestVideoFrameCallback(frame);
  };
  video.requestVideoFrameCallback(frame);
});
"""


def measure(browser, url, mode, master, network):
    name, kbps, latency, viewport, scale, fullscreen = network
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    setup = {
        "progressive": f"window.__progressive = {json.dumps(master)};",
        "hls.js": NO_NATIVE_HLS,
        "native": "",
    }[mode]
    context.add_init_script(setup + RECORDER)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(url, wait_until="load")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency,
            "downloadThroughput": kbps * 1000 / 8,
            "uploadThroughput": min(kbps, 5000) * 1000 / 8,
        },
    )
    video = page.locator("video").first
    video.scroll_into_view_if_needed()
    video.focus()
    started = page.evaluate("performance.now()")
    page.keyboard.press("Space")
    if fullscreen:  # still within the key press's user activation
        page.evaluate("document.querySelector('video').requestFullscreen()")
    deadline = time.monotonic() + WATCH * 2
    while time.monotonic() < deadline:
        if page.evaluate("document.querySelector('video').currentTime") >= WATCH:
            break
        page.wait_for_timeout(250)
    film = page.evaluate("window.__film")
    context.close()
    return summarise(film, started)


def summarise(film, started):
    first = film.get("firstFrame")
    result = {"ttff": (first - started) / 1000 if first else None, "stalls": 0, "stalled": 0.0}
    waiting_since = None
    for event, at, _position in film["events"]:
        if first is None or at < first:
            continue
        if event == "waiting" and waiting_since is None:
            waiting_since = at
            result["stalls"] += 1
        elif event == "playing" and waiting_since is not None:
            result["stalled"] += (at - waiting_since) / 1000
            waiting_since = None
    heights = [h for _t, h, _pos in film["heights"]]
    result["heights"] = sorted(set(heights))
    result["last_height"] = heights[-1] if heights else 0
    full = [t for t, h, _pos in film["heights"] if h >= 1080]
    result["to_1080"] = (full[0] - started) / 1000 if full else None
    result["played"] = film["heights"][-1][2] if film["heights"] else 0
    return result


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, unit="s"):
    return "–" if value is None else f"{value:.2f} {unit}"


def main():
    url = os.environ["PORTAL_BENCH_URL"]
    master = os.environ["PORTAL_BENCH_MASTER"]
    print(f"== film start: {url}, {RUNS} run(s) each, {WATCH:.0f} s watched")
    print(
        f"{'served as':<22} {'network':<33} {'first frame':>11} {'stalls':>7} "
        f"{'stalled':>8} {'to 1080p':>9}  renditions shown (last)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for label, mode in MODES:
            for network in NETWORKS:
                runs = [measure(browser, url, mode, master, network) for _ in range(RUNS)]
                heights = sorted({h for r in runs for h in r["heights"]})
                print(
                    f"{label:<22} {network[0]:<33} {fmt(median(r['ttff'] for r in runs)):>11} "
                    f"{median(r['stalls'] for r in runs):>7} "
                    f"{fmt(median(r['stalled'] for r in runs)):>8} "
                    f"{fmt(median(r['to_1080'] for r in runs)):>9}  "
                    f"{'/'.join(str(h) for h in heights if h)} ({runs[-1]['last_height']}p)"
                )
                sys.stdout.flush()
        browser.close()
    print(
        "targets: at 1.6 Mbit/s first frame <= 2.5 s and no stall in 30 s; "
        "at 20 Mbit/s 1080p within 10 s"
    )


if __name__ == "__main__":
    main()
