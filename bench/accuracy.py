#!/usr/bin/env python
"""Accuracy and speed benchmark of the extraction (issue 3, items 8 and 9; issue "The right numbers
from reports the extractor was not built on").

  .venv/bin/python bench/accuracy.py            # everything: seeds, fuzz (80 each), whole, labelled set, corpus
  .venv/bin/python bench/accuracy.py --quick    # fast: no OCR layouts, 2 fuzz variants, 3 labelled docs, no corpus
  .venv/bin/python bench/accuracy.py --quick --layout ruled --seed jepara
  .venv/bin/python bench/accuracy.py --only fuzz --fuzz-n 10 --fuzz-engine html
  .venv/bin/python bench/accuracy.py --only truth --truth-doc provsu
  .venv/bin/python bench/accuracy.py --only whole --whole-n 4 --jobs 1   # whole seed reports
  .venv/bin/python bench/accuracy.py --corpus-only   # only ../shared/corpus (corpus table and labelled set)
  .venv/bin/python bench/accuracy.py --held-out      # what the rules were not built on: held-out fuzz + labels

1. Seeds (section `seeds`): samples/seeds/*.txt rendered by samples/render_samples.py into
   build/bench/pdf/ in several layouts (ruled / unruled A4 = the committed samples; Letter + DejaVu
   Serif; wide tables on landscape pages; 'scanned' = the ruled pages rasterised at 200 dpi into an
   image-only PDF; 'scanned-sideways' = the landscape pages rasterised so onto portrait ones, turned a
   quarter one way, then the other; 'pictured' = the ruled pages with each table pasted as a 150 dpi picture,
   the text around it kept, bench/pictured.py; 'pictured-unruled' = the same pictures without the tables'
   rules). Each rendering is extracted by extract.worker.extract_isolated and its facts are
   compared with the expected facts read from the seed text (bench/expected.py): indicator facts of
   Jepara Tabel 3.3 and Jambi Tabel 3.9 / 3.3, every budget line of Jepara Tabel 3.17 and Jambi
   Tabel 3.8. Rule (bench/seed_score.py): a fact is exact when region, fiscal year, level, name and
   all three values are right; recall = expected facts found exactly anywhere in the document;
   precision = exact facts / candidate facts (the facts of the tables captioned like the expected
   ones, else every achievement fact about an expected subject: an agreement table's targets and a
   column dated to another year are not judged).
2. Fuzz (section `fuzz`, bench/fuzz_score.py): the same tables rendered by reportlab, LibreOffice
   (python-docx) and Chromium (HTML) under seeded random layouts (bench/fuzz), --fuzz-n variants per
   seed per engine, scored by the same rule; region and year must come from the title block, so the
   scores are also given ignoring them (table only). Per engine recall and precision and the worst
   variant with its knobs. Renderings and their extractions are cached under CACHE/fuzz/.
3. Labelled set (section `truth`, bench/truth_score.py, bench/truth/README.md): the hand-labelled
   facts of real corpus PDFs (bench/truth/*.csv); per document and in total indicator and budget
   recall and precision (same name - exact, else fuzzy on page +-1 - and same numbers), and the
   ceiling: the share of labelled facts whose printed numbers are all in the raw cells.
4. Corpus (section `corpus`, bench/corpus_score.py): per document of ../shared/corpus (or --corpus)
   the metadata found, tables per family, indicator rows, capaian consistency, speed.
5. Whole reports (section `whole`; not with --quick): the whole seed reports (every chapter,
   table and paragraph) rendered by the three engines, --whole-n variants per seed per engine from
   their own variant stream (base seed 1), scored like the fuzz: the benchmark tables now sit among
   the report's other tables (Perjanjian Kinerja targets, earlier years, Renstra). Cached under
   CACHE/fuzz/whole/.
6. Held out (--held-out): the fuzz variants numbered from fuzz_score.DEVELOPMENT_VARIANTS on (HELD_OUT_N
   per seed per engine), which nobody looked at, and the newest round of labelled tables
   (bench/truth/heldout4/, labelled after the rules were built, README there; `--truth-dir` scores an
   earlier round). `make bench` runs both after the development sets.
7. Tables left unknown (bench/unknown_tables.py): the share of family `unknown` among the tables
   with at least two numeric columns, on the corpus documents extracted and on the fuzz renderings.
Speed: seconds per page of the extraction (wall clock in the worker) and peak RSS of the
extraction child (getrusage(RUSAGE_CHILDREN) in a fresh measuring process per document).

Writes build/bench/results.json (every figure of every section; --json elsewhere) and the seed
renderings under build/bench/ (gitignored). Extractions of corpus documents are cached under
CACHE/bench/extracted/ (keyed by a fingerprint of extract/: an edit of the extractor starts afresh).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus_score, fuzz_score, truth_score, unknown_tables  # noqa: E402
from bench import expected as exp  # noqa: E402
from bench.cache import ExtractionCache  # noqa: E402
from bench.corpus_score import capaian_agreement, capaian_formula, polarity_rules  # noqa: E402, F401
from bench.figures import fmt  # noqa: E402
from bench.pictured import picture_tables  # noqa: E402
from bench.seed_score import extracted_facts, score  # noqa: E402

BUILD = ROOT / "build" / "bench"
DEFAULT_CACHE = ROOT / "build"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES_PDF = ROOT / "samples" / "pdf"
SEED_SLUGS = ("lkjip_jepara_2024", "lkjip_kota-jambi_2025")
ALL_LAYOUTS = ("ruled", "unruled", "letter-serif-ruled", "letter-serif-unruled", "landscape-ruled",
               "landscape-unruled", "scanned", "scanned-sideways", "pictured", "pictured-unruled")
# read by OCR: slow, and skipped where OCR is not installed
OCR_LAYOUTS = ("scanned", "scanned-sideways", "pictured", "pictured-unruled")
QUICK_LAYOUTS = tuple(layout for layout in ALL_LAYOUTS if layout not in OCR_LAYOUTS)
SCAN_DPI = 200
SECTIONS = ("seeds", "fuzz", "whole", "truth", "corpus")
FUZZ_N, QUICK_FUZZ_N = fuzz_score.DEVELOPMENT_VARIANTS, 2
HELD_OUT_N = 60  # held-out fuzz variants per seed per engine: 740-759 and 760-779 (scored on 0.37.0), 780-799 (0.38.0)
HELD_OUT_TRUTH = truth_score.label_sets()[-1]  # the newest round of labels (bench/truth/heldout4/)
# --quick: three labelled documents with a text layer that extract in seconds (both kinds of fact).
QUICK_TRUTH = ("jombang-inspektorat_2022_lkjip", "kab-grobogan-dpupr_2021_rfk-des", "provsu_2022_lra-opd")


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
            elif layout == "scanned-sideways":
                landscape = rs.render_layouts(out_dir, ["landscape-ruled"], [seed_name])[0]
                result[(slug, layout)] = rasterize(landscape, out_dir / f"{slug}_{layout}.pdf", sideways=True)
            elif layout in ("pictured", "pictured-unruled"):
                result[(slug, layout)] = picture_tables(SAMPLES_PDF / f"{slug}_ruled.pdf",
                                                        out_dir / f"{slug}_{layout}.pdf", rules=layout == "pictured")
            else:
                result[(slug, layout)] = rs.render_layouts(out_dir, [layout], [seed_name])[0]
            log(f"  rendered {result[(slug, layout)].relative_to(ROOT)}")
    return result


def rasterize(pdf: Path, out: Path, dpi: int = SCAN_DPI, sideways: bool = False) -> Path:
    """An image-only PDF: every page rendered to a grayscale bitmap (what a scanner produces). `sideways`:
    landscape pages are scanned on portrait ones, the first with its top at the left, the next at the
    right, and so on (a scanner takes them either way)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        images = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()
    if sideways:
        wide = [i for i, image in enumerate(images) if image.width > image.height]
        for turn, i in enumerate(wide):
            images[i] = images[i].rotate(90 if turn % 2 == 0 else -90, expand=True)  # counterclockwise first
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out


