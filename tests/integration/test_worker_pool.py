"""The pool of long-lived extraction workers keeps the isolation rules of one process per document:
a document that hangs, or breaks its CPU or memory limit, is quarantined with the stage and reason,
its worker's whole group is killed and replaced, and the next document is read as usual."""
from __future__ import annotations

import os

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
    assert [(r["status"], r["region_code"], r["fiscal_year"]) for r in records] == \
        [("ok", "33.20", 2024), ("ok", "15.71", 2025)]


def test_a_document_that_breaks_a_limit_is_quarantined_and_the_pool_goes_on(tmp_path):
    worker._stopping.clear()
    with WorkerPool(1) as pool:
        hangs = pool.extract(JEPARA, tmp_path, "hangs", Limits(cpu_seconds=60, wall_seconds=1))
        assert not group_alive(hangs["worker_pid"])  # the whole group was killed
        cpu = pool.extract(JEPARA, tmp_path, "cpu", Limits(cpu_seconds=1))
        memory = pool.extract(JEPARA, tmp_path, "memory", Limits(cpu_seconds=60, memory_mb=150))
        after = pool.extract(JAMBI, tmp_path, "after")
        assert pool.started == 4  # each failure cost its worker; a new one took the next document
    for record, reason in ((hangs, "parse_timeout"), (cpu, "resource_limit: CPU time"), (memory, "resource_limit")):
        assert (record["status"], record["stage"]) == ("quarantined", "worker")
        assert record["status_reason"].startswith(reason), record
    assert (after["status"], after["region_code"]) == ("ok", "15.71")
