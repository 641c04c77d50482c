"""Load through nginx: req/s with one host and with two, and host A killed mid-load.

The mix is bench/spike.sh's (home, an article, the film page, /healthz; 8 connections
each). nginx's micro-cache answers most page requests itself, so what reaches the hosts is
mostly /healthz and the pages' refreshes: /healthz's req/s is printed on its own.
"""

import subprocess
import threading
import time

from django.core.files.storage import default_storage
from wagtail.models import Page, Revision

from bench.two_hosts.common import (
    BENCH_SECONDS,
    LOAD_SECONDS,
    Failed,
    Load,
    failed_requests,
    in_host,
    step,
    total_rps,
)


def throughput() -> str:
    """One host, two hosts, twice each, alternating: the best run of each counts, since
    other work on the machine (2 cores) takes its share of either at random."""
    runs: dict[str, list[dict]] = {"a": [], "both": []}
    for _round in range(2):
        for hosts in runs:
            step(f"upstream-{hosts}")
            time.sleep(1)  # nginx's old workers finish; the new ones hold the new upstream
            figures = Load(max(2, BENCH_SECONDS // 2)).start().wait()
            if failed_requests(figures):
                raise Failed(f"upstream {hosts}: {failed_requests(figures)} failed requests")
            runs[hosts].append(figures)
    one, two = (max(runs[hosts], key=total_rps) for hosts in ("a", "both"))
    return (
        f"mix {total_rps(one):.0f} req/s with one host, {total_rps(two):.0f} with two "
        f"(/healthz, which always reaches a host: {one['/healthz']['rps']:.0f} -> "
        f"{two['/healthz']['rps']:.0f}); best of 2 x {max(2, BENCH_SECONDS // 2)} s each, "
        "both hosts, nginx and wrk on the same 2 cores"
    )


def stored_files(folder: str = "") -> set[str]:
    """Every file name in the media storage (disk or object store alike)."""
    folders, files = default_storage.listdir(folder)
    names = {f"{folder}{name}" for name in files}
    for sub in folders:
        names |= stored_files(f"{folder}{sub}/")
    return names


def snapshot() -> dict[str, set]:
    from home.images.models import CustomImage

    return {
        "pages": set(Page.objects.values_list("pk", flat=True)),
        "revisions": set(Revision.objects.values_list("pk", flat=True)),
        "images": set(CustomImage.objects.values_list("pk", flat=True)),
        "files": stored_files(),
    }


class Writer:
    """``in_host writer`` on host A: an editor saving drafts and uploading images until the
    host dies; keeps each line it printed (printed only after its commit)."""

    def __init__(self):
        self.process = in_host("a", "writer", stdout=subprocess.PIPE)
        self.saved: list[dict] = []
        self._first = threading.Event()
        self._thread = threading.Thread(target=self._read)
        self._thread.start()

    def started(self, timeout: float = 60) -> "Writer":
        """Once its first write committed (Django's start takes seconds under load)."""
        if not self._first.wait(timeout):
            raise Failed(f"the writer on host A saved nothing in {timeout:.0f} s")
        return self

    def _read(self):
        for line in self.process.stdout:
            # saved page P revision R image I NAME
            parts = line.split()
            if parts[:1] == ["saved"]:
                self.saved.append(
                    {
                        "pages": int(parts[2]),
                        "revisions": int(parts[4]),
                        "images": int(parts[6]),
                        "files": parts[7],
                    }
                )
                self._first.set()

    def wait(self):
        self.process.wait(timeout=30)
        self._thread.join()


def connections_to_a() -> int:
    """TCP connections from nginx to host A: at most this many requests are in flight."""
    out = subprocess.run(
        ["ss", "-Htn", "state", "established", "dst", "10.77.0.11:8000"],
        capture_output=True,
        text=True,
    ).stdout
    return len(out.splitlines())


def kill_host_a() -> str:
    kill_at = LOAD_SECONDS / 3
    writer = Writer().started()
    load = Load(LOAD_SECONDS).start()
    time.sleep(kill_at)
    before = snapshot()
    open_to_a = connections_to_a()
    step("kill-a")
    writer.wait()
    figures = load.wait()
    after = snapshot()

    failed = failed_requests(figures)
    where = ", ".join(
        f"{name} {failed_requests({name: f})}"
        for name, f in figures.items()
        if failed_requests({name: f})
    )
    lost = {kind: before[kind] - after[kind] for kind in before}
    for row in writer.saved:  # also what the writer committed after the snapshot
        for kind, value in row.items():
            if value not in after[kind]:
                lost[kind].add(value)
    lost_text = ", ".join(f"{len(v)} {k}" for k, v in lost.items() if v) or "nothing"
    text = (
        f"A killed at {kill_at:.0f} s of {LOAD_SECONDS} s mix ({total_rps(figures):.0f} req/s): "
        f"{failed} failed GETs{f' ({where})' if where else ''}, {open_to_a} connections open "
        f"to A at the kill; lost: {lost_text} "
        f"of {len(before['pages'])} pages, {len(before['revisions'])} revisions, "
        f"{len(before['images'])} images, {len(before['files'])} files before it + "
        f"{len(writer.saved)} writes A committed"
    )
    if failed > open_to_a or any(lost.values()) or not writer.saved:
        raise Failed(text)
    return text
