"""Does a change of the extractor leave its output alone? Extract the same PDFs before and after, compare.

    PYTHONPATH=. .venv/bin/python bench/same_extraction.py run /tmp/before [PDF ...]   # default: samples + corpus
    PYTHONPATH=. .venv/bin/python bench/same_extraction.py compare /tmp/before /tmp/after

`run` writes `extract_document`'s files for every PDF under OUT/<file stem>/ (one process, documents in
turn) and OUT/seconds.json (CPU seconds per document). `compare` reports every document whose record
(less the time stamps) or whose frames (every parquet file, row for row) differ; exit status 1 if any.
For a speed-up that must not change a single extracted value.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
VOLATILE = ("extracted_at", "extract_seconds")  # differ on every run by design


def default_pdfs() -> list[Path]:
    return sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted(CORPUS.glob("*.pdf"))


def run(out: Path, pdfs: list[Path]) -> None:
    from extract.extraction import extract_document

    seconds = {}
    for pdf in pdfs:
        started = _cpu()
        record = extract_document(pdf, out / pdf.stem, pdf.stem)
        seconds[pdf.stem] = round(_cpu() - started, 2)
        print(f"{pdf.name}: {record['status']} in {seconds[pdf.stem]} CPU-s (OCR children included)", flush=True)
    (out / "seconds.json").write_text(json.dumps(seconds, indent=1))


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def compared(before: Path, after: Path) -> list[Path]:
    """The extractions found in both folders (`after` may hold only the ones a change touches)."""
    return [path.parent.relative_to(before) for path in sorted(before.glob("*/*/*/document.json"))
            if (after / path.parent.relative_to(before) / "document.json").is_file()]


def differences(before: Path, after: Path) -> list[str]:
    """How the documents extracted in both folders differ."""
    import pandas as pd

    found = []
    for relative in compared(before, after):
        record_path, other = before / relative / "document.json", after / relative
        old, new = (_record(p / "document.json") for p in (record_path.parent, other))
        found += [f"{relative}: record {key}: {old.get(key)!r} -> {new.get(key)!r}"
                  for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]
        for frame in sorted(record_path.parent.glob("*.parquet")):
            a, b = pd.read_parquet(frame), pd.read_parquet(other / frame.name)
            if not a.equals(b):
                found.append(f"{relative}: {frame.stem}: {len(a)} rows -> {len(b)} rows, not equal")
    return found


def _record(path: Path) -> dict:
    return {k: v for k, v in json.loads(path.read_text()).items() if k not in VOLATILE}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("out", type=Path)
    run_parser.add_argument("pdfs", type=Path, nargs="*")
    compare_parser = sub.add_parser("compare")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.what == "run":
        run(args.out, args.pdfs or default_pdfs())
        return 0
    found = differences(args.before, args.after)
    print("\n".join(found) or f"identical ({len(compared(args.before, args.after))} documents in both folders)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
