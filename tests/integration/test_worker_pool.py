"""The pool of long-lived extraction workers keeps the isolation rules of one process per document:
a document that hangs, or breaks its CPU or memory limit, is quarantined with the stage and reason,
its worker's whole group is killed and replaced, and the next document is read as usual."""
from __future__ import annotations

import os
import subprocess

import pytest

import extract.worker as worker
from extract.worker import Limits, WorkerPool
from tests.paths import SAMPLE_PDFS

pytestmark = pytest.mark.slow
JEPARA = SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf"
JAMBI = SAMPLE_PDFS / "lkjip_kota-jambi_2025_ruled.pdf"


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_one_worker_reads_document_after_document(tmp_path):
    worker._stopping.clear()  # a robustness test of this process may have stopped every worker
    with WorkerPool(1) as pool:
        records = [pool.extract(pdf, tmp_path, pdf.stem) for pdf in (JEPARA, JAMBI)]
        assert pool.started == 1  # the second document paid no start-up
        # its peak memory, reported by the worker: camelot, OpenCV and pandas loaded; under issue 13's 1 GB
        assert 100 < pool.peak_rss_mb[0] < 1024
    assert [(r["status"], r["region_code"], r["fiscal_year"]) for r in records] == \
        [("ok", "33.20", 2024), ("ok", "15.71", 2025)]


def test_a_document_that_breaks_a_limit_is_quarantined_and_the_pool_goes_on(tmp_path):
    worker._stopping.clear()
    with WorkerPool(1) as pool:
        hangs = pool.extract(JEPARA, tmp_path, "hangs", Limits(cpu_seconds=60, wall_seconds=1))
        assert not group_alive(hangs["worker_pid"])  # the whole group was killed
        cpu = pool.extract(JEPARA, tmp_path, "cpu", Limits(cpu_seconds=0))  # the worker's own CPU so far
        memory = pool.extract(JEPARA, tmp_path, "memory", Limits(cpu_seconds=60, memory_mb=60))
        after = pool.extract(JAMBI, tmp_path, "after")
        assert pool.started == 4  # each failure cost its worker; a new one took the next document
    for record, reason in ((hangs, "parse_timeout"), (cpu, "resource_limit: CPU time"), (memory, "resource_limit")):
        assert (record["status"], record["stage"]) == ("quarantined", "worker")
        assert record["status_reason"].startswith(reason), record
    assert (after["status"], after["region_code"]) == ("ok", "15.71")


@pytest.fixture
def stopped_then_cleared():
    yield
    worker._stopping.clear()  # the next tests of this process start workers again


class _StopDuringStart(subprocess.Popen):
    """A Popen after which stop_all runs at once, as a SIGTERM handler of the starting thread would:
    the worker is started but not yet known to stop_all."""

    started: list[int] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _StopDuringStart.started.append(self.pid)
        worker.stop_all()


@pytest.mark.parametrize("pooled", [True, False])
def test_a_worker_started_while_stop_all_runs_does_not_escape_it(tmp_path, monkeypatch, stopped_then_cleared, pooled):
    worker._stopping.clear()
    _StopDuringStart.started = []
    monkeypatch.setattr(worker.subprocess, "Popen", _StopDuringStart)
    with WorkerPool(1) as pool:
        record = pool.extract(JEPARA, tmp_path, "late") if pooled else \
            worker.extract_isolated(JEPARA, tmp_path, "late")
        assert not group_alive(_StopDuringStart.started[0])  # killed, not left to read the document
        assert record["status"] == "stopped", record
        # and once the stop began, no worker is started at all
        refused = pool.extract(JAMBI, tmp_path, "refused") if pooled else \
            worker.extract_isolated(JAMBI, tmp_path, "refused")
    assert refused["status"] == "stopped" and len(_StopDuringStart.started) == 1


def test_a_run_hands_out_the_documents_largest_first(tmp_path):
    """The tail of a run, one worker reading while the others idle, is the last documents handed out."""
    from extract import pipeline
    from tests.paths import CORPUS

    dinkes = CORPUS / "jabar-dinkes_2016_lakip.pdf"  # 110 pages; Jambi 45, Jepara 43
    if not dinkes.exists():
        pytest.skip(f"corpus file not found: {dinkes}")
    ctx = pipeline.start_run(data_dir=str(tmp_path / "data"), warehouse=str(tmp_path / "wh" / "lkjip.duckdb"))
    jepara, jambi, large = pipeline.ingest_files(ctx, [JEPARA, JAMBI, dinkes])
    assert pipeline._largest_first(ctx, [jepara, jambi, large]) == [large, jambi, jepara]
