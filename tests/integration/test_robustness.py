"""A nightly run that no document, signal or second run can stop or corrupt: process groups, locks,
exit codes, one-line errors (issue: "A nightly run that no document, site or query can stop")."""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import outcome, pipeline
from extract.cli import main
from extract.layout import DataLayout, run_lock, warehouse_lock
from extract.pdf import ocr
from extract.worker import Limits, extract_isolated, limits_for, stop_all
from tests.paths import REPO, SAMPLE_PDFS

pytestmark = pytest.mark.slow
GOOD = SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf"


def scanned_pdf(path: Path, pages: int = 6) -> Path:
    """A scan of several pages of text: OCR (ocrmypdf, then tesseract) runs for a while on it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    for page in range(pages):
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for line in range(40):
            draw.text((80, 60 + 40 * line), f"Halaman {page + 1} baris {line + 1} Indikator Kinerja 95,22 %", fill=0)
        pdf.drawImage(ImageReader(image), 0, 0, 595, 842)
        pdf.showPage()
    pdf.save()
    path.write_bytes(buf.getvalue())
    return path


def processes() -> list[dict]:
    """Every process of this machine: pid, process group and command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if stat[0] != "Z":
            found.append({"pid": int(entry.name), "pgid": int(stat[2]), "ppid": int(stat[1]), "cmd": cmdline})
    return found


def group_members(pgid: int) -> list[dict]:
    return [p for p in processes() if p["pgid"] == pgid]


def wait_for(predicate, seconds: float = 120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.05)
    return None


def ocr_workers(pdf: Path) -> list[dict]:
    """The worker groups extracting `pdf` that have an OCR process running."""
    leaders = [p for p in processes() if "extract.worker" in p["cmd"] and str(pdf) in p["cmd"]]
    return [leader for leader in leaders
            if any(("ocrmypdf" in m["cmd"] or "tesseract" in m["cmd"]) for m in group_members(leader["pid"]))]


needs_ocr = pytest.mark.skipif(not ocr.ocr_available(), reason="OCR (ocrmypdf + tesseract ind) not installed")


# ---------------------------------------------------------------- process hygiene


@needs_ocr
def test_stopping_kills_the_whole_worker_group_ocr_included(tmp_path):
    pdf = scanned_pdf(tmp_path / "scan.pdf")
    records: list[dict] = []
    thread = threading.Thread(target=lambda: records.append(extract_isolated(pdf, tmp_path / "x", "scan")))
    thread.start()
    busy = wait_for(lambda: ocr_workers(pdf))
    assert busy, "OCR never started"
    stop_all()
    thread.join(timeout=60)
    assert records and records[0]["status"] == "stopped"
    assert wait_for(lambda: not group_members(busy[0]["pid"]), 10), group_members(busy[0]["pid"])


@needs_ocr
def test_a_worker_past_its_time_limit_leaves_no_process_behind(tmp_path):
    import extract.worker as worker

    worker._stopping.clear()  # an earlier test stopped every worker of this process
    pdf = scanned_pdf(tmp_path / "scan.pdf", pages=30)
    for wall in (10, 30):  # the limit must strike while OCR runs: on a loaded machine start-up is slower
        seen: list[dict] = []
        watcher = threading.Thread(target=lambda: seen.extend(wait_for(lambda: ocr_workers(pdf), wall) or []))
        watcher.start()
        record = extract_isolated(pdf, tmp_path / f"x{wall}", "scan", Limits(cpu_seconds=600, wall_seconds=wall))
        watcher.join()
        if seen and record["status_reason"].startswith("parse_timeout"):
            assert wait_for(lambda: not group_members(record["worker_pid"]), 10), group_members(record["worker_pid"])
            return
    pytest.fail(f"the time limit never struck while OCR was running: {record}")


def test_time_limits_count_cpu_seconds_and_grow_with_pages():
    short, long_scan = limits_for(2), limits_for(142)
    assert long_scan.cpu_seconds > 10 * short.cpu_seconds / 2
    assert long_scan.wall >= 4 * long_scan.cpu_seconds  # the wall clock only guards against hangs


@needs_ocr
def test_sigterm_stops_ingest_and_its_workers(tmp_path):
    import extract.worker as worker

    worker._stopping.clear()
    pdf = scanned_pdf(tmp_path / "scan.pdf", pages=10)
    data, warehouse = tmp_path / "data", tmp_path / "wh" / "lkjip.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "extract.cli", "ingest", "--no-progress", "--data-dir", str(data),
                             "--warehouse", str(warehouse), str(pdf)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        busy = wait_for(lambda: [p for p in processes() if "extract.worker" in p["cmd"] and p["ppid"] == proc.pid])
        assert busy, proc.stdout.read() if proc.poll() is not None else "no worker started"
        os.kill(proc.pid, signal.SIGTERM)
        output, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, output
    assert "stopped by signal 15" in output and "Traceback" not in output
    assert wait_for(lambda: not group_members(busy[0]["pid"]), 10)
    assert not warehouse.exists()  # nothing published, nothing half-written
    status = CliRunner().invoke(main, ["status", "--format", "json", "--data-dir", str(data),
                                       "--warehouse", str(warehouse)])
    assert json.loads(status.output)["runs"][0]["outcome"] == "stopped"


# ---------------------------------------------------------------- locks


def test_the_lock_belongs_to_the_warehouse_too(tmp_path):
    """Two runs with different data directories and one warehouse: the second refuses (exit 5)."""
    warehouse = tmp_path / "wh" / "lkjip.duckdb"
    with run_lock(warehouse_lock(warehouse)):
        result = CliRunner().invoke(main, ["ingest", "--no-progress", "--data-dir", str(tmp_path / "other"),
                                           "--warehouse", str(warehouse), str(GOOD)])
    assert result.exit_code == outcome.LOCKED, result.output
    assert "another run is in progress" in result.output and not warehouse.exists()


