"""A real batch: every document of ../shared/corpus ingested into one warehouse that already holds
the samples. The run publishes; every document ends ok, partial, needs_review or quarantined with a
reason; nothing of the previous publish is lost. Skipped when the corpus folder is absent.

The 142-page PSDA scan goes in cut to `SCAN_EXCERPT` (its cover, upright and sideways tables, the pages
that once stopped a publish): whole, it took about 8 of the batch's 8 minutes, on one core while the other
sat idle. The benchmark reads all of it."""
from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from extract import outcome
from extract.cli import main
from extract.fsutil import sha256_file
from tests.page_cuts import cut_pages
from tests.paths import CORPUS, SAMPLE_PDFS

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no real corpus at {CORPUS}: batch test skipped")]
SAMPLES = [SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf", SAMPLE_PDFS / "lkjip_kota-jambi_2025_ruled.pdf"]
STATUSES = {"ok", "partial", "needs_review", "quarantined"}
LONG_SCAN = "jabar-dsda_2016_lkip-scan.pdf"
# its cover and title pages (region, year), upright tables (pp. 28-34), sideways ones (pp. 57, 64-68; p. 66
# once held one table twice under one id, which stopped the whole publish)
SCAN_EXCERPT = [1, 2, 3, 28, 29, 30, 31, 32, 33, 34, 57, 64, 65, 66, 67, 68]


def ingest(data, warehouse, *paths):
    return CliRunner().invoke(main, ["ingest", "--no-progress", "--data-dir", str(data),
                                     "--warehouse", str(warehouse), *map(str, paths)])


def rows(warehouse, sql, *params):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def facts_of(warehouse, document_ids):
    marks = ", ".join("?" for _ in document_ids)
    return rows(warehouse, f"""
        select 'indicator', document_id, indicator_name, target_value, realization_value
        from marts.fct_performance_indicator where document_id in ({marks})
        union all
        select 'budget', document_id, line_name, budget_idr, realization_idr
        from marts.fct_budget_realization where document_id in ({marks})
        order by all""", *document_ids, *document_ids)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    data, warehouse = root / "data", root / "wh" / "lkjip.duckdb"
    first = ingest(data, warehouse, *SAMPLES)
    assert first.exit_code == outcome.OK, first.output
    sample_ids = [sha256_file(p) for p in SAMPLES]
    before = facts_of(warehouse, sample_ids)
    corpus = [_excerpt(pdf, root / "excerpts") for pdf in sorted(CORPUS.glob("*.pdf"))]
    second = ingest(data, warehouse, *corpus)
    return {"warehouse": warehouse, "result": second, "before": before, "sample_ids": sample_ids,
            "corpus_ids": {sha256_file(p): p.name for p in corpus}}


def _excerpt(pdf, folder):
    """The long scan's `SCAN_EXCERPT` under its own name; any other PDF as it is."""
    if pdf.name != LONG_SCAN:
        return pdf
    folder.mkdir(exist_ok=True)
    return cut_pages(pdf, SCAN_EXCERPT, folder / pdf.name)


def test_the_batch_publishes(batch):
    result = batch["result"]
    assert result.exit_code in (outcome.OK, outcome.PARTIAL), result.output
    assert "Validation: passed" in result.output


def test_every_document_ends_in_a_known_state_with_a_reason(batch):
    found = {d: (s, r) for d, s, r in rows(batch["warehouse"],
                                            "select document_id, status, status_reason from marts.dim_document")}
    for document_id, name in batch["corpus_ids"].items():
        status, reason = found[document_id]
        assert status in STATUSES, (name, status)
        if status in ("quarantined", "needs_review"):
            assert reason, name


def test_documents_in_review_say_what_to_do(batch):
    review = rows(batch["warehouse"], "select document_id from marts.dim_document where status = 'needs_review'")
    queue = {d: how for d, how in rows(batch["warehouse"],
                                       "select document_id, how_to_fix from marts.mart_review_queue")}
    for (document_id,) in review:
        assert queue.get(document_id), document_id


def test_nothing_of_the_previous_publish_is_lost(batch):
    assert facts_of(batch["warehouse"], batch["sample_ids"]) == batch["before"]


def test_a_single_real_report_publishes_on_its_own(tmp_path):
    """Jombang's LKjIP 2022 alone once failed a warehouse-wide parse-rate suite."""
    report = CORPUS / "jombang-inspektorat_2022_lkjip.pdf"
    warehouse = tmp_path / "wh.duckdb"
    result = ingest(tmp_path / "data", warehouse, report)
    assert result.exit_code == outcome.OK, result.output
    (n,), = rows(warehouse, "select count(*) from marts.fct_performance_indicator where document_id = ?",
                 sha256_file(report))
    assert n > 0
