"""What every check of ``bench/two-hosts.sh`` shares: the addresses, the plumbing steps the
shell script owns, the load mix of ``bench/spike.sh`` and the one-line report.

The checks run in the root namespace with the hosts' environment (database, Redis, media
settings), so they may count rows and files with Django while the hosts serve.
"""

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
NGINX = os.environ["TWO_HOSTS_NGINX"]
HOST_A = os.environ["TWO_HOSTS_A"]
HOST_B = os.environ["TWO_HOSTS_B"]
MEDIA_MODE = os.environ["TWO_HOSTS_MEDIA_MODE"]
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
BENCH_SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
TIMEOUT = 10


def step(name: str) -> None:
    """A piece of plumbing (nginx's upstream, killing host A, Redis, the store): the shell
    script does it, so that it alone knows how the stack is built."""
    subprocess.run(["bash", str(ROOT / "bench" / "two-hosts.sh"), "step", name], check=True)


def in_host(host: str, *args: str, **popen) -> subprocess.Popen:
    """``bench/two_hosts/in_host.py`` run inside a host's namespace, with its environment."""
    command = [
        "ip",
        "netns",
        "exec",
        f"lzp-{host}",
        sys.executable,
        "-m",
        "bench.two_hosts.in_host",
    ]
    return subprocess.Popen([*command, *args], cwd=ROOT, text=True, **popen)


def get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, timeout=TIMEOUT, **kwargs)


class Failed(Exception):
    """A check's figures do not meet its bound; the message says which."""


def report(name: str, run) -> bool:
    """Run one check and print its line: PASS/FAIL, name, figures."""
    started = time.monotonic()
    try:
        figures = run()
        ok = True
    except Failed as failure:
        figures, ok = str(failure), False
    except Exception as error:  # noqa: BLE001 - a broken check is a failed check, reported
        figures, ok = f"{type(error).__name__}: {error}", False
    seconds = time.monotonic() - started
    print(f"{'PASS' if ok else 'FAIL'} {name}: {figures} [{seconds:.0f} s]", flush=True)
    return ok


# --- the load: bench/spike.sh's page mix ----------------------------------------------------


def mix_urls() -> dict[str, str]:
    """Home, an article, the film page and /healthz, as bench/spike.sh drives them."""
    from campaign.models import FilmPage
    from news.models import NewsPage

    def first(model):
        return model.objects.live().filter(locale__language_code="de").order_by("path").first()

    return {
        "home": "/de/",
        "article": first(NewsPage).url,
        "film page": first(FilmPage).url,
        "/healthz": "/healthz",
    }


WRK_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


class Load:
    """bench/spike.sh's mix through nginx: one wrk per URL, 8 connections each, in the
    background while a check does its faults."""

    connections = 8

    def __init__(self, seconds: int):
        self.seconds = seconds
        self.urls = mix_urls()
        self.outputs: dict[str, str] = {}
        self._threads = []

    def start(self) -> "Load":
        for name, path in self.urls.items():
            thread = threading.Thread(target=self._run, args=(name, path))
            thread.start()
            self._threads.append(thread)
        return self

    def _run(self, name, path):
        command = ["wrk", "-t1", f"-c{self.connections}", f"-d{self.seconds}s", "--timeout", "5s"]
        result = subprocess.run([*command, NGINX + path], capture_output=True, text=True)
        self.outputs[name] = result.stdout + result.stderr

    def wait(self) -> dict[str, dict]:
        """Per URL: req/s, socket errors and non-2xx answers."""
        for thread in self._threads:
            thread.join()
        figures = {}
        for name, text in self.outputs.items():
            rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
            errors = WRK_ERRORS.search(text)
            non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
            figures[name] = {
                "rps": float(rps.group(1)) if rps else 0.0,
                "errors": sum(int(n) for n in errors.groups()) if errors else 0,
                "non2xx": int(non2xx.group(1)) if non2xx else 0,
                "ran": bool(rps),
            }
        return figures

    @property
    def total_connections(self) -> int:
        return self.connections * len(self.urls)


def failed_requests(figures: dict[str, dict]) -> int:
    """Socket errors and non-2xx answers over the mix; a wrk that gave no figures counts."""
    return sum(f["errors"] + f["non2xx"] + (0 if f["ran"] else 1) for f in figures.values())


def total_rps(figures: dict[str, dict]) -> float:
    return sum(f["rps"] for f in figures.values())
