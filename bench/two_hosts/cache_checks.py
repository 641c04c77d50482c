"""Caches across hosts: a publish on one host and the pages of the other, and Redis (which
holds the pages and the generation token of both) restarted under load."""

import re
import secrets
import threading
import time

from django.conf import settings

from bench.two_hosts.common import (
    BENCH_SECONDS,
    HOST_B,
    NGINX,
    Failed,
    Load,
    failed_requests,
    get,
    in_host,
    step,
    total_rps,
)
from bench.two_hosts.in_host import publish_marker

POLL = 0.05
MARKER = re.compile(r"\[(two-hosts-\d+-[0-9a-f]+)\]")


def front_bound() -> int:
    """How old a page a new anonymous visitor may see (docs/deploying.md): the front
    cache's seconds plus the browser's max-age."""
    return settings.PORTAL_HTTP_MAX_AGE + settings.PORTAL_FRONT_CACHE_SECONDS


def _first_seen(url: str, marker: str, since: float, limit: float, seen: dict, key: str):
    """Poll ``url``; note (sent, answered) of the first answer showing ``marker``, in
    seconds after ``since``. The time it was *sent* is what the caches decide: a request sent
    before the change reached them gets the old page however long it takes; the time it
    took is rendering (the first request after a publish renders the page afresh)."""
    while time.time() - since < limit:
        sent = time.time()
        try:
            if marker in get(url).text:
                seen[key] = (sent - since, time.time() - since)
                return
        except OSError:
            pass
        time.sleep(POLL)


def publish_visibility() -> str:
    marker = f"two-hosts-0-{secrets.token_hex(4)}"
    publisher = in_host("a", "publish", f"{marker}", stdin=-1, stdout=-1)
    publisher.stdout.readline()  # Django has started on host A
    # A fresh copy in nginx's micro-cache: the publish meets the front cache at its worst.
    front = get(NGINX + "/de/").headers.get("X-Front-Cache")
    publisher.stdin.write("go\n")
    publisher.stdin.flush()
    line = publisher.stdout.readline()  # not waiting for its exit: Django's teardown is slow
    if not line.startswith("published "):
        raise Failed("the publish on host A printed nothing")
    published = float(line.split()[1])
    bound = front_bound()
    seen: dict[str, tuple[float, float]] = {}
    pollers = [
        threading.Thread(
            target=_first_seen, args=(url + "/de/", marker, published, limit, seen, key)
        )
        for url, limit, key in ((HOST_B, 5, "b"), (NGINX, bound + 5, "nginx"))
    ]
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join()
    publisher.wait(timeout=30)
    if "b" not in seen or "nginx" not in seen:
        raise Failed(f"published on A; seen {seen} (B within 5 s, nginx within {bound + 5} s)")
    (b_sent, b_answered), (front_sent, _answered) = seen["b"], seen["nginx"]
    figures = (
        f"published on A; on B directly for requests sent {b_sent * 1000:.0f} ms after "
        f"(bound 1000 ms; answered at {b_answered * 1000:.0f} ms), through nginx "
        f"{front_sent:.1f} s after (its copy: {front}; bound {bound} s: front cache "
        f"{settings.PORTAL_FRONT_CACHE_SECONDS} s + browser {settings.PORTAL_HTTP_MAX_AGE} s)"
    )
    if b_sent > 1 or front_sent > bound:
        raise Failed(figures)
    return figures


class Staleness:
    """Publishes a new marker every second and reads the home page through nginx every
    100 ms: a page is as stale as the time since a newer marker was published."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.published: list[tuple[str, float | None]] = []  # (marker, when), in order
        self.samples: list[tuple[float, str | None, int]] = []  # (when, marker shown, status)
        self.failed_publishes = 0
        self.publish_error = ""
        self._threads = [
            threading.Thread(target=self._publish),
            threading.Thread(target=self._read),
        ]

    def start(self):
        for thread in self._threads:
            thread.start()
        return self

    def _publish(self):
        deadline = time.time() + self.seconds
        number = 0
        while time.time() < deadline:
            number += 1
            marker = f"two-hosts-{number}-{secrets.token_hex(3)}"
            try:
                self.published.append((marker, publish_marker(marker)))
            except Exception as error:  # noqa: BLE001 - refused while Redis is away: counted
                # It may have committed all the same: in order, with no time of its own.
                self.published.append((marker, None))
                self.failed_publishes += 1
                self.publish_error = f" ({type(error).__name__})"
            time.sleep(1)

    def _read(self):
        deadline = time.time() + self.seconds + 1
        while time.time() < deadline:
            try:
                page = get(NGINX + "/de/")
                shown = MARKER.search(page.text)
                self.samples.append((time.time(), shown and shown.group(1), page.status_code))
            except OSError:
                self.samples.append((time.time(), None, 0))
            time.sleep(0.1)

    def wait(self) -> tuple[float, int]:
        """The stalest page seen (seconds) and how many samples failed."""
        for thread in self._threads:
            thread.join()
        order = {marker: index for index, (marker, _when) in enumerate(self.published)}
        worst, bad = 0.0, 0
        for when, shown, status in self.samples:
            if status != 200:
                bad += 1
                continue
            index = order.get(shown, -1)
            newer = [at for _m, at in self.published[index + 1 :] if at and at <= when]
            if newer:
                worst = max(worst, when - newer[0])
        return worst, bad


def redis_restart() -> str:
    load = Load(BENCH_SECONDS).start()
    staleness = Staleness(BENCH_SECONDS).start()
    time.sleep(BENCH_SECONDS / 3)
    started = time.monotonic()
    step("restart-redis")
    restart = time.monotonic() - started
    worst, bad_samples = staleness.wait()
    figures = load.wait()
    failed = failed_requests(figures)
    direct = get(HOST_B + "/de/").status_code
    bound = front_bound()
    text = (
        f"Redis restarted ({restart:.1f} s) at {BENCH_SECONDS / 3:.0f} s of {BENCH_SECONDS} s "
        f"mix: {failed} failed or non-2xx of {total_rps(figures) * BENCH_SECONDS:.0f}, "
        f"stalest page {worst:.1f} s (bound {bound} s), {bad_samples} bad samples, "
        f"{staleness.failed_publishes} of {len(staleness.published)} publishes refused"
        f"{staleness.publish_error}, host B after: {direct}"
    )
    if failed or bad_samples or worst > bound or direct != 200:
        raise Failed(text)
    return text
