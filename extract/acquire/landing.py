"""Content-addressed store for downloaded PDFs and the append-only fetch log.

Raw inputs are never lost or changed: a file is written once under its
sha256 (fsutil.atomic_write, so a crash never leaves a half file under a
real name) and every fetch attempt is one JSON line in `fetch_log.jsonl`.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from extract.fsutil import atomic_write, sha256_bytes

LOG_NAME = "fetch_log.jsonl"
LOG_FIELDS = (
    "source_id", "region_code", "url", "link_text", "status_code", "bytes", "sha256",
    "content_type", "etag", "last_modified", "fetched_at", "outcome", "error",
)
OUTCOMES = ("new", "unchanged", "not_modified", "failed")


class Landing:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.log_path = self.root / LOG_NAME
        # Crawls of several sources may share one Landing from threads.
        self._log_lock = threading.Lock()

    def path(self, sha: str) -> Path:
        return self.root / f"{sha}.pdf"

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def store(self, data: bytes) -> str:
        """Write the bytes under their sha256; an existing file is never touched."""
        sha = sha256_bytes(data)
        target = self.path(sha)
        if not target.exists():
            atomic_write(target, data)
        return sha

    def append_log(self, record: dict) -> None:
        """Append one record (missing fields as null) and fsync it."""
        full = {name: record.get(name) for name in LOG_FIELDS}
        full.update({k: v for k, v in record.items() if k not in full})
        line = (json.dumps(full, ensure_ascii=False) + "\n").encode("utf-8")
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
        with open(self.log_path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
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
