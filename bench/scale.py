"""Scale benchmarks (issue 13): what a nightly run costs when nothing changed, what extraction costs per
document and per page, and how the warehouse build grows with the number of documents.

    .venv/bin/python bench/scale.py noop        # `lkjip demo` twice: the second run lands nothing
    .venv/bin/python bench/scale.py workers     # one-shot worker per document vs pool of 1 and 2 workers
    .venv/bin/python bench/scale.py cpu         # CPU-s/page: extraction vs camelot vector lattice vs pdfium text
    .venv/bin/python bench/scale.py cpu --repeat 3   # the same, each document 3 times: medians and the noise
    .venv/bin/python bench/scale.py warehouse --sizes 50 500 2570   # load + dbt + validation per size

Wall seconds and CPU seconds are both printed: the machine is shared, so CPU is the fairer figure.
The warehouse sizes are synthetic: copies of the sample reports' extracted files, each copy given its
own document id, region (the 552 of dim_region), fiscal year (five) and, past 2,760 copies, agency, so
every copy is a distinct report and reaches the marts.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from hashlib import sha256
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SAMPLE_PDFS = sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
CORPUS = Path(os.environ.get("LKJIP_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")
# Issue 13's targets, printed beside each figure.
NOOP_TARGET_S = 15.0
LATTICE_RATIO_TARGET = 1.1
WAREHOUSE_TARGET_DOCUMENTS, WAREHOUSE_TARGET_CPU_S = 2570, 60.0  # 514 kabupaten/kota x 5 years
WORKER_MEMORY_TARGET_MB = 1024.0
TWO_WORKERS_TARGET = 1.8


def target_line(what: str, figure: str, target: str, met: bool) -> None:
    print(f"TARGET {what}: {figure} (target {target}: {'met' if met else 'NOT met'})", flush=True)


def cpu_seconds() -> float:
    """CPU of this process and of every child it has waited for (workers, dbt)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Clock:
    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.monotonic(), cpu_seconds()
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.monotonic() - self.wall, cpu_seconds() - self.cpu


