"""gunicorn's configuration (deploy/gunicorn.conf.py): the app is preloaded in the master, so
workers must be safe to fork from it, and the reload script finds ready workers.

What the stack does under a reload, a HUP and a killed worker is measured through the real
stack by ``bench/spike.sh`` (phase 4), which CI runs.
"""

import os
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.nodb
ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


def test_the_app_is_loaded_once_in_the_master():
    config = runpy.run_path(str(CONFIG))
    assert config["preload_app"] is True
    assert config["wsgi_app"] == "portal.wsgi:application"


def test_loading_the_wsgi_app_opens_no_database_connection(tmp_path):
    """A connection opened in the master would be shared by every forked worker."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path),
        "PORTAL_PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
    }
    code = (
        "from portal.wsgi import application\n"
        "from django.db import connections\n"
        "print(sorted(a for a in connections if connections[a].connection is not None))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_ready_worker_leaves_a_marker_named_by_its_master(tmp_path, monkeypatch):
    config = runpy.run_path(str(CONFIG))
    monkeypatch.setenv("GUNICORN_READY_DIR", str(tmp_path / "ready"))
    config["post_worker_init"](SimpleNamespace(ppid=111, pid=222))
    assert [p.name for p in (tmp_path / "ready").iterdir()] == ["111.222"]


def test_without_a_ready_directory_no_marker_is_written(tmp_path, monkeypatch):
    config = runpy.run_path(str(CONFIG))
    monkeypatch.delenv("GUNICORN_READY_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    config["post_worker_init"](SimpleNamespace(ppid=111, pid=222))
    assert list(tmp_path.iterdir()) == []
