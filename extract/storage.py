"""Object storage for the parts of a data directory that workers share: the landing PDFs and the
extracted per-document files, when `$LKJIP_STORAGE_URL` (`s3://bucket/prefix`) is set.

Keys mirror the data directory: `landing/<sha256>.pdf`, `extracted/<sha256>/<version>/...`, so a
key is a path of `layout.DataLayout` relative to its root and no layout is defined twice. The
default (no URL) stores nothing here: every path stays local and nothing below is used.

Credentials come from the usual S3 environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
`AWS_ENDPOINT_URL` for MinIO or any S3-compatible server), read by s3fs/botocore themselves.
fsspec is imported only when a store is opened: the CLI and DAG parsing stay light.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from extract.layout import DOCUMENT_RECORD, DataLayout

# Relative keys are computed on a layout rooted here, never written to.
_KEYS = DataLayout(Path("/"))


def key_of(path: Path) -> str:
    """The storage key of a path of a DataLayout rooted at "/" (e.g. `_KEYS.landing / x`)."""
    return PurePosixPath(path).relative_to("/").as_posix()


LANDING_KEY = key_of(_KEYS.landing)


class ObjectStore:
    """An fsspec file system and a root prefix; keys are relative ('landing/<sha>.pdf')."""

    def __init__(self, url: str):
        import fsspec  # heavy (s3fs pulls aiobotocore): only where storage is configured

        self.url = url.rstrip("/")
        # not fsspec's cached instance: the endpoint and keys come from the environment when the file
        # system is made, and a cached one keeps those of an earlier store (another server, old keys)
        self.fs, self.root = fsspec.core.url_to_fs(self.url, skip_instance_cache=True)

    def _full(self, key: str) -> str:
        return f"{self.root}/{key}" if key else self.root

    def exists(self, key: str) -> bool:
        self.fs.invalidate_cache()  # another worker may have written it since the last listing
        return self.fs.exists(self._full(key))

    def read_bytes(self, key: str) -> bytes:
        return self.fs.cat_file(self._full(key))

    def write_bytes(self, key: str, data: bytes) -> None:
        """One PUT: an object is either absent or whole, never half written."""
        self.fs.pipe_file(self._full(key), data)

    def names(self, prefix: str) -> list[str]:
        """Names directly under `prefix` ('' when it does not exist)."""
        self.fs.invalidate_cache()
        try:
            return [PurePosixPath(p).name for p in self.fs.ls(self._full(prefix), detail=False)]
        except FileNotFoundError:
            return []

    def download(self, key: str, target: Path) -> Path:
        """Copy one object to a local file, through a temporary name (no half file under the real one)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.part")
        self.fs.get_file(self._full(key), str(partial))
        os.replace(partial, target)
        return target

    def upload_tree(self, folder: Path, key: str, last: str = DOCUMENT_RECORD) -> None:
        """Every file under a local folder to `key/<relative path>`; the file named `last` goes last,
        so whoever sees it in storage sees the whole folder."""
        files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: (p.name == last, str(p)))
        for path in files:
            self.fs.put_file(str(path), self._full(f"{key}/{path.relative_to(folder).as_posix()}"))

    def download_tree(self, key: str, folder: Path, last: str = DOCUMENT_RECORD) -> None:
        """Every object under `key/` into a local folder; `last` last, for the same reason."""
        self.fs.invalidate_cache()
        prefix = PurePosixPath(self._full(key))
        found = sorted(self.fs.find(str(prefix)), key=lambda p: (PurePosixPath(p).name == last, p))
        for obj in found:
            relative = PurePosixPath(obj).relative_to(prefix)
            self.download(f"{key}/{relative.as_posix()}", folder / relative)

    def remove(self, key: str) -> None:
        """Remove an object or every object under a prefix; nothing to remove is fine."""
        if self.exists(key):
            self.fs.rm(self._full(key), recursive=True)


def open_store(url: str | None) -> ObjectStore | None:
    return ObjectStore(url) if url else None


# ---------------------------------------------------------------- the shared parts of a data directory


def upload_extraction(store: ObjectStore, local: DataLayout, document_id: str) -> None:
    """A worker's extraction of one document (its files, or the record of a crash) to storage."""
    out = local.output_dir(document_id)
    if out.is_dir():
        store.upload_tree(out, key_of(_KEYS.output_dir(document_id)))
    failed = local.failure_path(document_id)
    if failed.exists():
        store.write_bytes(key_of(_KEYS.failure_path(document_id)), failed.read_bytes())


def download_extraction(store: ObjectStore, local: DataLayout, document_id: str) -> bool:
    """Bring one document's extraction from storage into a local data directory (the load's copy).
    False when storage has none for this extractor version."""
    if local.is_extracted(document_id) or local.failure_path(document_id).exists():
        return True
    folder_key = key_of(_KEYS.output_dir(document_id))
    if store.exists(f"{folder_key}/{DOCUMENT_RECORD}"):
        store.download_tree(folder_key, local.output_dir(document_id))
        return True
    failed_key = key_of(_KEYS.failure_path(document_id))
    if store.exists(failed_key):
        store.download(failed_key, local.failure_path(document_id))
        return True
    return False


def remove_extraction(store: ObjectStore, document_id: str) -> None:
    """Forget one document's extraction of this version (reprocess)."""
    store.remove(key_of(_KEYS.output_dir(document_id)))
    store.remove(key_of(_KEYS.failure_path(document_id)))
