"""Publish a finished build: replace the analysts' warehouse file in one atomic step.

Readers open the published file read-only. os.replace swaps the directory entry, so a reader
that already has the old file open keeps reading it, and the next connection sees the new
one; nobody ever sees a half-written file. The build is first copied next to the target
(the build and the warehouse may sit on different volumes, and rename only works within one).
"""
from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path


class RunLocked(RuntimeError):
    pass


def publish_file(build_path: Path, warehouse_path: Path) -> Path:
    warehouse_path = Path(warehouse_path)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    staging = warehouse_path.with_name(f".{warehouse_path.name}.incoming")
    shutil.copyfile(build_path, staging)
    with open(staging, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(staging, warehouse_path)
    return warehouse_path


def publish_folder(source: Path, target: Path) -> Path | None:
    """Replace a folder (docs sites) by renaming: old one out, new one in."""
    if not Path(source).exists():
        return None
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(f".{target.name}.incoming")
    shutil.rmtree(incoming, ignore_errors=True)
    shutil.copytree(source, incoming)
    outgoing = target.with_name(f".{target.name}.outgoing")
    shutil.rmtree(outgoing, ignore_errors=True)
    if target.exists():
        os.replace(target, outgoing)
    os.replace(incoming, target)
    shutil.rmtree(outgoing, ignore_errors=True)
    return target


@contextmanager
def run_lock(lock_path: Path):
    """One nightly run at a time; a second one refuses at once with a clear message."""
    lock_path = Path(lock_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise RunLocked(f"another run is in progress ({holder}, lock {lock_path}); "
                        "wait for it to finish and run again") from None
    try:
        handle.truncate(0)
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