# ---------------------------------------------------------------- sections


def run_seeds(args, work: Path, log) -> list[dict]:
    from extract.pdf import ocr

    layouts = args.layout or list(QUICK_LAYOUTS if args.quick else ALL_LAYOUTS)
    slugs = [s for s in SEED_SLUGS if not args.seed or any(n in s for n in args.seed)]
    log("rendering seeds ...")
    entries = []
    for (slug, layout), pdf in render_layouts(layouts, slugs, log).items():
        entry = {"seed": slug, "layout": layout, "pdf": str(pdf.relative_to(ROOT)), "pages": page_count(pdf)}
        entries.append(entry)
        if layout in OCR_LAYOUTS and not ocr.ocr_available():
            entry["skipped"] = f"OCR unavailable: {ocr.unavailable_reason()}"
            continue
        log(f"extracting {slug} {layout} ...")
        measured = measure(pdf, work)
        record = measured["record"]
        got = extracted_facts(record, read_outputs(work, measured))
        want, captions = exp.expected_for(slug), exp.captions_for(slug)
        entry.update(status=record.get("status"), status_reason=record.get("status_reason"),
                     seconds=round(measured["wall"], 2) if measured["wall"] else None,
                     peak_rss_mb=round(measured["maxrss_kb"] / 1024) if measured["maxrss_kb"] else None,
                     scores={fam: score(want[fam], got[fam], captions[fam]) for fam in (exp.INDICATOR, exp.BUDGET)})
    return entries


