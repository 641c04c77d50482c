"""A throw-away demo site: its own SQLite file and media folder, the demo content, served
by ``runserver`` on a free local port, deleted afterwards. The browser tests' server
(``tests/browser/conftest.py``) and the screenshot targets (``make docs-screenshots``,
``make page-screenshots``) are this site, so they show what ``make run`` serves.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"demo server did not answer at {url}")


def require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")


class DemoSite:
    """What a caller needs of the running site: its address and a Django shell on its data."""

    def __init__(self, base: str, env: dict, manage: list[str]):
        self.base, self.env, self.manage = base, env, manage

    def shell(self, code: str) -> str:
        """Run ``code`` in ``manage.py shell`` on the site's database; its last output line."""
        done = subprocess.run(
            [*self.manage, "shell", "-c", code],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        lines = done.stdout.strip().splitlines()
        return lines[-1] if lines else ""  # the last: after any start-up notes


@contextlib.contextmanager
def demo_site(**extra_env):
    """Build the demo site, serve it, yield a ``DemoSite``; everything is removed afterwards.

    The demo films go through the pipeline inside ``load_demo_content``, and any upload
    inside its request: no worker runs here. A small master keeps that quick, and film
    pages show their real player and poster."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-demo-site-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": base,
        "PORTAL_PREGENERATE_RENDITIONS": "0",
        "PORTAL_TASKS": "immediate",
        "PORTAL_DEMO_FILM": "640x360:8",
        **extra_env,
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    server = None
    try:
        print("Building the demo site …")
        for command in (["migrate", "--noinput"], ["load_demo_content"], ["create_demo_admin"]):
            subprocess.run([*manage, *command, "-v", "0"], cwd=ROOT, env=env, check=True)
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(f"{base}/healthz")
        yield DemoSite(base, env, manage)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
