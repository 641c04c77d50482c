"""Backup and restore: one ``.tar.gz`` with the database content and the media files,
portable between SQLite and PostgreSQL.

What is in the archive
  ``manifest.json``  format version, source engine, applied migrations, row counts, and the
                     SHA-256 of every media file (checked on restore)
  ``data.json``      every row of every content table, serialized by Django: pages and their
                     specific models, revisions, wagtail-localize's sources, strings and
                     translations, workflows and their states, snippets, settings, images,
                     renditions, documents, redirects, users, groups and their permissions
  ``media/…``        the media files, from ``MEDIA_ROOT`` or from the media bucket
                     (``PORTAL_S3_BUCKET``): an archive of a disk site restores into a
                     bucket site and back (portal/storage/files.py)

Why primary keys are kept, with two exceptions: pages, revisions, translation sources and
log entries point at each other through generic relations (``object_id`` strings) that no
natural key could rewrite, so every row keeps its id. Content types and permissions are
the exception: ``migrate`` creates them in every database, in whatever order, so their ids
differ between installations. References to them are written as natural keys
(``["home", "homepage"]``) and resolved again on restore.

How a restore treats the rows a freshly migrated database already has (the root page,
Wagtail's welcome page, the default site, the default locale, the Editors and Moderators
groups, the default workflow and its task, the root collection): every table that the
archive covers is emptied first, and the archive's rows replace them, all in one
transaction — the result is exactly the backed-up site, never a mix. Content types and
permissions stay (rows of this installation), as do sessions and login-throttling records,
which are not content. The search index is rebuilt afterwards.
"""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Page

from portal.storage.files import local_root, media_names, put_exact

FORMAT = 1
# Not content: this installation's own rows, logs, sessions and rebuildable indexes.
KEPT_APPS = {"contenttypes", "sessions", "axes", "wagtailsearch"}
KEPT_MODELS = {"auth.permission"}
# Emptied on restore but not backed up: short-lived editing state.
EPHEMERAL_MODELS = {"wagtailadmin.editingsession", "wagtailcore.uploadedfile"}
# Referenced by natural key, because their ids differ between databases.
NATURAL_KEY_MODELS = (ContentType, Permission)


class BackupError(Exception):
    pass


class PortableSerializer(JSONSerializer):
    """Django's JSON serializer with natural keys only for references to content types and
    permissions; every other reference keeps its primary key (see the module docstring)."""

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, NATURAL_KEY_MODELS)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, NATURAL_KEY_MODELS)
        super().handle_m2m_field(obj, field)


def content_models(include_ephemeral=False):
    """Concrete models whose rows the archive replaces, parents before children."""
    models = []
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.app_label in KEPT_APPS:
            continue
        if meta.label_lower in KEPT_MODELS:
            continue
        if meta.label_lower in EPHEMERAL_MODELS and not include_ephemeral:
            continue
        models.append(model)
    return models


def content_tables():
    tables = set()
    for model in content_models(include_ephemeral=True):
        tables.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                tables.add(field.remote_field.through._meta.db_table)
    existing = set(connection.introspection.table_names())
    return sorted(tables & existing)


def applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(workdir: Path) -> dict[str, Path]:
    """Every media file as a local path: on disk where it is, from a bucket copied into
    ``workdir`` first (tar needs each file's size before its bytes)."""
    root = local_root()
    if root is not None:
        return {name: root / name for name in media_names()}
    files = {}
    for name in media_names():
        target = workdir / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy, length=1 << 20)
        files[name] = target
    return files


def _serialize(stream) -> dict[str, int]:
    """Every content row, streamed model by model (never the whole site in memory), inside
    one transaction so that the rows are a consistent snapshot: SQLite reads in a single
    transaction see one state; PostgreSQL needs REPEATABLE READ for the same."""
    counts = {}
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        models = content_models()
        for model in models:
            counts[model._meta.label_lower] = model._base_manager.count()
        rows = chain.from_iterable(
            model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=500)
            for model in models
        )
        PortableSerializer().serialize(rows, stream=stream, indent=None)
    return counts


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def backup(path: Path, log=print) -> dict:
    """Write the archive to ``path``; returns its manifest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as tmp:
        data_file = Path(tmp) / "data.json"
        with data_file.open("w", encoding="utf-8") as stream:
            counts = _serialize(stream)
        manifest = _write_archive(path, data_file, counts, media_files(Path(tmp)))
    log(f"{sum(counts.values())} rows and {len(manifest['media'])} media files written to {path}")
    return manifest


def _write_archive(path: Path, data_file: Path, counts: dict, files: dict[str, Path]) -> dict:
    manifest = {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(),
        "engine": connection.vendor,
        "migrations": applied_migrations(),
        "counts": counts,
        "media": {name: sha256(file) for name, file in files.items()},
    }
    partial = path.with_name(path.name + ".partial")
    # Password hashes and unpublished drafts are inside: readable by the owner only, from
    # the first byte on.
    partial.touch(mode=0o600)
    partial.chmod(0o600)
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        archive.add(data_file, arcname="data.json", recursive=False)
        for name, file in files.items():
            archive.add(file, arcname=f"media/{name}", recursive=False)
    partial.replace(path)  # never leave a half-written archive under the real name
    return manifest


def _is_fresh_installation() -> bool:
    return Page.objects.count() <= 2 and not get_user_model().objects.exists()


def _read_archive(path: Path, workdir: Path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        # The "data" filter refuses absolute paths, "..", links out of the folder and
        # device files: an archive cannot write outside ``workdir``.
        archive.extractall(workdir, filter="data")
    manifest = json.loads((workdir / "manifest.json").read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
    for name, digest in manifest["media"].items():
        if sha256(workdir / "media" / name) != digest:
            raise BackupError(f"Media file {name} is damaged (checksum mismatch).")
    return manifest


def _check_migrations(manifest):
    here = {tuple(m) for m in applied_migrations()}
    missing = [f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in here]
    if missing:
        raise BackupError(
            "The archive comes from a newer schema. Update the code and run `migrate` first; "
            f"missing here: {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}"
        )


def _copy_media(source: Path):
    for file in sorted(source.rglob("*")) if source.exists() else []:
        if file.is_file():
            put_exact(file.relative_to(source).as_posix(), file)


def _replace_content(data_file: Path):
    with transaction.atomic():
        with connection.cursor() as cursor:
            statements = connection.ops.sql_flush(
                no_style(), content_tables(), reset_sequences=True, allow_cascade=False
            )
            for statement in statements:
                cursor.execute(statement)
        # loaddata resolves natural keys, defers forward references, checks every foreign
        # key at the end and resets the PostgreSQL sequences of what it loaded.
        call_command("loaddata", str(data_file), verbosity=0)


def restore(path: Path, force=False, log=print) -> dict:
    if not force and not _is_fresh_installation():
        raise BackupError(
            "This database already has content. Restore into a freshly migrated database, "
            "or pass --force to replace everything in it."
        )
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as tmp:
        workdir = Path(tmp)
        manifest = _read_archive(path, workdir)
        _check_migrations(manifest)
        _replace_content(workdir / "data.json")
        _copy_media(workdir / "media")
    cache.clear()  # Wagtail caches site root paths
    call_command("update_index", verbosity=0)
    log(
        f"{sum(manifest['counts'].values())} rows and {len(manifest['media'])} media files "
        f"restored from {path} (backed up from {manifest['engine']} on {manifest['created']})"
    )
    return manifest