def table(title: str, header: list[str], rows: list[list]) -> None:
    print(f"\n{title}\n| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for row in rows:
        table_row(row)


def table_row(row: list) -> None:
    print("| " + " | ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row) + " |", flush=True)


# ---------------------------------------------------------------- no-op nightly run


def bench_noop(work: Path) -> None:
    command = [PYTHON, "-m", "extract.cli", "demo", "--data-dir", str(work / "data"),
               "--warehouse", str(work / "wh" / "lkjip.duckdb")]
    rows = []
    for label in ("first run (all new)", "second run (nothing new)"):
        with Clock() as clock:
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  env={**os.environ, "LKJIP_CRAWL_INTERVAL": "0"})
        skipped = "Nothing changed since the last publish" in done.stdout
        rows.append([label, clock.wall, clock.cpu, done.returncode, "yes" if skipped else "no"])
    table("No-op nightly run (`lkjip demo` twice, sample portal)",
          ["run", "wall s", "CPU s", "exit", "skipped"], rows)
    wall = rows[-1][1]
    target_line("no-op nightly run", f"{wall:.1f} s wall, {rows[-1][2]:.1f} CPU-s", f"<= {NOOP_TARGET_S:.0f} s",
                wall <= NOOP_TARGET_S and rows[-1][4] == "yes")


# ---------------------------------------------------------------- workers


def bench_workers(work: Path, copies: int, repeat: int) -> None:
    """Documents per minute: one process per document (once), then pools of 1 and 2 workers `repeat`
    times each, interleaved so that other users' load falls on both alike; documents largest first.
    On a shared machine the wall clock shows what the other users left over, and even CPU seconds vary
    between runs (caches, clock speed); within one run they do not: 2 workers on two free cores take as
    long as the busiest one, 1 worker as long as both together less the start-up one of them paid."""
    import statistics

    documents = sorted(((pdf, f"{pdf.stem}-{k}") for k in range(copies) for pdf in SAMPLE_PDFS),
                       key=lambda job: -_pages(job[0]))
    pages = sum(_pages(pdf) for pdf, _ in documents)
    runs: dict[int, list[dict]] = {0: [], 1: [], 2: []}
    labels = {0: "one process per document", 1: "pool, 1 worker", 2: "pool, 2 workers"}
    for size in [0] + [1, 2] * repeat:
        runs[size].append(_workers_run(documents, work / f"workers-{size}-{len(runs[size])}", size))
    rows = [[labels[size], i + 1, r["ok"], r["wall"], r["cpu"], 60 * len(documents) / r["wall"], r["cpu"] / pages,
             max(r["slots"], default=0.0), r["parent"], r["load"]]
            for size, results in runs.items() for i, r in enumerate(results)]
    table(f"Extraction throughput ({len(documents)} documents, {pages} pages: the sample PDFs x {copies})",
          ["workers", "run", "ok", "wall s", "CPU s", "documents/min", "CPU s/page", "busiest worker CPU s",
           "parent CPU s", "load avg"], rows)
    wall = {size: statistics.median(r["wall"] for r in runs[size]) for size in runs}
    cpu = {size: statistics.median(r["cpu"] for r in runs[size]) for size in runs}
    start = _worker_start_cpu()
    free_cores = [(sum(r["slots"]) - start + r["parent"]) / (max(r["slots"]) + r["parent"]) for r in runs[2]]
    print(f"\nstart-up saved per document by a long-lived worker: {(wall[0] - wall[1]) / len(documents):.2f} s wall, "
          f"{(cpu[0] - cpu[1]) / len(documents):.2f} CPU-s (a worker's start-up: {start:.2f} CPU-s)")
    print(f"2 workers / 1 worker throughput, wall clock (median of {repeat}): {wall[1] / wall[2]:.2f}x "
          f"(best runs: {min(r['wall'] for r in runs[1]) / min(r['wall'] for r in runs[2]):.2f}x)")
    print("2 workers / 1 worker throughput on two free cores, from each 2-worker run's CPU seconds (both "
          "workers less one start-up, over the busiest worker, plus the parent's on both sides): "
          + ", ".join(f"{x:.2f}x" for x in free_cores))
    documents_only = [(sum(r["slots"]) - 2 * start) / (max(r["slots"]) - start) for r in runs[2]]
    print("the same on documents alone (each worker's start-up left out): "
          + ", ".join(f"{x:.2f}x" for x in documents_only))
    peaks = [peak for size in (1, 2) for r in runs[size] for peak in r["peak_mb"]]
    target_line("peak memory per worker", f"{max(peaks):.0f} MiB (worst of {len(peaks)} workers, with its largest "
                "child)", f"< {WORKER_MEMORY_TARGET_MB:.0f} MiB", max(peaks) < WORKER_MEMORY_TARGET_MB)
    speedup = wall[1] / wall[2]
    target_line("two workers / one worker", f"{speedup:.2f}x wall clock (median), {min(free_cores):.2f}x-"
                f"{max(free_cores):.2f}x from CPU seconds", f">= {TWO_WORKERS_TARGET}x",
                speedup >= TWO_WORKERS_TARGET)


def _worker_start_cpu() -> float:
    """CPU seconds of a pool worker that starts (imports camelot, OpenCV, pandas) and reads nothing."""
    with Clock() as clock:
        subprocess.run([PYTHON, "-m", "extract.worker", "--serve"], cwd=ROOT, stdin=subprocess.DEVNULL, check=True)
    return clock.cpu


def _workers_run(documents: list[tuple[Path, str]], out: Path, size: int) -> dict:
    """One extraction of `documents` (size 0: one process each); CPU of each pool worker and of this
    process (the threads that feed the workers)."""
    from extract.worker import WorkerPool, extract_isolated

    own = resource.getrusage(resource.RUSAGE_SELF)
    slots: list[float] = []
    peak_mb: list[float] = []
    with Clock() as clock:
        if size == 0:
            records = [extract_isolated(pdf, out, d) for pdf, d in documents]
        else:
            with WorkerPool(size) as pool, ThreadPoolExecutor(size) as threads:
                records = list(threads.map(lambda job: pool.extract(job[0], out, job[1]), documents))
                slots, peak_mb = pool.cpu_seconds, pool.peak_rss_mb
    after = resource.getrusage(resource.RUSAGE_SELF)
    shutil.rmtree(out, ignore_errors=True)
    return {"wall": clock.wall, "cpu": clock.cpu, "ok": sum(r.get("status") == "ok" for r in records),
            "slots": slots, "peak_mb": peak_mb, "parent": after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime,
            "load": os.getloadavg()[0]}


def _pages(pdf: Path) -> int:
    from extract.worker import page_count

    return page_count(pdf)


# ---------------------------------------------------------------- CPU per page

MEASURE = """
import json, resource, sys, warnings
from pathlib import Path
mode, pdf, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if mode == "extract":
    from extract.extraction import extract_document
elif mode in ("lattice", "lines"):
    import camelot
    from extract.pdf.find import LATTICE_LAYOUT
    layout = LATTICE_LAYOUT if mode == "lines" else None  # lines: the layout settings extraction runs lattice with
else:
    import pypdfium2 as pdfium
def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime
start = cpu()
if mode == "extract":
    extract_document(pdf, out, "measured")
elif mode in ("lattice", "lines"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        camelot.read_pdf(str(pdf), pages="all", flavor="lattice", engine="vector", split_text=True,
                         suppress_stdout=True, layout_kwargs=layout)
else:
    doc = pdfium.PdfDocument(str(pdf))
    for page in doc:
        page.get_textpage().get_text_range()
print(json.dumps(cpu() - start))
"""


def bench_cpu(work: Path, max_pages: int, repeat: int = 1) -> None:
    """Each reader in a fresh process, timed after its imports: the page work alone, side by side. With
    `repeat` > 1 every document is measured that many times (the readers in turn) and the table shows the
    median per document; the noise line gives the ratio of each round and the spread per document."""
    import statistics

    from extract.pdf.inventory import read_inventory

    modes = ("extract", "lattice", "lines", "pdfium")
    rows, seconds = [], {}  # seconds[name][mode]: one figure per round
    total_pages = total_ruled = 0
    for pdf in _text_pdfs(max_pages):
        pages, ruled = _pages(pdf), len(read_inventory(pdf).ruled_text_pages)  # the pages lattice reads
        runs = seconds[pdf.name] = {mode: [] for mode in modes}
        for _ in range(repeat):
            for mode in modes:
                runs[mode].append(_measure(mode, pdf, work / f"cpu-{pdf.stem}"))
                shutil.rmtree(work / f"cpu-{pdf.stem}", ignore_errors=True)  # else the next round reads the cache
        cpu = {mode: statistics.median(runs[mode]) for mode in modes}
        total_pages, total_ruled = total_pages + pages, total_ruled + ruled
        rows.append([pdf.name, pages, ruled, cpu["extract"] / pages, cpu["lattice"] / pages, cpu["lines"] / pages,
                     f"{cpu['pdfium'] / pages:.4f}", cpu["extract"] / cpu["lines"], cpu["extract"] / cpu["lattice"]])
    totals = {mode: sum(statistics.median(s[mode]) for s in seconds.values()) for mode in modes}
    worst = max(rows, key=lambda row: row[-1])
    rows.append(["all", total_pages, total_ruled, totals["extract"] / total_pages, totals["lattice"] / total_pages,
                 totals["lines"] / total_pages, f"{totals['pdfium'] / total_pages:.4f}",
                 totals["extract"] / totals["lines"], totals["extract"] / totals["lattice"]])
    table("Extraction CPU-s/page against camelot's vector lattice on every page and pdfium's text layer (same pages)"
          + (f", median of {repeat} rounds" if repeat > 1 else "") + "; 'lattice, no box grouping': camelot's lattice "
          "with the layout settings extraction uses (find.LATTICE_LAYOUT), the same cells for less work",
          ["document", "pages", "pages with ruling lines", "extraction", "camelot lattice", "lattice, no box grouping",
           "pdfium text", "extraction / lattice no box grouping", "extraction / lattice"], rows)
    print(f"worst document: {worst[0]} ({worst[-1]:.2f}x)")
    heaviest = max(seconds, key=lambda name: statistics.median(seconds[name]["lattice"]))  # its noise hides the rest
    rest = {mode: totals[mode] - statistics.median(seconds[heaviest][mode]) for mode in modes}
    print(f"all but the heaviest document ({heaviest}): extraction {rest['extract']:.1f} CPU-s, lattice "
          f"{rest['lattice']:.1f} CPU-s, {rest['extract'] / rest['lattice']:.2f}x; against lattice without box "
          f"grouping {totals['extract'] / totals['lines']:.2f}x all, {rest['extract'] / rest['lines']:.2f}x the rest")
    if repeat > 1:
        _print_cpu_noise(seconds, repeat)
    ratio = totals["extract"] / totals["lattice"]
    target_line("extraction / camelot vector lattice", f"{ratio:.2f}x CPU on {total_pages} pages (worst document "
                f"{worst[-1]:.2f}x)", f"<= {LATTICE_RATIO_TARGET}x", ratio <= LATTICE_RATIO_TARGET)


def _print_cpu_noise(seconds: dict[str, dict[str, list[float]]], repeat: int) -> None:
    """The total ratio of each round, and the document whose ratio varies most between rounds."""
    rounds = [sum(s["extract"][i] for s in seconds.values()) / sum(s["lattice"][i] for s in seconds.values())
              for i in range(repeat)]
    ratios = {name: [a / b for a, b in zip(s["extract"], s["lattice"])] for name, s in seconds.items()}
    noisiest = max(ratios, key=lambda name: max(ratios[name]) - min(ratios[name]))
    print("noise: extraction / lattice of each round " + ", ".join(f"{r:.2f}x" for r in rounds)
          + f"; the widest spread per document: {noisiest} {min(ratios[noisiest]):.2f}x-{max(ratios[noisiest]):.2f}x")


def _measure(mode: str, pdf: Path, out: Path) -> float:
    done = subprocess.run([PYTHON, "-c", MEASURE, mode, str(pdf), str(out)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def _text_pdfs(max_pages: int) -> list[Path]:
    """The sample PDFs, then corpus reports with a text layer (no scans) up to `max_pages` pages in all."""
    chosen, pages = list(SAMPLE_PDFS), sum(_pages(p) for p in SAMPLE_PDFS)
    for pdf in sorted(CORPUS.glob("*.pdf")) if CORPUS.exists() else []:
        if "scan" not in pdf.stem and pages + _pages(pdf) <= max_pages:
            chosen.append(pdf)
            pages += _pages(pdf)
    return chosen


# ---------------------------------------------------------------- the warehouse at scale


def bench_warehouse(work: Path, sizes: list[int]) -> None:
    seeds = _extracted_samples(work / "seed-extracted")
    table("Warehouse build at scale (synthetic copies of the extracted sample reports; s = wall, CPU in brackets)",
          ["documents", "no-op check s", "full load s", "incremental load (1 new) s", "dbt build s",
           "int_nomenclature_matches s", "validation s", "dbt + validation s", "dbt + validation CPU s"], [])
    rows = []
    for size in sizes:  # each row printed when done: the large sizes take long
        rows.append(_build_at(work / f"wh-{size}", seeds, size))
        table_row(rows[-1][:-1])
        shutil.rmtree(work / f"wh-{size}", ignore_errors=True)
    for (n1, *_, c1), (n2, *_, c2) in zip(rows, rows[1:]):
        print(f"growth {n1} -> {n2} documents: {1000 * (c2 - c1) / (n2 - n1):.1f} CPU-ms of dbt + validation "
              "per document")
    at_target = [row[-1] for row in rows if row[0] == WAREHOUSE_TARGET_DOCUMENTS]
    if at_target:
        target_line(f"dbt + validation at {WAREHOUSE_TARGET_DOCUMENTS:,} documents", f"{at_target[0]:.1f} CPU-s",
                    f"<= {WAREHOUSE_TARGET_CPU_S:.0f} s, growing linearly", at_target[0] <= WAREHOUSE_TARGET_CPU_S)


def _extracted_samples(out: Path) -> list[tuple[dict, Path]]:
    from extract.worker import WorkerPool

    with WorkerPool(2) as pool, ThreadPoolExecutor(2) as threads:
        records = list(threads.map(lambda pdf: pool.extract(pdf, out, pdf.stem), SAMPLE_PDFS))
    from extract.layout import output_dir

    return [(r, output_dir(out, r["document_id"])) for r in records if r.get("status") == "ok"]


def _build_at(folder: Path, seeds: list[tuple[dict, Path]], size: int) -> list:
    from extract.warehouse.dbt_runner import run_dbt_build
    from extract.warehouse.load import build_raw, update_raw

    documents = _synthetic_documents(folder / "extracted", seeds, size + 1)
    db = folder / "build" / "lkjip.duckdb"
    with Clock() as load:
        build_raw(db, documents[:size], [])
    with Clock() as dbt:
        result = run_dbt_build(db, timeout_s=3600)
    fuzzy = next((r["execution_time"] for r in (result.run_results or {}).get("results", [])
                  if r["unique_id"].endswith(".int_nomenclature_matches")), float("nan"))
    with Clock() as validation:  # in a process of its own, as every run pays importing GX (about 5 CPU-s)
        subprocess.run([PYTHON, "-c", VALIDATE, str(db), str(folder / "data_docs")], cwd=ROOT, check=True)
    with Clock() as incremental:
        update_raw(folder / "next" / "lkjip.duckdb", db, documents, [documents[-1].record["document_id"]], [])
    with Clock() as check:  # what a no-op run does per document: read its record, compare digests
        from extract.warehouse.inputs import build_inputs

        build_inputs({d.record["document_id"]: json.loads((d.files_dir / "document.json").read_text())
                      for d in documents[:size]}, {})
    cpu = dbt.cpu + validation.cpu  # the figure to compare: wall seconds depend on the other users
    if not result.success:
        print(f"{size} documents: dbt FAILED: {result.log_tail[-300:]}", flush=True)
    return [size, f"{check.wall:.2f}", f"{load.wall:.1f} ({load.cpu:.1f})",
            f"{incremental.wall:.1f} ({incremental.cpu:.1f})", f"{dbt.wall:.1f} ({dbt.cpu:.1f})", f"{fuzzy:.1f}",
            f"{validation.wall:.1f} ({validation.cpu:.1f})", f"{dbt.wall + validation.wall:.1f}", f"{cpu:.1f}", cpu]


VALIDATE = """
import sys
from pathlib import Path
from extract.warehouse.validate import validate_warehouse
validate_warehouse(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def _synthetic_documents(root: Path, seeds: list[tuple[dict, Path]], size: int) -> list:
    """`size` distinct reports: seed i % 4 under its own id, region, year and (past 2,760) agency."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from extract.layout import FACT_FILES, output_dir
    from extract.reference import region_codes
    from extract.warehouse.load import DocumentInput

    regions, frames = sorted(region_codes()), [{n: _frame(d / f"{n}.parquet") for n in FACT_FILES} for _, d in seeds]
    documents = []
    for i in range(size):
        record, _ = seeds[i % len(seeds)]
        document_id = sha256(f"synthetic-{i}".encode()).hexdigest()
        lap = i // (len(regions) * 5)
        record = {**record, "document_id": document_id, "region_code": regions[i % len(regions)],
                  "fiscal_year": 2020 + (i // len(regions)) % 5,
                  "agency_name": f"{record.get('agency_name') or 'Dinas'}{f' {lap}' if lap else ''}"}
        out = output_dir(root, document_id)
        out.mkdir(parents=True)
        for name, frame in frames[i % len(seeds)].items():
            if frame is not None:
                column = pa.array([document_id] * frame.num_rows, pa.string())
                pq.write_table(frame.set_column(frame.schema.get_field_index("document_id"), "document_id", column),
                               out / f"{name}.parquet")
        (out / "document.json").write_text(json.dumps(record, default=str))
        documents.append(DocumentInput(record, out))
    return documents


def _frame(path: Path):
    import pyarrow.parquet as pq

    return pq.read_table(path) if path.exists() else None


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["noop", "workers", "cpu", "warehouse", "all"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, WAREHOUSE_TARGET_DOCUMENTS, 10000],
                        help="warehouse: numbers of documents (10,000: about 20 minutes of wall clock on 2 busy cores)")
    parser.add_argument("--copies", type=int, default=6,
                        help="workers: copies of the sample PDFs (fewer: a worker's start-up weighs on each run)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="workers: runs of each pool size (default 2); cpu: rounds per document, the median "
                             "kept (default 1)")
    parser.add_argument("--max-pages", type=int, default=400, help="cpu: pages of samples + corpus reports")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="lkjip-scale-"))
    jobs = {"noop": lambda: bench_noop(work / "noop"),
            "workers": lambda: bench_workers(work, args.copies, args.repeat or 2),
            "cpu": lambda: bench_cpu(work, args.max_pages, args.repeat or 1),
            "warehouse": lambda: bench_warehouse(work, args.sizes)}
    for name, job in jobs.items():
        if args.what in (name, "all"):
            job()
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
