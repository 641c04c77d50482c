"""deploy/render-nginx.sh: the upstream block for one app server (a socket, retried on
itself) and for several app hosts (passive health checks, bench/two-hosts.sh)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.nodb,
    pytest.mark.skipif(shutil.which("envsubst") is None, reason="envsubst (gettext-base)"),
]
ROOT = Path(__file__).resolve().parents[2]


def upstream_block(upstream: str) -> list[str]:
    result = subprocess.run(
        ["bash", str(ROOT / "deploy" / "render-nginx.sh")],
        env={**os.environ, "PORTAL_UPSTREAM": upstream},
        capture_output=True,
        text=True,
        check=True,
    )
    block = re.search(r"upstream portal_app \{\n(.*?)\n\}", result.stdout, re.S).group(1)
    return [line.strip() for line in block.splitlines()]


def test_one_socket_is_its_own_backup_and_never_marked_failed():
    assert upstream_block("unix:/run/portal/gunicorn.sock") == [
        "server unix:/run/portal/gunicorn.sock max_fails=0;",
        "server unix:/run/portal/gunicorn.sock max_fails=0 backup;",
        "keepalive 32;",
    ]


def test_several_hosts_are_each_left_out_for_a_while_after_a_failure():
    assert upstream_block("10.0.0.11:8000, 10.0.0.12:8000") == [
        "server 10.0.0.11:8000 max_fails=1 fail_timeout=5s;",
        "server 10.0.0.12:8000 max_fails=1 fail_timeout=5s;",
        "keepalive 32;",
    ]
