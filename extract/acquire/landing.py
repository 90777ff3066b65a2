"""Content-addressed store for downloaded PDFs and the append-only fetch log.

Raw inputs are never lost or changed: a file is written once under its
sha256 (fsutil.atomic_write, so a crash never leaves a half file under a
real name) and every fetch attempt is one JSON line in `fetch_log.jsonl`.

Names from the outside are not always text: a local file name is bytes (Python
hands undecodable ones over as lone surrogates) and a URL's percent-escapes may
decode to invalid UTF-8. The log must stay valid UTF-8 JSON whatever comes in, so
every string is passed through `safe_text` on the way in.

With object storage (`objects`, see extract/storage.py) the PDFs live there, under the same names,
so that extraction workers on other machines can read them; the fetch log stays in `root`, the
data directory of the one task that crawls and loads.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from extract.fsutil import atomic_write, sha256_bytes
from extract.storage import LANDING_KEY, ObjectStore

LOG_NAME = "fetch_log.jsonl"
LOG_FIELDS = (
    "source_id", "region_code", "url", "link_text", "status_code", "bytes", "sha256",
    "content_type", "etag", "last_modified", "fetched_at", "outcome", "error",
)
OUTCOMES = ("new", "unchanged", "not_modified", "failed")


class Landing:
    def __init__(self, root: str | os.PathLike, objects: ObjectStore | None = None):
        self.root = Path(root)
        self.objects = objects
        self.root.mkdir(parents=True, exist_ok=True)
        self.log_path = self.root / LOG_NAME
        # Crawls of several sources may share one Landing from threads.
        self._log_lock = threading.Lock()

    def path(self, sha: str) -> Path:
        return self.root / f"{sha}.pdf"

    def _key(self, sha: str) -> str:
        return f"{LANDING_KEY}/{self.path(sha).name}"

    def has(self, sha: str) -> bool:
        if self.objects is not None:
            return self.objects.exists(self._key(sha))
        return self.path(sha).is_file()

    def store(self, data: bytes) -> str:
        """Write the bytes under their sha256; an existing file is never touched."""
        sha = sha256_bytes(data)
        if self.objects is not None:
            if not self.has(sha):
                self.objects.write_bytes(self._key(sha), data)
        elif not self.path(sha).exists():
            atomic_write(self.path(sha), data)
        return sha

    def document_ids(self) -> list[str]:
        """The sha256 of every landed PDF."""
        if self.objects is not None:
            return sorted(name[:-4] for name in self.objects.names(LANDING_KEY) if name.endswith(".pdf"))
        return sorted(p.stem for p in self.root.glob("*.pdf"))

    def local_copy(self, sha: str, folder: Path) -> Path:
        """A local file to read the PDF from: the landed file itself, or with object storage a
        download into `folder` (the caller's own folder, which it removes when done)."""
        if self.objects is None:
            return self.path(sha)
        return self.objects.download(self._key(sha), Path(folder) / self.path(sha).name)

    def append_log(self, record: dict) -> None:
        """Append one record (missing fields as null, text made UTF-8-safe) and fsync it."""
        full = {name: record.get(name) for name in LOG_FIELDS}
        full.update({k: v for k, v in record.items() if k not in full})
        line = (json.dumps(json_safe(full), ensure_ascii=False) + "\n").encode("utf-8")
        with self._log_lock, open(self.log_path, "a+b") as fh:
            if fh.tell() > 0:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    line = b"\n" + line  # close a torn line left by a crash
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())

    def read_log(self) -> list[dict]:
        if not self.log_path.exists():
            return []
        records = []
        with open(self.log_path, "rb") as fh:
            for raw in fh:
                # a line not in UTF-8 (written by hand or another tool) is read, not fatal;
                # U+FFFD, not a backslash escape, which would be invalid JSON inside a string
                line = raw.decode("utf-8", errors="replace").strip()
                if not line:
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    continue  # a torn last line after a crash; the rest is still good
        return records

    def latest_by_url(self) -> dict[str, dict]:
        """Latest successful fetch per URL, for If-None-Match / If-Modified-Since."""
        latest: dict[str, dict] = {}
        for record in self.read_log():
            if record.get("outcome") != "failed" and record.get("sha256") and record.get("url"):
                latest[record["url"]] = record
        return latest


# ---------------------------------------------------------------- text that is always UTF-8

def safe_text(value: str | bytes | os.PathLike) -> str:
    """Text that encodes to UTF-8: undecodable bytes become `\\xff` escapes.

    A str from the file system carries undecodable bytes as lone surrogates
    (surrogateescape); they are turned back into the bytes and escaped, so
    `\\xff\\xfe.pdf` is what the log shows for a file named b"\\xff\\xfe.pdf".
    """
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace")
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", errors="backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no decoding produced: escape it as is
        return value.encode("utf-8", errors="backslashreplace").decode("utf-8")


def json_safe(value: Any) -> Any:
    """`value` with every string (keys too), bytes and path made UTF-8-safe, for json.dumps."""
    if isinstance(value, str | bytes | os.PathLike):
        return safe_text(value)
    if isinstance(value, dict):
        return {json_safe(k) if isinstance(k, str | bytes) else k: json_safe(v)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def url_file_name(url: str) -> str | None:
    """The last path segment of a URL, percent-decoded, as UTF-8-safe text.

    `unquote` would turn `%FF%FE.pdf` into two U+FFFD and lose the bytes; here
    it becomes `\\xff\\xfe.pdf`, which still tells the bytes apart.
    """
    name = unquote_to_bytes(urlsplit(url).path.rsplit("/", 1)[-1])
    return safe_text(name) or None
