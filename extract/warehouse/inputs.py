"""What a published warehouse was built from, recorded beside it.

A run compares the inputs of now with those of the published file: equal inputs mean nothing
to do (load, dbt, validation and publish are skipped); otherwise the documents whose extraction
record changed are the only ones whose raw rows are loaded again, onto a copy of the published
file. The fetch log is not an input: a crawl that lands nothing still appends to it.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from extract import layout
from extract.fsutil import atomic_write
from extract.warehouse import raw_schema

# The code between the extracted files and the published ones: a change there rebuilds.
PROJECT_FOLDERS = ("dbt_project", "expectations")
PACKAGE_FOLDERS = ("warehouse", "publish")
GENERATED = {"target", "logs", "dbt_packages", "__pycache__"}


def build_inputs(records: dict[str, dict], overrides: dict) -> dict:
    """The inputs of a warehouse: a digest of every document's extraction record, of the operator's
    overrides, of the raw schema and of the code; and the extractor version."""
    return {
        "extractor_version": layout.EXTRACTOR_VERSION,
        "raw_schema": _digest(raw_schema.RAW_DDL),
        "code": code_digest(),
        "overrides": _digest(overrides),
        "documents": {document_id: _digest(records[document_id]) for document_id in sorted(records)},
    }


def code_digest() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    roots = [layout.project_home() / f for f in PROJECT_FOLDERS] + [package / f for f in PACKAGE_FOLDERS]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not GENERATED & set(path.relative_to(root).parts):
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


# ---------------------------------------------------------------- the record beside the warehouse


def record_path(warehouse: Path) -> Path:
    warehouse = Path(warehouse)
    return warehouse.with_name(f".{warehouse.name}.inputs.json")


def save(warehouse: Path, inputs: dict) -> None:
    """Record `inputs` as those of the file now published at `warehouse`."""
    atomic_write(record_path(warehouse), json.dumps({"warehouse": _stamp(warehouse), "inputs": inputs}))


def published(warehouse: Path) -> dict | None:
    """The inputs of the published file; None when there is none, or when the file was replaced
    since (by a run that did not record its inputs): then nothing can be assumed about it."""
    try:
        saved = json.loads(record_path(warehouse).read_text())
        return saved["inputs"] if saved["warehouse"] == _stamp(warehouse) else None
    except (OSError, ValueError, KeyError):
        return None


def _stamp(path: Path) -> list[int]:
    stat = Path(path).stat()  # a publish replaces the file (a new inode), never edits it
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def changed_documents(before: dict | None, now: dict) -> list[str] | None:
    """Documents whose raw rows must be loaded again (new, re-extracted or gone) onto a copy of the
    published warehouse; None when raw must be built from scratch (nothing usable published, or
    another extractor version or raw schema)."""
    if not before or any(before.get(k) != now[k] for k in ("extractor_version", "raw_schema")):
        return None
    old, new = before.get("documents") or {}, now["documents"]
    return sorted({d for d in new if old.get(d) != new[d]} | (set(old) - set(new)))
