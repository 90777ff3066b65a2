"""Nightly operations under real faults: bad PDFs, killed runs, concurrent runs, readers, limits.

Real files and real processes only (runs are `python -m extract.cli` subprocesses where a
second process matters); no network beyond nothing at all: every run here is `lkjip ingest`.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from extract import outcome
from extract.cli import main
from extract.layout import DataLayout, run_lock
from extract.worker import Limits, extract_isolated
from tests.paths import REPO

SAMPLES = REPO / "samples" / "pdf"
GOOD = SAMPLES / "lkjip_jepara_2024_ruled.pdf"
NEW = SAMPLES / "lkjip_jepara_2024_unruled.pdf"  # not in the published fixture: the run has something to load
# Columns that record *when* or *which run*, not *what*: they differ between runs by nature.
TIME_COLUMNS = {"fetched_at", "extracted_at", "published_at", "run_id", "validated_at"}


# ---------------------------------------------------------------- hostile files

def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n" + random.Random(5).randbytes(8192)


def encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    page = canvas.Canvas(buf, encrypt=StandardEncryption("user-secret", ownerPassword="owner"))
    page.drawString(72, 720, "LAPORAN KINERJA INSTANSI PEMERINTAH KABUPATEN JEPARA 2024")
    page.showPage()
    page.save()
    return buf.getvalue()


def image_only_pdf() -> bytes:
    """A 'scanned' report: one page holding only a raster image, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(image)
    for y in range(20, 300, 40):
        draw.line([(20, y), (580, y)], fill="black", width=2)
    draw.rectangle([40, 40, 200, 120], fill="gray")
    buf = io.BytesIO()
    page = canvas.Canvas(buf, invariant=1)
    page.drawImage(ImageReader(image), 50, 400, width=500, height=250)
    page.showPage()
    page.save()
    return buf.getvalue()


def ingest_args(data: Path, warehouse: Path, *paths) -> list[str]:
    return ["ingest", "--no-progress", "--warehouse", str(warehouse), "--data-dir", str(data),
            *[str(p) for p in paths]]


