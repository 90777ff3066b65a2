"""Render seeded layout variants of a seed report with one engine.

    python -m bench.fuzz.render --seed jepara --engine reportlab --n 30 --out /tmp/fuzz
    python -m bench.fuzz.render --seed jambi --engine libreoffice --n 30 --out /tmp/fuzz
    python -m bench.fuzz.render --seed jepara --engine html --n 5 --start 30 --base-seed 1 --out /tmp/fuzz
    python -m bench.fuzz.render --seed jambi --engine html --n 4 --base-seed 1 --whole --out /tmp/whole

writes OUT/<seed>_<engine>_<k>.pdf and OUT/<seed>_<engine>_<k>.json (the variant, the seed's
slug for bench/expected.expected_for, the laid-out tables, engine version, seconds, pages).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from .document import build_document, build_whole_document
from .layout import layout_tables
from .variants import ENGINES, SEEDS, Variant, make_variant, seed_name

MODULES = {"reportlab": "render_reportlab", "libreoffice": "render_libreoffice", "html": "render_html"}


def engine_module(engine: str):
    return importlib.import_module(f"{__package__}.{MODULES[engine]}")


def page_count(pdf: Path) -> int | None:
    try:
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


FIXED_PDF_DATE = b"20250101000000"
_DATE_RE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_ID_RE = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
_CHECKSUM_RE = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")


def normalize_pdf(pdf: Path, name: str) -> None:
    """Same-length, in-place replacement of the creation / modification dates, the file /ID and
    LibreOffice's /DocChecksum that LibreOffice and Chromium stamp into the PDF, so that a variant
    renders to the same bytes again (xref offsets stay valid)."""
    data = pdf.read_bytes()
    fixed = _DATE_RE.sub(lambda m: m.group(1) + FIXED_PDF_DATE, data)
    digest = hashlib.md5(name.encode()).hexdigest().upper().encode()
    fixed = _ID_RE.sub(lambda m: m.group(1) + digest + m.group(3) + digest + m.group(5), fixed)
    fixed = _CHECKSUM_RE.sub(lambda m: m.group(1) + digest, fixed)
    if fixed != data:
        pdf.write_bytes(fixed)


def pdf_name(v: Variant, whole: bool = False) -> str:
    """File stem of a rendering: <seed>_<engine>_<k>, or <seed>_<engine>_whole_<k> for the whole report."""
    return f"{v.seed}_{v.engine}_whole_{v.number}" if whole else v.name


def describe(v: Variant, pdf: Path, seconds: float, info: dict, whole: bool = False) -> dict:
    doc = build_whole_document(v.seed) if whole else build_document(v.seed)
    extra = {"whole": True, "benchmark_tables": [t.key for t in doc.benchmark_tables]} if whole else {}
    return {
        "pdf": pdf.name,
        "seed": v.seed,
        "slug": doc.slug,
        "engine": v.engine,
        "engine_version": engine_module(v.engine).engine_version(),
        "variant": v.to_json(),
        "page_size_mm": list(v.page_size_mm),
        "tables": [g.describe() for g in layout_tables(doc, v)],
        "seconds": round(seconds, 2),
        "pages": info.get("pages") or page_count(pdf),
        **{k: val for k, val in info.items() if k != "pages"},
        **extra,
    }


def render_variant(seed: str, variant: Variant | int, out_dir: Path, *, engine: str = "reportlab",
                   base_seed: int = 0, keep_source: bool = False, whole: bool = False) -> Path:
    """Render one variant: a Variant, or the number k of one in the (base_seed, seed, engine)
    stream. Writes out_dir/<seed>_<engine>_<k>.pdf and .json; returns the PDF path. whole: the
    whole seed report (document.build_whole_document), written as <seed>_<engine>_whole_<k>."""
    seed = seed_name(seed)
    v = variant if isinstance(variant, Variant) else make_variant(seed, engine, variant, base_seed)
    if v.seed != seed:
        raise ValueError(f"variant is for seed {v.seed!r}, not {seed!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = pdf_name(v, whole)
    pdf = out_dir / f"{name}.pdf"
    t0 = time.perf_counter()
    mod = engine_module(v.engine)
    doc = build_whole_document(seed) if whole else build_document(seed)
    info = mod.render(doc, v, pdf, keep_source=keep_source) or {}
    normalize_pdf(pdf, name)
    meta = describe(v, pdf, time.perf_counter() - t0, info, whole)
    (out_dir / f"{name}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return pdf


def render_many(seed: str, engine: str, n: int, out_dir: Path, base_seed: int = 0, start: int = 0,
                keep_source: bool = False, log=print, whole: bool = False) -> tuple[list[Path], list[tuple[int, str]]]:
    """Render variants start..start+n-1; returns (PDFs written, [(k, error)])."""
    done, failed = [], []
    for k in range(start, start + n):
        v = make_variant(seed, engine, k, base_seed)
        t0 = time.perf_counter()
        try:
            pdf = render_variant(seed, v, out_dir, keep_source=keep_source, whole=whole)
        except Exception as exc:  # noqa: BLE001 - keep going, every failing variant is reported at the end
            failed.append((k, f"{type(exc).__name__}: {exc}"))
            log(f"{v.name}: FAILED {type(exc).__name__}: {exc}")
            continue
        done.append(pdf)
        log(f"{pdf}  {time.perf_counter() - t0:.1f}s  {v.font}, {v.font_size:g}pt, {v.paper} {v.orientation}, "
            f"rules={v.rules}, repeat_header={v.repeat_header}, caption={v.caption}, wrap_names={v.wrap_names}")
    return done, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--seed", required=True, choices=sorted(SEEDS))
    ap.add_argument("--engine", required=True, choices=ENGINES)
    ap.add_argument("--n", type=int, default=30, help="number of variants (default 30)")
    ap.add_argument("--start", type=int, default=0, help="first variant number k (default 0)")
    ap.add_argument("--base-seed", type=int, default=0, help="base random seed of the variant stream (default 0)")
    ap.add_argument("--out", required=True, type=Path, help="output directory")
    ap.add_argument("--whole", action="store_true",
                    help="the whole seed report (every chapter and table), not only the benchmark tables")
    ap.add_argument("--keep-source", action="store_true",
                    help="keep the intermediate .docx / .html next to the PDF")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    done, failed = render_many(args.seed, args.engine, args.n, args.out, args.base_seed, args.start,
                               args.keep_source, whole=args.whole)
    total = time.perf_counter() - t0
    print(f"{len(done)} rendered, {len(failed)} failed in {total:.1f}s "
          f"({total / max(1, len(done) + len(failed)):.2f}s per variant)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
