"""Publish a finished build: replace the analysts' warehouse file and doc folders in one step each.

Readers open the published file read-only. os.replace swaps the directory entry, so a reader
that already has the old file open keeps reading it, and the next connection sees the new
one; nobody ever sees a half-written file. The build is first copied next to the target
(the build and the warehouse may sit on different volumes, and rename only works within one).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from extract.fsutil import atomic_copy, replace_folder
from extract.layout import pid_alive


def publish_file(build_path: Path, warehouse_path: Path) -> Path:
    remove_dead_staging(Path(warehouse_path))
    return atomic_copy(build_path, warehouse_path)


def remove_dead_staging(target: Path) -> list[Path]:
    """Staging copies (`.<name>.incoming-<pid>`) left by publishers that were killed mid-copy."""
    removed = []
    for staging in target.parent.glob(f".{target.name}.incoming-*"):
        pid = staging.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not pid_alive(int(pid)):
            staging.unlink(missing_ok=True)
            removed.append(staging)
    return removed


def publish_folder(source: Path, target: Path) -> Path | None:
    """Replace a folder (docs sites) with a copy of `source`: old one out, new one in."""
    if not Path(source).exists():
        return None
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(f".{target.name}.incoming")
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.copytree(source, incoming)
    return replace_folder(incoming, target)
