"""File operations that readers must never see half done: content hashes and atomic replaces.

Every write that a reader or a later run may look at goes through here: the bytes land in a
temporary sibling first and are renamed over the target (rename is atomic within one folder).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_BLOCK = 1 << 20


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def printable_name(path: str | os.PathLike) -> str:
    """A file name as text that any JSON or UTF-8 writer accepts: bytes that are not UTF-8
    (a name from another system's encoding) become \\xNN escapes instead of crashing the log."""
    raw = os.fsencode(Path(path).name)
    return raw.decode("utf-8", errors="backslashreplace")


def atomic_write(path: str | os.PathLike, data: bytes | str, *, fsync: bool = True) -> Path:
    """Write `data` to `path` through a temporary sibling and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def commit_file(staging: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Make a finished file (written by another library beside `target`) durable, then rename it in."""
    with open(staging, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(staging, target)
    return Path(target)


def atomic_copy(source: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Copy a file next to `target` (source and target may be on different volumes), then rename."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.incoming-{os.getpid()}")
    try:
        shutil.copyfile(source, staging)
        commit_file(staging, target)
    finally:
        staging.unlink(missing_ok=True)
    return target


def replace_folder(incoming: Path, target: Path) -> Path:
    """Swap a finished folder in: the old one is renamed aside, the new one renamed in, the old removed."""
    target = Path(target)
    outgoing = target.with_name(f".{target.name}.outgoing-{os.getpid()}")
    shutil.rmtree(outgoing, ignore_errors=True)
    if target.exists():
        os.replace(target, outgoing)
    os.replace(incoming, target)
    shutil.rmtree(outgoing, ignore_errors=True)
    return target


@contextmanager
def staged_folder(target: str | os.PathLike, *, keep_existing: bool = False) -> Iterator[Path]:
    """Build a folder in a temporary sibling and swap it in when the block ends without error.

    With keep_existing, a target that already exists (another worker finished first) is kept and
    the new folder dropped: used for content-addressed outputs, which are the same either way.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = Path(tempfile.mkdtemp(prefix=f".{target.name}.incoming-", dir=target.parent))
    incoming.chmod(0o755)  # mkdtemp makes it private; the published folder is read by others
    try:
        yield incoming
        if not (keep_existing and target.exists()):
            replace_folder(incoming, target)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
