"""The registration bench as a test (issue 29): 50 registrations at once for 20 places
against gunicorn on PostgreSQL give exactly 20 places and 30 on the waiting list, with no
error and no place given twice (``bench/registrations.sh``, which makes and drops its own
database).

Marked ``nodb`` (it uses no test database), so CI runs it once, in the SQLite pass, where
PostgreSQL is reachable too. Without PostgreSQL it skips, unless ``PORTAL_REQUIRE_POSTGRES``
is set (CI): then it fails.
"""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest

PG = os.environ.get("PORTAL_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.nodb


def postgres_or_skip():
    try:
        psycopg.connect(f"{PG}/postgres", connect_timeout=3, autocommit=True).close()
    except psycopg.Error as error:
        reason = f"PostgreSQL not reachable at {PG}: {error}"
        if os.environ.get("PORTAL_REQUIRE_POSTGRES"):
            pytest.fail(reason + " (PORTAL_REQUIRE_POSTGRES is set)")
        pytest.skip(reason)


def test_fifty_registrations_at_once_for_twenty_places_on_postgresql():
    postgres_or_skip()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        ["bash", "bench/registrations.sh"],
        cwd=ROOT,
        env={**env, "PG_URL": PG, "PEOPLE": "50", "PLACES": "20"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "confirmed:           20" in result.stdout
    assert "waiting:             30" in result.stdout
    assert "errors:              0" in result.stdout
    assert "duplicate places:    0" in result.stdout
