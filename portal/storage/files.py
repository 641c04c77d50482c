"""The few media operations backup, restore and serving need, for disk and bucket alike.

Django's storage API lists one folder at a time and renames a file whose name is taken;
a backup needs every file, and a restore needs each file back under its own name. These
helpers give both stores that, so ``portal.backup`` never asks which store it has.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage


def local_root() -> Path | None:
    """``MEDIA_ROOT`` when media live on this machine's disk; ``None`` with a bucket."""
    try:
        default_storage.path("")
    except NotImplementedError:
        return None
    return Path(settings.MEDIA_ROOT)


def media_names() -> Iterator[str]:
    """Every stored media file's name, sorted on disk, in key order in a bucket."""
    root = local_root()
    if root is None:
        yield from default_storage.iter_names()
        return
    if root.exists():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                yield path.relative_to(root).as_posix()


def put_exact(name: str, source: Path) -> None:
    """Write ``source`` to ``name`` in the store, replacing what is there."""
    root = local_root()
    if root is None:
        with source.open("rb") as content:
            default_storage.put_exact(name, content)
        return
    target = root / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
