"""Sanity check of renderings: every number printed in the seed tables is in the PDF's text.

    python -m bench.fuzz.check /tmp/fuzz                 # every <seed>_<engine>_<k>.pdf there
    python -m bench.fuzz.check /tmp/fuzz --table "Tabel 3.17"

For each PDF, `pdftotext -layout` is split into whitespace-separated tokens, and the numeric
tokens of the tables' value cells (amounts and percentages such as 1.871.557.000, 95,22,
6,847,986,125.50) must all be there, as many times as the tables print them (the surrounding
prose can only add). Needs pdftotext (poppler-utils).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from .document import build_document
from .layout import _plain, is_numeric

NUMBER_TOKEN = re.compile(r"^\d[\d.,]*\d$")


def table_numbers(seed: str, table: str | None = None) -> Counter:
    """Multiset of the numeric tokens of the value cells of a seed's tables."""
    want: Counter = Counter()
    for t in build_document(seed).tables:
        if table and t.key != table.strip(" :"):
            continue
        for row in t.body:
            for cell in row:
                text = _plain(cell)
                if is_numeric(text):
                    want.update(tok for tok in text.replace("Rp", " ").replace("%", " ").split()
                                if NUMBER_TOKEN.match(tok) and (len(tok) > 2))
    return want


def pdf_tokens(pdf: Path) -> Counter:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout
    return Counter(text.split())


def check_pdf(pdf: Path, table: str | None = None) -> tuple[int, Counter]:
    """(number of expected tokens, missing tokens with how many are missing)."""
    meta = pdf.with_suffix(".json")
    seed = json.loads(meta.read_text())["seed"] if meta.is_file() else pdf.name.split("_")[0]
    want = table_numbers(seed, table)
    got = pdf_tokens(pdf)
    missing = Counter({tok: n - got[tok] for tok, n in want.items() if got[tok] < n})
    return sum(want.values()), missing


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--table", help='only this table, e.g. "Tabel 3.17" (default: all five)')
    args = ap.parse_args(argv)
    bad = 0

    def order(p: Path):
        stem, _, k = p.stem.rpartition("_")
        return stem, int(k) if k.isdigit() else 0

    pdfs = sorted(args.dir.glob("*_*_*.pdf"), key=order)
    checked = 0
    for pdf in pdfs:
        total, missing = check_pdf(pdf, args.table)
        if not total:
            continue   # --table of the other seed
        checked += 1
        if missing:
            bad += 1
            print(f"{pdf.name}: {sum(missing.values())} of {total} numbers missing: {dict(missing)}")
    print(f"{checked - bad} of {checked} PDFs have every table number ({args.table or 'all tables'})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
