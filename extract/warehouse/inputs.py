"""What a published warehouse was built from, recorded beside it.

A run compares the inputs of now with those of the published file: equal inputs mean nothing
to do (load, dbt, validation and publish are skipped); otherwise the documents whose extraction
record changed are the only ones whose raw rows are loaded again, onto a copy of the published
file. The fetch log counts through what the marts publish of it (each document's source, URL and
file name), not its fetch times: a crawl that lands nothing still appends to it.

The extracted files depend on the extractor version and on the reference data the extractor reads
(extract/reference.py and the seeds it names): `extraction_digest` is stamped beside each extraction,
and an extraction whose stamp differs is done again.
"""
from __future__ import annotations

import ast
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from extract import layout
from extract.fsutil import atomic_write
from extract.warehouse import raw_schema

# The code between the extracted files and the published ones: a change there rebuilds.
PROJECT_FOLDERS = ("dbt_project", "expectations")
PACKAGE_FOLDERS = ("warehouse", "publish")
GENERATED = {"target", "logs", "dbt_packages", "__pycache__"}
# What the marts publish of a document's latest fetch (not its time: every crawl fetches again).
PUBLISHED_SOURCE_FIELDS = ("source_id", "source_url", "region_code", "file_name")
EXTRACTION_STAMP = "inputs.sha256"  # in an extraction folder: the extraction_digest it was made with


def build_inputs(records: dict[str, dict], overrides: dict, sources: dict[str, dict] | None = None) -> dict:
    """The inputs of a warehouse: a digest of every document's extraction record, of the operator's
    overrides, of the documents' published sources, of the raw schema and of the code; and the
    extractor version."""
    published_sources = {d: {k: (sources or {}).get(d, {}).get(k) for k in PUBLISHED_SOURCE_FIELDS}
                         for d in records}
    return {
        "extractor_version": layout.EXTRACTOR_VERSION,
        "raw_schema": _digest(raw_schema.RAW_DDL),
        "code": code_digest(),
        "overrides": _digest(overrides),
        "sources": _digest(published_sources),
        "documents": {document_id: _digest(records[document_id]) for document_id in sorted(records)},
    }


def code_digest() -> str:
    """The transformation code: dbt project (seeds included), expectations, the warehouse and publish
    packages, the package modules they import, and the glossary (the scorecard prints it)."""
    package = _package()
    roots = [layout.project_home() / f for f in PROJECT_FOLDERS] + [package / f for f in PACKAGE_FOLDERS]
    files = [(root, path) for root in roots for path in sorted(root.rglob("*"))
             if path.is_file() and not GENERATED & set(path.relative_to(root).parts)]
    files += [(package, package / f"{name}.py") for name in _imported_modules(roots[len(PROJECT_FOLDERS):])]
    files.append((layout.project_home(), layout.glossary_path()))
    return _files_digest(files)


def extraction_digest() -> str:
    """What an extraction depends on besides the extractor version: extract/reference.py and the
    seeds it names (region codes, nomenclature words)."""
    reference = _package() / "reference.py"
    text = reference.read_text(encoding="utf-8")
    seeds = [(layout.seeds_dir(), p) for p in sorted(layout.seeds_dir().glob("*.csv")) if p.name in text]
    return _files_digest([(reference.parent, reference), *seeds])


def _package() -> Path:
    return Path(__file__).resolve().parent.parent


def _files_digest(files: list[tuple[Path, Path]]) -> str:
    digest = hashlib.sha256()
    for root, path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _imported_modules(folders: list[Path]) -> list[str]:
    """The top-level modules of the package (extract/<name>.py) that code in `folders` imports,
    directly or through one another."""
    package = _package()
    found: set[str] = set()
    todo = [p for folder in folders for p in folder.rglob("*.py")]
    while todo:
        for name in _extract_imports(todo.pop()):
            if name not in found and (package / f"{name}.py").is_file():
                found.add(name)
                todo.append(package / f"{name}.py")
    return sorted(found)


@lru_cache(maxsize=512)
def _extract_imports_cached(path: str, mtime_ns: int) -> tuple[str, ...]:
    names = []
    for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "extract":
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("extract."):
            names.append(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names += [a.name.split(".")[1] for a in node.names if a.name.startswith("extract.")]
    return tuple(names)


def _extract_imports(path: Path) -> tuple[str, ...]:
    return _extract_imports_cached(str(path), path.stat().st_mtime_ns)


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
