"""Backup and restore across database engines: SQLite → PostgreSQL → SQLite, nothing lost.

Each installation is a separate process with its own ``DATABASE_URL`` and media folder (a
fresh SQLite file, or a PostgreSQL database this test creates and drops), exactly as an
operator would run the commands. Marked ``nodb``: these tests manage their own databases,
so CI runs them once. Without a reachable PostgreSQL the cross-engine test skips with a
reason, unless ``PORTAL_REQUIRE_POSTGRES`` is set.
"""

import gzip
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest

from portal.storage import local_store
from tests.object_store import ObjectStore

ROOT = Path(__file__).resolve().parents[2]
PG = os.environ.get("PORTAL_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
pytestmark = pytest.mark.nodb


class Installation:
    def __init__(self, database_url, media, bucket_env=None):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url,
            "TEST_MEDIA_ROOT": str(media),
            **(bucket_env or {}),
        }

    def run(self, *args, check=True):
        result = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def manage(self, *args, check=True):
        return self.run("manage.py", *args, check=check)

    def snapshot(self, enrich=False):
        args = ["-m", "tests.backup.snapshot"] + (["--enrich"] if enrich else [])
        return json.loads(self.run(*args).stdout.strip().splitlines()[-1])


def postgres_or_skip():
    try:
        import psycopg

        psycopg.connect(f"{PG}/postgres", connect_timeout=3, autocommit=True).close()
    except Exception as error:  # noqa: BLE001
        reason = f"PostgreSQL not reachable at {PG}: {error}"
        if os.environ.get("PORTAL_REQUIRE_POSTGRES"):
            pytest.fail(reason + " (PORTAL_REQUIRE_POSTGRES is set)")
        pytest.skip(reason)


@pytest.fixture
def postgres_database():
    """A fresh PostgreSQL database of this test's own, dropped afterwards."""
    postgres_or_skip()
    import psycopg

    name = f"portal_sec_restore_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG}/{name}"
    finally:
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """A SQLite installation with the demo content plus drafts, moderation, a document."""
    workdir = tmp_path_factory.mktemp("backup-source")
    site = Installation(f"sqlite:///{workdir / 'db.sqlite3'}", workdir / "media")
    site.manage("migrate", "--noinput", "-v", "0")
    site.manage("load_demo_content", "-v", "0")
    expected = site.snapshot(enrich=True)
    archive = workdir / "site.tar.gz"
    site.manage("backup", str(archive))
    return site, expected, archive


def assert_same_content(expected, actual):
    for key in expected:  # one key at a time, so that a failure names what differs
        assert actual[key] == expected[key], key


def test_backup_holds_data_manifest_and_media(demo_site):
    _site, expected, archive = demo_site
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"manifest.json", "data.json"} <= set(names)
    assert archive.stat().st_mode & 0o777 == 0o600, "password hashes inside: owner only"
    assert manifest["engine"] == "sqlite"
    assert manifest["counts"]["wagtailcore.page"] == len(expected["tree"])
    assert manifest["counts"]["wagtail_localize.stringtranslation"] > 0
    assert set(manifest["media"]) == set(expected["media"])
    assert {f"media/{name}" for name in expected["media"]} <= set(names)


@pytest.fixture
def bucket_env():
    """The environment of a site whose media live in a bucket of a real S3-compatible store
    (moto's server), as an operator sets it."""
    store = ObjectStore()
    try:
        yield {
            **local_store.DEMO_CREDENTIALS,
            "PORTAL_S3_BUCKET": store.new_bucket(),
            "PORTAL_S3_ENDPOINT_URL": store.endpoint,
        }
    finally:
        store.stop()


def test_round_trip_sqlite_on_disk_to_postgresql_in_a_bucket_and_back(
    demo_site, postgres_database, bucket_env, tmp_path
):
    """Both ways across both database engines and both media stores in one trip:
    SQLite with media on disk → PostgreSQL with media in a bucket → SQLite on disk."""
    _source, expected, archive = demo_site
    assert expected["served"] == {"/de/": 200, "/en/": 200, "/en/legal-notice/": 200}

    unused_disk = tmp_path / "media-unused"
    postgres = Installation(postgres_database, unused_disk, bucket_env)
    postgres.manage("migrate", "--noinput", "-v", "0")
    postgres.manage("restore", str(archive))
    assert_same_content(expected, postgres.snapshot())
    assert not unused_disk.exists() or not any(unused_disk.rglob("*.*")), "media went to disk"

    second = tmp_path / "from-postgres.tar.gz"
    postgres.manage("backup", str(second))
    sqlite = Installation(f"sqlite:///{tmp_path / 'again.sqlite3'}", tmp_path / "media-again")
    sqlite.manage("migrate", "--noinput", "-v", "0")
    sqlite.manage("restore", str(second))
    assert_same_content(expected, sqlite.snapshot())


def test_restore_refuses_a_database_with_content(demo_site):
    site, _expected, archive = demo_site
    result = site.manage("restore", str(archive), check=False)
    assert result.returncode != 0
    assert "already has content" in result.stderr


def test_restore_refuses_damaged_or_hostile_archives(demo_site, tmp_path):
    _site, _expected, archive = demo_site
    fresh = Installation(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "media")
    hostile = tmp_path / "hostile.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(hostile, "w:gz") as target:
        for member in source.getmembers():
            target.addfile(member, source.extractfile(member))
        escape = tarfile.TarInfo("../../escaped.txt")
        escape.size = 0
        target.addfile(escape)
    fresh.manage("migrate", "--noinput", "-v", "0")
    result = fresh.manage("restore", str(hostile), check=False)
    assert result.returncode != 0
    assert not (tmp_path.parent / "escaped.txt").exists()


FIXTURES = Path(__file__).parent / "fixtures"


def test_an_archive_made_before_the_layout_move_restores(tmp_path):
    """Models moved between modules keep their app labels and tables: an archive written by
    the code before the move (``make_layout_fixture.py``) restores with nothing lost."""
    with gzip.open(FIXTURES / "before-layout-move.json.gz") as file:
        expected = json.load(file)
    archive = FIXTURES / "before-layout-move.tar.gz"
    with tarfile.open(archive) as tar:
        counts = json.load(tar.extractfile("manifest.json"))["counts"]
    site = Installation(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path / "media")
    site.manage("migrate", "--noinput", "-v", "0")
    site.manage("restore", str(archive))
    assert_same_content(expected, site.snapshot())
    moved = ["home.film", "home.filmsource", "home.topic", "home.glossaryterm", "home.customimage"]
    moved += ["home.sitesettings", "home.searchpage", "home.homepage", "home.standardpage"]
    script = (
        "import django, json; django.setup(); from django.apps import apps; "
        f"print(json.dumps({{m: apps.get_model(m).objects.count() for m in {moved!r}}}))"
    )
    restored = json.loads(site.run("-c", script).stdout.strip().splitlines()[-1])
    assert restored == {model: counts[model] for model in moved}
    assert all(restored[model] > 0 for model in moved)