def lkjip_process(args: list[str]) -> subprocess.Popen:
    """`lkjip ...` in its own process group (so a test can kill it with its children)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "extract.cli", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def marts_snapshot(path: Path, drop: set[str] = TIME_COLUMNS) -> dict[str, list[tuple]]:
    """Every marts table, sorted, without the columns in `drop`."""
    with duckdb.connect(str(path), read_only=True) as con:
        columns: dict[str, list[str]] = {}
        for table, column in con.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'marts' ORDER BY table_name, ordinal_position").fetchall():
            if column not in drop:
                columns.setdefault(table, []).append(column)
        return {t: con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cs)} '
                               f"FROM marts.{t} ORDER BY ALL").fetchall()
                for t, cs in columns.items()}


def query(path: Path, sql: str, *params):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """One ingest: the good Jepara sample plus four hostile files; the published warehouse."""
    root = tmp_path_factory.mktemp("operations")
    bad = root / "bad"
    bad.mkdir()
    (bad / "corrupt.pdf").write_bytes(corrupt_pdf())
    (bad / "encrypted.pdf").write_bytes(encrypted_pdf())
    (bad / "zero-bytes.pdf").write_bytes(b"")
    (bad / "image-only.pdf").write_bytes(image_only_pdf())
    data, warehouse = root / "data", root / "wh" / "lkjip.duckdb"
    started = time.monotonic()
    result = CliRunner().invoke(main, ingest_args(data, warehouse, GOOD, bad))
    assert result.exit_code == outcome.PARTIAL, result.output  # published; four documents not read
    return {"root": root, "data": data, "warehouse": warehouse, "bad": bad,
            "seconds": time.monotonic() - started}


# ---------------------------------------------------------------- quarantine

@pytest.mark.slow
def test_bad_files_quarantined_good_file_loaded(published):
    rows = query(published["warehouse"], "SELECT file_name, status, status_reason FROM marts.dim_document")
    by_name = {name: (status, reason) for name, status, reason in rows}
    assert by_name["lkjip_jepara_2024_ruled.pdf"][0] == "ok"
    expected = {"corrupt.pdf": "corrupt_pdf", "encrypted.pdf": "encrypted",
                "zero-bytes.pdf": "empty_file", "image-only.pdf": ("no_text_layer", "ocr")}
    for name, reason in expected.items():
        status, status_reason = by_name[name]
        assert status == "quarantined", (name, status, status_reason)
        assert status_reason.startswith(reason), (name, status_reason)  # OCR (extract/pdf/ocr.py) may own scans
    (n_indicators,), = query(published["warehouse"], """
        SELECT count(*) FROM marts.fct_performance_indicator f JOIN marts.dim_document d USING (document_id)
        WHERE d.file_name = 'lkjip_jepara_2024_ruled.pdf'""")
    assert n_indicators > 0


@pytest.mark.slow
def test_status_lists_runs_sources_and_quarantine(published):
    runner = CliRunner()
    args = ["--data-dir", str(published["data"]), "--warehouse", str(published["warehouse"])]
    as_json = runner.invoke(main, ["status", "--format", "json", *args])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    assert report["runs"] and report["runs"][0]["outcome"] == "published"
    local, = [s for s in report["sources"] if s["source_id"] == "local"]
    assert local["documents_landed"] >= 5
    reasons = sorted(d["status_reason"].split(":")[0] for d in report["quarantine"]["documents"])
    assert reasons == ["corrupt_pdf", "empty_file", "encrypted", "no_text_layer"]
    text = runner.invoke(main, ["status", *args])
    assert text.exit_code == 0 and "Quarantine (4 documents)" in text.output
    assert "encrypted" in text.output


def test_status_without_warehouse(tmp_path):
    result = CliRunner().invoke(main, ["status", "--data-dir", str(tmp_path / "data"),
                                       "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 0, result.output
    assert "No runs recorded yet" in result.output and "no published warehouse" in result.output


# ---------------------------------------------------------------- locks, atomic publish

@pytest.mark.slow
def test_second_run_refuses_while_one_is_in_progress(published):
    # The "first run" is this test process holding the run lock; the second is a real process.
    with run_lock(DataLayout(published["data"]).lock):
        proc = lkjip_process(ingest_args(published["data"], published["warehouse"], GOOD))
        output, _ = proc.communicate(timeout=120)
    assert proc.returncode != 0
    assert "another run is in progress" in output


@pytest.mark.slow
def test_killed_run_leaves_previous_warehouse_identical(published):
    data, warehouse = published["data"], published["warehouse"]
    before = sha256(warehouse)
    snapshot = marts_snapshot(warehouse, drop=set())
    builds_before = set((data / "build").glob("*/lkjip.duckdb")) if (data / "build").exists() else set()
    # a new document, so the run has a warehouse to build (a run with nothing new skips the load)
    proc = lkjip_process(ingest_args(data, warehouse, GOOD, NEW))
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if set((data / "build").glob("*/lkjip.duckdb")) - builds_before:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before the load started: " + proc.stdout.read()
    os.killpg(proc.pid, signal.SIGKILL)  # the run and any dbt child: our own process group
    proc.wait(timeout=30)
    assert sha256(warehouse) == before
    assert marts_snapshot(warehouse, drop=set()) == snapshot  # readable read-only
    stale = set((data / "build").glob("*/lkjip.duckdb")) - builds_before
    assert stale  # the killed run's build is left behind ...
    status = CliRunner().invoke(main, ["status", "--format", "json", "--data-dir", str(data),
                                       "--warehouse", str(warehouse)])
    assert json.loads(status.output)["runs"][0]["outcome"] == "unfinished"  # killed, and it says so
    result = CliRunner().invoke(main, ingest_args(data, warehouse, GOOD, NEW))  # the next run succeeds
    assert result.exit_code == 0, result.output
    assert sha256(warehouse) != before  # published again
    assert not any(path.exists() for path in stale)  # ... and removed by the next run: its owner is dead


@pytest.mark.slow
def test_same_run_twice_yields_identical_marts(published):
    data, warehouse = published["data"], published["warehouse"]
    files = [GOOD, published["bad"]]
    first = CliRunner().invoke(main, ingest_args(data, warehouse, *files))
    assert first.exit_code == outcome.PARTIAL, first.output
    before, before_full = marts_snapshot(warehouse), marts_snapshot(warehouse, drop=set())
    second = CliRunner().invoke(main, ingest_args(data, warehouse, *files))
    assert second.exit_code == outcome.PARTIAL, second.output
    assert marts_snapshot(warehouse) == before
    # By nature only the fetch time (ingest logs a new fetch; extraction is cached) and the
    # run id and time of each validation result differ.
    after_full = marts_snapshot(warehouse, drop=set())
    differing = {t for t in before_full if before_full[t] != after_full[t]}
    assert differing <= {"dim_document", "validation_results"}


@pytest.mark.slow
def test_reader_keeps_working_during_a_run_and_sees_new_data_on_reconnect(published):
    data, warehouse = published["data"], published["warehouse"]
    new_file = SAMPLES / "lkjip_kota-jambi_2025_ruled.pdf"
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        (n_before,), = reader.execute("SELECT count(*) FROM marts.dim_document").fetchall()
        proc = lkjip_process(ingest_args(data, warehouse, new_file))
        queries = 0
        while proc.poll() is None:
            (n,), = reader.execute("SELECT count(*) FROM marts.dim_document").fetchall()
            assert n == n_before  # the old snapshot, whole, for as long as this connection lives
            reader.execute("SELECT sum(target_value) FROM marts.fct_performance_indicator").fetchall()
            queries += 1
            time.sleep(0.05)
        output = proc.stdout.read()
        assert proc.returncode == 0, output
        assert queries > 10
    finally:
        reader.close()
    with duckdb.connect(str(warehouse), read_only=True) as fresh:
        regions = {r for (r,) in fresh.execute("SELECT DISTINCT region_code FROM marts.dim_document "
                                               "WHERE status = 'ok'").fetchall()}
    assert "15.71" in regions  # Kota Jambi arrived with this run


@pytest.mark.slow
def test_reprocess_re_extracts_everything_and_gives_the_same_marts(published):
    data, warehouse = published["data"], published["warehouse"]
    before = marts_snapshot(warehouse)
    extracted = sorted(data.glob("extracted/*/*/document.json"))
    mtimes = {p: p.stat().st_mtime_ns for p in extracted}
    result = CliRunner().invoke(main, ["reprocess", "--no-progress", "--data-dir", str(data),
                                       "--warehouse", str(warehouse)])
    assert result.exit_code == outcome.PARTIAL, result.output  # the four hostile files fail again
    assert all(p.stat().st_mtime_ns != mtimes[p] for p in extracted)  # extracted again
    assert marts_snapshot(warehouse) == before


def test_reprocess_with_empty_landing_says_so(tmp_path):
    result = CliRunner().invoke(main, ["reprocess", "--data-dir", str(tmp_path / "data"),
                                       "--warehouse", str(tmp_path / "wh.duckdb")])
    assert result.exit_code != 0 and "no landed documents" in result.output


# ---------------------------------------------------------------- isolation

@pytest.mark.parametrize("limits,reason", [
    (Limits(cpu_seconds=1), "resource_limit"),
    (Limits(cpu_seconds=60, memory_mb=150), "resource_limit"),
    (Limits(cpu_seconds=60, wall_seconds=1), "parse_timeout"),
])
def test_worker_limits_quarantine_instead_of_stalling(tmp_path, limits, reason):
    started = time.monotonic()
    record = extract_isolated(GOOD, tmp_path / "extracted", "hostile", limits)
    assert record["status"] == "quarantined" and record["stage"] == "worker"
    assert record["status_reason"].startswith(reason), record
    assert time.monotonic() - started < 60