def run_corpus(args, work: Path, cache: ExtractionCache, log) -> tuple[list[dict], list[str]]:
    """Every corpus PDF measured afresh; its output is then adopted by the cache (the labelled set
    and the unknown-table census read it from there instead of extracting again)."""
    from extract.pdf import ocr

    entries, notes = [], []
    for pdf in corpus_score.corpus_documents(Path(args.corpus)):
        log(f"extracting corpus {pdf.name} ...")
        if corpus_score.needs_ocr(pdf) and not ocr.ocr_available():
            notes.append(f"{pdf.name}: no text layer and OCR unavailable ({ocr.unavailable_reason()})")
        measured = measure(pdf, work)
        version = measured["record"].get("extractor_version")
        cache.adopt(measured["document_id"], work / measured["document_id"] / str(version))
        entries.append(corpus_score.corpus_entry(pdf, page_count(pdf), measured, read_outputs(work, measured)))
    return entries, notes


def run_truth(args, cache: ExtractionCache, log) -> dict:
    names = args.truth_doc or (list(QUICK_TRUTH) if args.quick else None)
    files = truth_score.select_files(names, args.truth_n, Path(args.truth_dir))
    log(f"labelled set: {len(files)} documents ...")
    return truth_score.run_truth(files, Path(args.corpus), cache, args.jobs, log)


def run_fuzz(args, log) -> dict:
    engines = args.fuzz_engine or list(fuzz_score.ENGINES)
    seeds = [s for s in fuzz_score.SEEDS if not args.seed or any(n in s for n in args.seed)]
    log(f"fuzz: {args.fuzz_n} variants (from number {args.fuzz_first}) x {len(seeds)} seeds x {len(engines)} "
        "engines ...")
    return fuzz_score.run_fuzz(engines, seeds, args.fuzz_n, Path(args.cache) / "fuzz", args.jobs,
                               args.refresh, log, args.fuzz_first)


def run_whole(args, log) -> dict:
    engines = args.fuzz_engine or list(fuzz_score.ENGINES)
    seeds = [s for s in fuzz_score.SEEDS if not args.seed or any(n in s for n in args.seed)]
    log(f"whole reports: {args.whole_n} variants x {len(seeds)} seeds x {len(engines)} engines ...")
    return fuzz_score.run_fuzz(engines, seeds, args.whole_n, Path(args.cache) / "fuzz" / "whole", args.jobs,
                               args.refresh, log, whole=True)


def corpus_census(document_ids: dict[str, str], cache: ExtractionCache) -> dict:
    """Unknown-table census of the corpus documents that were extracted in this run."""
    per_doc = {}
    for name, document_id in sorted(document_ids.items()):
        frames = cache.read_frames(document_id)
        per_doc[name] = unknown_tables.table_census(frames["tables"], frames["cells"])
    out = unknown_tables.combine(list(per_doc.values()))
    out["per_document"] = {n: {"numeric_tables": c["numeric_tables"], "unknown": c["unknown"],
                               "unknown_tables": c["unknown_tables"]} for n, c in per_doc.items()}
    return out


def selected_sections(args) -> list[str]:
    if args.only:
        return [s for s in SECTIONS if s in args.only]
    if args.corpus_only:
        return ["truth", "corpus"]
    return [s for s in SECTIONS if not (s == "corpus" and args.quick) and not (s == "fuzz" and args.fuzz_n == 0)
            and not (s == "whole" and (args.quick or args.whole_n == 0))]


