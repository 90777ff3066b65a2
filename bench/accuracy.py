#!/usr/bin/env python
"""Accuracy and speed benchmark of the extraction (issue 3, items 8 and 9).

  .venv/bin/python bench/accuracy.py            # all layouts of both seeds, then ../shared/corpus
  .venv/bin/python bench/accuracy.py --quick    # seeds only (no corpus), scanned layout left out
  .venv/bin/python bench/accuracy.py --quick --layout ruled --seed jepara
  .venv/bin/python bench/accuracy.py --corpus-only   # only ../shared/corpus

1. Seeds: samples/seeds/*.txt rendered by samples/render_samples.py into build/bench/pdf/ in
   several layouts (ruled / unruled A4 = the committed samples; Letter + DejaVu Serif; wide
   tables on landscape pages; 'scanned' = the ruled pages rasterised at 200 dpi into an image-only
   PDF). Each rendering is extracted by extract.worker.extract_isolated (extract_document in a
   child process, into a temporary folder) and its facts are compared with the expected facts
   read from the seed text (bench/expected.py): indicator facts of Jepara Tabel 3.3 and Jambi
   Tabel 3.9 / 3.3, every budget line of Jepara Tabel 3.17 and Jambi Tabel 3.8.
   A fact is exact when region, fiscal year, level, name and all three values are right
   (year: the fact's own year, else the document's).
   recall    = expected facts found exactly anywhere in the document;
   precision = exact facts / candidate facts, the candidates being every fact of the tables
               captioned like the expected tables (invented rows and wrong values count against
               it); when no extracted table carries such a caption, every fact about an expected
               subject (same level, name and year) from any table ("subject" basis).
   Scanned layouts are OCRed by the extraction itself (extract/pdf/ocr.py, called by
   extract/extraction.py for pages without a text layer); their time is part of s/page.
2. Corpus (../shared/corpus, or --corpus DIR): per document the metadata found (region, year,
   type, checked against SOURCES.md), tables per family, indicator rows, and the share of
   indicator rows whose reported capaian agrees within 1 point with realisasi/target x 100 or
   (2 x target - realisasi)/target x 100, among rows with all three values; target/realisasi x 100
   is accepted too, but only for indicators the warehouse deems lower-is-better (the polarity seeds
   of dbt_project/seeds, read by polarity_rules), since for others it is the sign of a target and
   realisasi read from swapped columns. results.json lists each disagreeing row as printed.
3. Speed: seconds per page of the extraction (wall clock in the worker) and peak RSS of the
   extraction child (getrusage(RUSAGE_CHILDREN) in a fresh measuring process per document).

Writes build/bench/results.json (and the renderings under build/bench/, which is gitignored).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import expected as exp  # noqa: E402

BUILD = ROOT / "build" / "bench"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES_PDF = ROOT / "samples" / "pdf"
SEED_SLUGS = ("lkjip_jepara_2024", "lkjip_kota-jambi_2025")
ALL_LAYOUTS = ("ruled", "unruled", "letter-serif-ruled", "letter-serif-unruled", "landscape-ruled",
               "landscape-unruled", "scanned")
QUICK_LAYOUTS = tuple(layout for layout in ALL_LAYOUTS if layout != "scanned")
SCAN_DPI = 200

# What SOURCES.md says about the corpus (region code, fiscal year, document type).
CORPUS_TRUTH = {
    "jombang-inspektorat_2022_lkjip.pdf": ("35.17", 2022, "lkjip"),
    "ambon-diskominfo_2021_lakip.pdf": ("81.71", 2021, "lkjip"),
    "provsu_2021_lakip.pdf": ("12", 2021, "lkjip"),
    "wonosobo-diskominfo_2017_penjabaran-lra.pdf": ("33.07", 2017, "budget_realization"),
    "jombang-inspektorat_2020_pk-scan.pdf": ("35.17", 2020, "perjanjian_kinerja"),
}


# ---------------------------------------------------------------- measuring one extraction


def measure(pdf: Path, root: Path) -> dict:
    """extract_isolated in a fresh process that reports its children's peak RSS."""
    from extract.fsutil import sha256_file

    document_id = sha256_file(pdf)
    code = ("import json,resource,sys,time; from pathlib import Path; from extract.worker import extract_isolated;"
            "t=time.monotonic(); r=extract_isolated(Path(sys.argv[1]),Path(sys.argv[2]),sys.argv[3]);"
            "w=time.monotonic()-t; m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
            "print(json.dumps({'record':r,'wall':w,'maxrss_kb':m},default=str))")
    done = subprocess.run([sys.executable, "-c", code, str(pdf), str(root), document_id], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        return {"record": {"status": "quarantined", "status_reason": done.stderr.strip()[-300:]},
                "wall": None, "maxrss_kb": None, "document_id": document_id}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["document_id"] = document_id
    return result


def read_outputs(root: Path, result: dict) -> dict:
    import pandas as pd

    record = result["record"]
    version = record.get("extractor_version")
    out = root / result["document_id"] / str(version)
    frames = {}
    for name in ("tables", "indicators", "budget_lines"):
        path = out / f"{name}.parquet"
        frames[name] = pd.read_parquet(path) if path.exists() else pd.DataFrame()
    return frames


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


# ---------------------------------------------------------------- renderings


def render_layouts(layouts: list[str], slugs: list[str], log) -> dict[tuple[str, str], Path]:
    """{(slug, layout): pdf}. ruled/unruled are the committed samples (same renderer, byte-identical)."""
    sys.path.insert(0, str(ROOT / "samples"))
    import render_samples as rs

    out_dir = BUILD / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    result = {}
    for slug in slugs:
        seed_name = slug.split("_")[1]
        for layout in layouts:
            if layout in ("ruled", "unruled"):
                result[(slug, layout)] = SAMPLES_PDF / f"{slug}_{layout}.pdf"
            elif layout == "scanned":
                result[(slug, layout)] = rasterize(SAMPLES_PDF / f"{slug}_ruled.pdf", out_dir / f"{slug}_scanned.pdf")
            else:
                result[(slug, layout)] = rs.render_layouts(out_dir, [layout], [seed_name])[0]
            log(f"  rendered {result[(slug, layout)].relative_to(ROOT)}")
    return result


def rasterize(pdf: Path, out: Path, dpi: int = SCAN_DPI) -> Path:
    """An image-only PDF: every page rendered to a grayscale bitmap (what a scanner produces)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        images = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out


# ---------------------------------------------------------------- scoring


def extracted_facts(record: dict, frames: dict) -> dict[str, list[tuple[tuple, str]]]:
    """{family: [(fact, caption of its table)]} in the shape of bench.expected facts."""
    region, doc_year = record.get("region_code"), record.get("fiscal_year")
    tables = frames["tables"]
    captions = dict(zip(tables.table_id, tables.caption.fillna(""))) if not tables.empty else {}
    out: dict[str, list] = {exp.INDICATOR: [], exp.BUDGET: []}
    specs = ((exp.INDICATOR, "indicators", "indicator_name",
              ("target_value", "realization_value", "achievement_pct_reported")),
             (exp.BUDGET, "budget_lines", "line_name", ("budget_idr", "realization_idr", "absorption_pct_reported")))
    for family, frame_name, name_col, value_cols in specs:
        frame = frames[frame_name]
        for row in frame.to_dict("records") if not frame.empty else []:
            year = row.get("fiscal_year")
            year = doc_year if year is None or year != year else year
            f = exp.fact(family, region, year, row.get("level"), row.get(name_col) or "",
                         *(row.get(c) for c in value_cols))
            out[family].append((f, captions.get(row["table_id"], "")))
    return out


def _caption_matches(caption: str, prefixes: list[str]) -> bool:
    return any(re.match(re.escape(p) + r"(?!\d)", caption or "") for p in prefixes)


def score(expected: list[tuple], got: list[tuple[tuple, str]], caption_prefixes: list[str]) -> dict:
    expected_set = set(expected)
    subjects = {f[:5] for f in expected}
    got_set = {f for f, _ in got}
    candidates = [f for f, caption in got if _caption_matches(caption, caption_prefixes)]
    by_caption = bool(candidates)
    if not by_caption:  # captions lost: judge the facts about expected subjects, from any table
        candidates = [f for f, _ in got if f[:5] in subjects]
    exact = sum(1 for f in candidates if f in expected_set)
    found = len(expected_set & got_set)
    missing = sorted(expected_set - got_set, key=str)[:3]
    wrong = [f for f in candidates if f not in expected_set][:3]
    return {
        "expected": len(expected_set), "found": found, "candidates": len(candidates), "exact": exact,
        "recall": round(found / len(expected_set), 4) if expected_set else None,
        "precision": round(exact / len(candidates), 4) if candidates else None,
        "precision_basis": "caption" if by_caption else "subject",
        "examples_missing": [list(m) for m in missing], "examples_wrong": [list(w) for w in wrong],
    }


# ---------------------------------------------------------------- corpus


POLARITY_SEEDS = ROOT / "dbt_project" / "seeds"


def _normalize_name(name: str) -> str:
    """The warehouse's indicator_key (dbt macro normalize_name), so the seed patterns match alike."""
    key = re.sub(r"[^a-z0-9%]+", " ", name.lower())
    key = re.sub(r"\byg\b", "yang", key)
    key = re.sub(r"\b(dgn|dg)\b", "dengan", key)
    key = re.sub(r"\b(jml|jmh|jlh)\b", "jumlah", key)
    return re.sub(r"\s+", " ", key).strip()


def polarity_rules(seeds: Path = POLARITY_SEEDS):
    """polarity(name) by the warehouse's rules (int_indicator_polarity): seed indicator_polarity_overrides
    (exact key, then pattern) wins over the keyword patterns of seed indicator_polarity_rules; default
    higher_is_better. The seeds are read, not copied, so the bench and the warehouse cannot drift apart."""
    import csv

    def read(name):
        with open(seeds / f"{name}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    overrides = read("indicator_polarity_overrides")
    by_key = {o["indicator_key"].strip().lower(): o["polarity"]
              for o in overrides if (o["indicator_key"] or "").strip()}
    by_pattern = [(re.compile(o["pattern"]), o["polarity"]) for o in overrides
                  if not (o["indicator_key"] or "").strip() and o["pattern"]]
    rules = [(re.compile(r["pattern"]), r["polarity"]) for r in read("indicator_polarity_rules")]

    def polarity(name: str) -> str:
        key = _normalize_name(name or "")
        if key in by_key:
            return by_key[key]
        for patterns in (by_pattern, rules):
            found = sorted(p for rx, p in patterns if rx.search(key))  # min() like the dbt model
            if found:
                return found[0]
        return "higher_is_better"

    return polarity


def capaian_formula(t: float, r: float, a: float, polarity: str) -> str | None:
    """Which accepted formula gives the printed capaian a within 1 point, or None.
    realisasi / target and (2 x target - realisasi) / target always; target / realisasi only for a
    lower-is-better indicator (many reports compute it so): for any other indicator it is what a
    target and realisasi read from swapped columns would give, and must count as a disagreement."""
    candidates = {"realisasi/target": r / t * 100, "(2*target-realisasi)/target": (2 * t - r) / t * 100}
    if polarity == "lower_is_better" and r:
        candidates["target/realisasi"] = t / r * 100
    return next((name for name, c in candidates.items() if abs(c - a) <= 1), None)


def capaian_agreement(indicators, polarity=None) -> dict:
    """Rows with target, realisasi and capaian ('complete'), how many agree within 1 point (and by
    which formula), and the disagreeing rows as printed."""
    polarity = polarity or polarity_rules()
    out = {"complete": 0, "agree": 0, "by_formula": Counter(), "disagreements": []}
    for row in indicators.to_dict("records") if not indicators.empty else []:
        t, r, a = row.get("target_value"), row.get("realization_value"), row.get("achievement_pct_reported")
        if any(v is None or v != v for v in (t, r, a)) or not t:
            continue
        out["complete"] += 1
        formula = capaian_formula(t, r, a, polarity(row.get("indicator_name")))
        if formula:
            out["agree"] += 1
            out["by_formula"][formula] += 1
        else:
            out["disagreements"].append({k: row.get(k) for k in (
                "source_page", "table_id", "row_index", "indicator_name", "target_raw", "realization_raw",
                "achievement_raw")})
    out["by_formula"] = dict(out["by_formula"])
    return out


def corpus_documents(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.pdf"))


def needs_ocr(pdf: Path) -> bool:
    from extract.pdf.inventory import read_inventory

    return not read_inventory(pdf).text_pages


# ---------------------------------------------------------------- main


def fmt(value, digits=3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_table(headers: list[str], rows: list[list], out=print) -> None:
    cells = [[fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    out("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    out("  ".join("-" * w for w in widths))
    for row in cells:
        out("  ".join(c.ljust(w) for c, w in zip(row, widths)))


def run(args) -> dict:
    from extract.pdf import ocr

    log = (lambda *_: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    BUILD.mkdir(parents=True, exist_ok=True)
    layouts = args.layout or list(QUICK_LAYOUTS if args.quick else ALL_LAYOUTS)
    slugs = [s for s in SEED_SLUGS if not args.seed or any(n in s for n in args.seed)]
    results = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
               "command": " ".join(sys.argv), "cpu_count": os.cpu_count(), "seeds": [], "corpus": []}
    notes = []
    work = Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    try:
        log("rendering seeds ...")
        pdfs = {} if args.corpus_only else render_layouts(layouts, slugs, log)
        for (slug, layout), pdf in pdfs.items():
            entry = {"seed": slug, "layout": layout, "pdf": str(pdf.relative_to(ROOT)), "pages": page_count(pdf)}
            source = pdf
            if layout == "scanned" and not ocr.ocr_available():
                entry["skipped"] = f"OCR unavailable: {ocr.unavailable_reason()}"
                results["seeds"].append(entry)
                continue
            log(f"extracting {slug} {layout} ...")
            measured = measure(source, work)
            record = measured["record"]
            frames = read_outputs(work, measured)
            got = extracted_facts(record, frames)
            want = exp.expected_for(slug)
            captions = exp.captions_for(slug)
            entry.update(status=record.get("status"), status_reason=record.get("status_reason"),
                         seconds=round(measured["wall"], 2) if measured["wall"] else None,
                         peak_rss_mb=round(measured["maxrss_kb"] / 1024) if measured["maxrss_kb"] else None,
                         scores={fam: score(want[fam], got[fam], captions[fam]) for fam in (exp.INDICATOR, exp.BUDGET)})
            results["seeds"].append(entry)
        if not args.quick:
            corpus = Path(args.corpus)
            for pdf in corpus_documents(corpus):
                log(f"extracting corpus {pdf.name} ...")
                entry = {"document": pdf.name, "pages": page_count(pdf)}
                source = pdf
                if needs_ocr(pdf) and not ocr.ocr_available():
                    notes.append(f"{pdf.name}: no text layer and OCR unavailable ({ocr.unavailable_reason()})")
                measured = measure(source, work)
                record = measured["record"]
                frames = read_outputs(work, measured)
                tables, indicators = frames["tables"], frames["indicators"]
                capaian = capaian_agreement(indicators)
                complete, agree = capaian["complete"], capaian["agree"]
                truth = CORPUS_TRUTH.get(pdf.name)
                found_meta = (record.get("region_code"), record.get("fiscal_year"), record.get("doc_type"))
                entry.update(
                    status=record.get("status"), status_reason=record.get("status_reason"),
                    region_code=found_meta[0], fiscal_year=found_meta[1], doc_type=found_meta[2],
                    metadata_expected=list(truth) if truth else None,
                    metadata_ok=[a == b for a, b in zip(found_meta, truth)] if truth else None,
                    tables_per_family=dict(Counter(tables.family)) if not tables.empty else {},
                    indicator_rows=len(indicators), budget_lines=len(frames["budget_lines"]),
                    capaian_rows_complete=complete, capaian_rows_agree=agree,
                    capaian_agree_share=round(agree / complete, 4) if complete else None,
                    capaian_agree_by_formula=capaian["by_formula"],
                    capaian_disagreements=capaian["disagreements"],
                    seconds=round(measured["wall"], 2) if measured["wall"] else None,
                    peak_rss_mb=round(measured["maxrss_kb"] / 1024) if measured["maxrss_kb"] else None,
                )
                results["corpus"].append(entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["notes"] = notes
    return results


def report(results: dict, out=print) -> None:
    out(f"# LKjIP extraction benchmark  {results['generated_at']}  ({results['cpu_count']} CPUs)")
    out("")
    out("## Seed renderings: exact facts (region, year, level, name, 3 values)")
    rows = []
    for e in results["seeds"]:
        if "skipped" in e:
            rows.append([e["seed"], e["layout"], e["pages"], "skipped", "-", "-", "-", "-", "-", "-", "-"])
            continue
        ind, bud = e["scores"][exp.INDICATOR], e["scores"][exp.BUDGET]
        per_page = e["seconds"] / e["pages"] if e.get("seconds") and e["pages"] else None
        rows.append([e["seed"], e["layout"], e["pages"],
                     e["status"], f"{ind['found']}/{ind['expected']}", ind["recall"], ind["precision"],
                     f"{bud['found']}/{bud['expected']}", bud["recall"], bud["precision"],
                     per_page, e.get("peak_rss_mb")])
    print_table(["seed", "layout", "pages", "status", "ind found", "ind R", "ind P", "budget found",
                 "budget R", "budget P", "s/page", "RSS MB"], rows, out)
    if results["corpus"]:
        out("")
        out("## Corpus: metadata, tables, capaian consistency, speed")
        rows = []
        for e in results["corpus"]:
            ok = e.get("metadata_ok") or [None] * 3
            meta = " ".join(f"{v}{'' if k is None else (' ok' if k else ' WRONG')}"
                            for v, k in zip((e["region_code"], e["fiscal_year"], e["doc_type"]), ok))
            fams = ",".join(f"{k}:{v}" for k, v in sorted(e["tables_per_family"].items())) or "-"
            share = f"{e['capaian_rows_agree']}/{e['capaian_rows_complete']}" + (
                f" ={e['capaian_agree_share']:.2f}" if e["capaian_agree_share"] is not None else "")
            per_page = e["seconds"] / e["pages"] if e.get("seconds") and e["pages"] else None
            rows.append([e["document"], e["pages"],
                         e["status"], meta, fams, e["indicator_rows"], e["budget_lines"], share, per_page,
                         e.get("peak_rss_mb")])
        print_table(["document", "pages", "status", "region year type", "tables per family", "ind rows",
                     "budget", "capaian agrees", "s/page", "RSS MB"], rows, out)
    if results.get("notes"):
        out("")
        out("Notes:")
        for note in results["notes"]:
            out(f"- {note}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="seeds only: no corpus, no scanned layout (unless --layout scanned)")
    ap.add_argument("--corpus-only", action="store_true", help="only the corpus: no seed rendering")
    ap.add_argument("--layout", action="append", choices=ALL_LAYOUTS, help="only this layout (repeatable)")
    ap.add_argument("--seed", action="append",
                    help="only seeds whose slug contains this text: jepara, jambi (repeatable)")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help=f"folder of real PDFs (default {DEFAULT_CORPUS})")
    ap.add_argument("--json", default=str(BUILD / "results.json"), help="where to write the results (JSON)")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    if args.quick and args.corpus_only:
        ap.error("--quick leaves the corpus out; --corpus-only runs only the corpus")
    results = run(args)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    report(results)
    print(f"\nresults: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
