"""Cached extractions for the benchmark (fuzz renderings, labelled corpus documents).

An extraction is cached under ROOT/<fingerprint>/<sha256 of the PDF>/<extractor version>/, the
layout `extract.layout.output_dir` writes. The fingerprint is a hash of the source files of the
extract modules that `extract.extraction` and `extract.worker` import (asked of a fresh
interpreter), the reference seeds (dbt_project/seeds/) and the glossary, so an edit of the
extractor, even without a version bump, starts a fresh cache instead of scoring stale outputs;
edits elsewhere (acquire, warehouse, publish) keep it. Extraction runs in a child
process with the worker's CPU, memory and time limits (`extract.worker.extract_isolated`): a crash
or hang is recorded as a quarantined document, not a benchmark failure.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DATA = (ROOT / "dbt_project" / "seeds", ROOT / "docs" / "GLOSSARY.md")
FRAMES = ("tables", "cells", "indicators", "budget_lines", "plan_targets")


def tree_fingerprint(paths, suffixes: tuple[str, ...] | None = None) -> str:
    """12 hex digits of a hash of the relative path and bytes of every file under paths."""
    digest = hashlib.sha256()
    for base in paths:
        base = Path(base)
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or (suffixes and path.suffix not in suffixes):
                continue
            digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def extraction_sources() -> list[Path]:
    """Source files of the extract modules an extraction imports (the whole package if that fails)."""
    code = ("import sys, extract.extraction, extract.worker; print('\\n'.join(sorted(m.__file__ for n, m in "
            "list(sys.modules.items()) if n.split('.')[0] == 'extract' and getattr(m, '__file__', None))))")
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              timeout=300, check=True)
    except (OSError, subprocess.SubprocessError):
        return [ROOT / "extract"]
    return [Path(line) for line in done.stdout.split() if line.endswith(".py")]


@cache
def extractor_fingerprint() -> str:
    return tree_fingerprint([*extraction_sources(), *REFERENCE_DATA])


@dataclass
class Extracted:
    """One document's extraction: the document record and its frames (empty when absent)."""
    document_id: str
    record: dict
    frames: dict = field(default_factory=dict)
    cached: bool = False

    def frame(self, name: str):
        import pandas as pd

        return self.frames.get(name, pd.DataFrame())


class ExtractionCache:
    def __init__(self, root: Path, refresh: bool = False):
        self.root = Path(root) / extractor_fingerprint()
        self.refresh = refresh
        self._refreshed: set[str] = set()

    def out_dir(self, document_id: str) -> Path:
        from extract.layout import output_dir

        return output_dir(self.root, document_id)

    def has(self, document_id: str) -> bool:
        return (self.out_dir(document_id) / "document.json").is_file()

    def extract(self, pdf: Path, document_id: str | None = None) -> Extracted:
        """The cached extraction of pdf, extracting it first when absent (or on --refresh, once)."""
        from extract.fsutil import sha256_file
        from extract.worker import extract_isolated

        document_id = document_id or sha256_file(pdf)
        if self.refresh and document_id not in self._refreshed:
            self._refreshed.add(document_id)
            shutil.rmtree(self.root / document_id, ignore_errors=True)
        cached = self.has(document_id)
        if cached:
            record = json.loads((self.out_dir(document_id) / "document.json").read_text())
        else:
            self.root.mkdir(parents=True, exist_ok=True)
            record = extract_isolated(Path(pdf), self.root, document_id)
        return Extracted(document_id, record, self.read_frames(document_id), cached)

    def adopt(self, document_id: str, source_dir: Path) -> None:
        """Copy in an extraction just made elsewhere by the same extractor (the measured corpus run),
        replacing what the cache held for that document."""
        if not (Path(source_dir) / "document.json").is_file():
            return
        target = self.out_dir(document_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".adopting")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(source_dir, tmp)
        shutil.rmtree(target, ignore_errors=True)
        tmp.rename(target)
        self._refreshed.add(document_id)

    def read_frames(self, document_id: str) -> dict:
        import pandas as pd

        out = self.out_dir(document_id)
        return {name: pd.read_parquet(out / f"{name}.parquet") if (out / f"{name}.parquet").is_file()
                else pd.DataFrame() for name in FRAMES}