def run(args) -> dict:
    log = (lambda *_: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    BUILD.mkdir(parents=True, exist_ok=True)
    sections = selected_sections(args)
    results = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "command": " ".join(sys.argv),
               "cpu_count": os.cpu_count(), "sections": sections, "seeds": [], "corpus": [], "truth": None,
               "fuzz": None, "whole": None, "unknown_tables": {}, "section_seconds": {}, "notes": []}
    cache = ExtractionCache(Path(args.cache) / "bench" / "extracted", refresh=args.refresh)
    work = Path(tempfile.mkdtemp(prefix="lkjip-bench-"))
    try:
        for section in sections:
            started = time.monotonic()
            if section == "seeds":
                results["seeds"] = run_seeds(args, work, log)
            elif section == "corpus":  # before truth: the labelled set then reads the adopted outputs
                results["corpus"], notes = run_corpus(args, work, cache, log)
                results["notes"] += notes
            elif section == "fuzz":
                results["fuzz"] = run_fuzz(args, log)
            elif section == "whole":
                results["whole"] = run_whole(args, log)
            results["section_seconds"][section] = round(time.monotonic() - started, 1)
        if "truth" in sections:
            started = time.monotonic()
            results["truth"] = run_truth(args, cache, log)
            results["section_seconds"]["truth"] = round(time.monotonic() - started, 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["unknown_tables"] = unknown_summary(results, cache)
    return results


def unknown_summary(results: dict, cache: ExtractionCache) -> dict:
    ids = {e["document"]: e["document_id"] for e in results["corpus"]}
    for name, d in ((results["truth"] or {}).get("documents") or {}).items():
        ids.setdefault(name, d["document_id"])
    out = {"corpus": corpus_census(ids, cache) if ids else None}
    if results["fuzz"]:
        out["fuzz"] = results["fuzz"]["unknown_tables"]
        out["fuzz_per_engine"] = {e: s["unknown_share"] for e, s in results["fuzz"]["engines_summary"].items()}
    return out


# ---------------------------------------------------------------- report


def print_table(headers: list[str], rows: list[list], out=print) -> None:
    cells = [[fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    out("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    out("  ".join("-" * w for w in widths))
    for row in cells:
        out("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())


def report_seeds(entries: list[dict], out=print) -> None:
    out("## Seed renderings: exact facts (region, year, level, name, 3 values)")
    rows = []
    for e in entries:
        if "skipped" in e:
            rows.append([e["seed"], e["layout"], e["pages"], "skipped", "-", "-", "-", "-", "-", "-", "-", "-"])
            continue
        ind, bud = e["scores"][exp.INDICATOR], e["scores"][exp.BUDGET]
        per_page = e["seconds"] / e["pages"] if e.get("seconds") and e["pages"] else None
        rows.append([e["seed"], e["layout"], e["pages"], e["status"], f"{ind['found']}/{ind['expected']}",
                     ind["recall"], ind["precision"], f"{bud['found']}/{bud['expected']}", bud["recall"],
                     bud["precision"], per_page, e.get("peak_rss_mb")])
    print_table(["seed", "layout", "pages", "status", "ind found", "ind R", "ind P", "budget found",
                 "budget R", "budget P", "s/page", "RSS MB"], rows, out)


def report_unknown(unknown: dict, out=print) -> None:
    out("## Tables left unknown among tables with >= 2 numeric columns")
    rows = []
    sets = [("corpus", unknown.get("corpus"))] + [("fuzz (all engines)", unknown.get("fuzz"))]
    for name, c in sets:
        if c:
            fams = ",".join(f"{k}:{v}" for k, v in sorted(c["families"].items())) or "-"
            rows.append([name, c["documents"], c["numeric_tables"], c["unknown"], c["unknown_share"], fams])
    print_table(["documents", "n", "numeric tables", "unknown", "share", "families"], rows, out)


def report(results: dict, out=print) -> None:
    out(f"# LKjIP extraction benchmark  {results['generated_at']}  ({results['cpu_count']} CPUs)")
    if results["seeds"]:
        out("")
        report_seeds(results["seeds"], out)
    if results["fuzz"]:
        out("")
        fuzz_score.report_fuzz(results["fuzz"], print_table, out)
    if results.get("whole"):
        out("")
        fuzz_score.report_fuzz(results["whole"], print_table, out)
    if results["truth"]:
        out("")
        truth_score.report_truth(results["truth"], print_table, out)
    if results["corpus"]:
        out("")
        corpus_score.report_corpus(results["corpus"], print_table, out)
    if any(results["unknown_tables"].values()):
        out("")
        report_unknown(results["unknown_tables"], out)
    out("")
    out("seconds per section: " + ", ".join(f"{k} {v}" for k, v in results["section_seconds"].items()))
    if results.get("notes"):
        out("Notes:")
        for note in results["notes"]:
            out(f"- {note}")


def parse_args(argv: list[str] | None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fast: no corpus section, no OCR layouts (scanned, "
                    f"scanned-sideways, pictured, pictured-unruled), {QUICK_FUZZ_N} fuzz variants per seed per engine, "
                    f"{len(QUICK_TRUTH)} labelled documents")
    ap.add_argument("--corpus-only", action="store_true", help="only the corpus: corpus table and labelled set")
    ap.add_argument("--held-out", action="store_true",
                    help=f"only what the rules were not built on: fuzz variants from {fuzz_score.DEVELOPMENT_VARIANTS} "
                    f"({HELD_OUT_N} per seed per engine unless --fuzz-n) and the newest round of labels "
                    f"({HELD_OUT_TRUTH.relative_to(ROOT)}/)")
    ap.add_argument("--only", action="append", choices=SECTIONS, help="only this section (repeatable)")
    ap.add_argument("--layout", action="append", choices=ALL_LAYOUTS, help="only this seed layout (repeatable)")
    ap.add_argument("--seed", action="append",
                    help="only seeds whose slug contains this text: jepara, jambi (repeatable; seeds and fuzz)")
    ap.add_argument("--fuzz-n", type=int, help=f"fuzz variants per seed per engine (default {FUZZ_N}, "
                    f"--quick {QUICK_FUZZ_N}; 0 = no fuzz section)")
    ap.add_argument("--fuzz-first", type=int, default=0,
                    help="number of the first fuzz variant (default 0). Variants 0-"
                    f"{fuzz_score.DEVELOPMENT_VARIANTS - 1} are the development set the rules were built on; "
                    f"--fuzz-first {fuzz_score.DEVELOPMENT_VARIANTS} measures held-out layouts nobody looked at")
    ap.add_argument("--fuzz-engine", action="append", choices=fuzz_score.ENGINES,
                    help="only this engine (fuzz and whole)")
    ap.add_argument("--whole-n", type=int, default=fuzz_score.WHOLE_N,
                    help="section `whole` (not with --quick; 0 = none): whole seed reports per seed per engine "
                    f"(default {fuzz_score.WHOLE_N}), variant stream base seed {fuzz_score.WHOLE_BASE_SEED}"),
    ap.add_argument("--truth-doc", action="append", help="only labelled documents whose name contains this")
    ap.add_argument("--truth-n", type=int, help="at most this many labelled documents")
    ap.add_argument("--truth-dir", default=str(truth_score.TRUTH_DIR),
                    help="folder of labelled CSVs (default bench/truth; later rounds: bench/truth/heldout*)")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help=f"folder of real PDFs (default {DEFAULT_CORPUS})")
    ap.add_argument("--cache", default=str(DEFAULT_CACHE),
                    help="cache root: fuzz renderings and extractions in CACHE/fuzz/, corpus extractions in "
                    "CACHE/bench/extracted/ (default build/)")
    ap.add_argument("--refresh", action="store_true", help="render and extract again instead of using the cache")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="extractions in parallel (fuzz, truth)")
    ap.add_argument("--json", default=str(BUILD / "results.json"), help="where to write the results (JSON)")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args(argv)
    if args.quick and args.corpus_only:
        ap.error("--quick leaves the corpus out; --corpus-only runs only the corpus")
    if args.held_out:
        if args.quick or args.corpus_only or args.only:
            ap.error("--held-out chooses its own sections (fuzz, truth)")
        args.only, args.truth_dir = ["fuzz", "truth"], str(HELD_OUT_TRUTH)
        args.fuzz_first = fuzz_score.DEVELOPMENT_VARIANTS
        args.fuzz_n = HELD_OUT_N if args.fuzz_n is None else args.fuzz_n
    if args.fuzz_n is None:
        args.fuzz_n = QUICK_FUZZ_N if args.quick else FUZZ_N
    return args


def _stop_workers_on_signal() -> None:
    """SIGTERM / SIGINT stop the extraction workers too: each runs in its own process group, so
    a signal to the benchmark alone would leave them writing into the extraction cache."""
    from extract import worker

    def stop(signum, frame):
        worker.stop_all()
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _stop_workers_on_signal()
    started = time.monotonic()
    results = run(args)
    results["total_seconds"] = round(time.monotonic() - started, 1)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    report(results)
    print(f"total {results['total_seconds']} s")
    print(f"\nresults: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