def test_dag_warehouse_steps_take_the_cli_locks(tmp_path):
    from extract import orchestrate

    ctx = pipeline.start_run(None, str(tmp_path / "wh.duckdb"), str(tmp_path / "data"), runner="airflow")
    with run_lock(DataLayout(tmp_path / "data").lock):
        for step in (orchestrate.load, orchestrate.transform, orchestrate.validate, orchestrate.publish):
            with pytest.raises(Exception, match="another run is in progress"):
                step.function(ctx)


def test_load_removes_only_builds_of_dead_runs(tmp_path):
    data = DataLayout(tmp_path / "data")
    alive = _fake_build(data, "20260101T000000000000Z", os.getpid())
    dead = _fake_build(data, "20260101T000000000001Z", _dead_pid())
    ctx = pipeline.start_run(None, str(tmp_path / "wh.duckdb"), str(data.root))
    pipeline.load(ctx)
    assert alive.exists() and not dead.exists()
    assert Path(ctx["build_path"]).exists()


def _fake_build(data: DataLayout, run_id: str, pid: int) -> Path:
    folder = data.build_path(run_id).parent
    folder.mkdir(parents=True)
    (folder / pipeline.OWNER_FILE).write_text(json.dumps({"pid": pid, "host": socket.gethostname()}))
    return folder


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


# ---------------------------------------------------------------- honest outcomes, clear errors


def test_unreachable_sources_are_not_a_success(tmp_path):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"""sources:
  - id: gone-portal
    region_code: "33.20"
    name: A portal that does not answer
    listing_urls: ["http://127.0.0.1:{port}/lkjip/"]
    allowed_hosts: ["127.0.0.1"]
    allow_private_network: true
""")
    result = CliRunner().invoke(main, ["run", "--no-progress", "--sources", str(sources), "--data-dir",
                                       str(tmp_path / "data"), "--warehouse", str(tmp_path / "wh.duckdb")],
                                env={"LKJIP_CRAWL_INTERVAL": "0"})
    assert result.exit_code == outcome.NOTHING_FETCHED, result.output
    assert "none of the 1 sources could be reached" in result.output and "Validation: passed" not in result.output
    assert not (tmp_path / "wh.duckdb").exists()


def test_a_malformed_sources_file_is_one_line(tmp_path):
    sources = tmp_path / "bad.yaml"
    sources.write_text("sources:\n  - id: x\n    listing_urls: [unclosed\n")
    run = CliRunner().invoke(main, ["run", "--sources", str(sources), "--data-dir", str(tmp_path / "d")])
    assert run.exit_code == outcome.USAGE
    assert "Traceback" not in run.output and len(run.output.strip().splitlines()) == 1, run.output
    check = CliRunner().invoke(main, ["sources", "check", str(sources)])
    assert check.exit_code == outcome.USAGE and "bad.yaml:" in check.output
    good = CliRunner().invoke(main, ["sources", "check", str(REPO / "sources" / "indonesia.yaml")])
    assert good.exit_code == 0 and good.output.strip().endswith(": ok"), good.output


@pytest.mark.parametrize("option", [["--region", "<b>x</b>"], ["--region", "99.99"], ["--year", "1850"]])
def test_overrides_are_validated_before_anything_is_written(tmp_path, option):
    data = tmp_path / "data"
    result = CliRunner().invoke(main, ["ingest", *option, "--data-dir", str(data), str(GOOD)])
    assert result.exit_code == outcome.USAGE, result.output
    assert not DataLayout(data).overrides.exists() and not DataLayout(data).landing.exists()


def test_ingest_finds_pdfs_whatever_the_case_of_their_extension(tmp_path):
    from extract.cli import _pdf_paths

    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    shutil.copyfile(GOOD, folder / "A.PDF")
    shutil.copyfile(GOOD, folder / "sub" / "b.Pdf")
    (folder / "notes.txt").write_text("not a report")
    assert sorted(p.name for p in _pdf_paths([folder])) == ["A.PDF", "b.Pdf"]


def test_unexpected_errors_are_one_line_unless_verbose(tmp_path):
    broken = tmp_path / "not-a-warehouse.duckdb"
    broken.write_bytes(b"this is not a DuckDB file" * 100)
    quiet = CliRunner().invoke(main, ["export", "--warehouse", str(broken), "--out", str(tmp_path / "x")])
    assert quiet.exit_code == 1 and "run with -v" in quiet.output
    assert "Traceback" not in quiet.output and len(quiet.output.strip().splitlines()) == 1
    loud = CliRunner().invoke(main, ["-v", "export", "--warehouse", str(broken), "--out", str(tmp_path / "x")])
    assert loud.exit_code == 1 and loud.exception is not None


def test_a_file_name_that_is_not_utf8_is_stored_as_text(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"laporan-\xff\xfe.pdf")
    shutil.copyfile(GOOD, odd)
    ctx = pipeline.start_run(None, str(tmp_path / "wh.duckdb"), str(tmp_path / "data"))
    [document_id] = pipeline.ingest_files(ctx, [Path(os.fsdecode(odd))])
    log = (DataLayout(tmp_path / "data").landing / "fetch_log.jsonl").read_text(encoding="utf-8")
    record = json.loads(log.splitlines()[-1])
    assert record["sha256"] == document_id and record["link_text"] == "laporan-\\xff\\xfe.pdf"
