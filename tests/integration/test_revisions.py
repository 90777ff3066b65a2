"""Versions of one report: both stay in raw, only the latest reaches the fact marts, mart_document_revisions says
what changed.

The raw fixture plus (tests/fixtures/raw_fixture.py):
- Jepara's report fetched again on a later run with one value changed (JEPARA_REVISED_ID: the realisasi of
  PROGRAM HUBUNGAN INDUSTRIAL 80.234.300 -> 82.234.300), then re-uploaded once more unchanged (JEPARA_REUPLOAD_ID,
  another sha256 fetched later still);
- Kota Jambi's report as a 'revisi' fetched at the same time (JAMBI_REVISI_ID: file name ..._revisi.pdf), with one
  Tabel 3.9 indicator removed and one SYNTHETIC indicator added.
"""
from __future__ import annotations

import duckdb
import pytest

from tests.fixtures.raw_fixture import (
    JAMBI_ID,
    JAMBI_REVISI_ADDED,
    JAMBI_REVISI_FILE,
    JAMBI_REVISI_ID,
    JAMBI_REVISI_REMOVED,
    JAMBI_T33,
    JAMBI_T38,
    JAMBI_T39,
    JEPARA_ID,
    JEPARA_REUPLOAD_ID,
    JEPARA_REVISED_ID,
    JEPARA_REVISED_LINE,
    JEPARA_T33,
    JEPARA_T317,
    add_jambi_revisi,
    add_jepara_reupload,
    add_jepara_revision,
)
from tests.fixtures.warehouse import build_fixture_warehouse, rows

pytestmark = pytest.mark.slow

JEPARA_VERSIONS = [JEPARA_ID, JEPARA_REVISED_ID, JEPARA_REUPLOAD_ID]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db, _ = build_fixture_warehouse(tmp_path_factory.mktemp("revisions"), add_jepara_revision,
                                    add_jepara_reupload, add_jambi_revisi)
    return db


@pytest.fixture
def con(built):
    c = duckdb.connect(str(built), read_only=True)
    yield c
    c.close()


def test_every_version_stays_in_raw_and_dim_document(con):
    for document_id in [*JEPARA_VERSIONS, JAMBI_ID, JAMBI_REVISI_ID]:
        assert con.execute("select count(*) from raw.documents where document_id = ?", [document_id]).fetchone()[0]
    docs = {r["document_id"]: r for r in rows(con, "select * from marts.dim_document")}
    assert set(JEPARA_VERSIONS) | {JAMBI_ID, JAMBI_REVISI_ID} <= set(docs)
    assert {docs[d]["status"] for d in [*JEPARA_VERSIONS, JAMBI_ID, JAMBI_REVISI_ID]} == {"ok"}


def test_latest_version_by_fetch_time(con):
    docs = {r["document_id"]: r for r in rows(con, "select * from marts.dim_document")}
    groups = {docs[d]["version_group_id"] for d in JEPARA_VERSIONS}
    assert len(groups) == 1 and None not in groups
    assert [docs[d]["is_latest_version"] for d in JEPARA_VERSIONS] == [False, False, True]
    assert [docs[d]["is_fact_source"] for d in JEPARA_VERSIONS] == [False, False, True]
    assert [docs[d]["superseded_by_document_id"] for d in JEPARA_VERSIONS] == [
        JEPARA_REVISED_ID, JEPARA_REUPLOAD_ID, None]


def test_latest_version_by_revision_mark(con):
    docs = {r["document_id"]: r for r in rows(con, "select * from marts.dim_document")}
    assert docs[JAMBI_ID]["fetched_at"] == docs[JAMBI_REVISI_ID]["fetched_at"]  # the fetch time does not decide
    assert docs[JAMBI_REVISI_ID]["file_name"] == JAMBI_REVISI_FILE
    assert docs[JAMBI_ID]["version_group_id"] == docs[JAMBI_REVISI_ID]["version_group_id"]
    assert docs[JAMBI_ID]["version_group_id"] != docs[JEPARA_ID]["version_group_id"]
    assert docs[JAMBI_ID]["superseded_by_document_id"] == JAMBI_REVISI_ID
    assert docs[JAMBI_REVISI_ID]["is_latest_version"] and docs[JAMBI_REVISI_ID]["is_fact_source"]
    assert not docs[JAMBI_ID]["is_fact_source"]


def test_facts_count_once_from_the_latest_version(con):
    budget = dict(con.execute("select document_id, count(*) from marts.fct_budget_realization group by 1").fetchall())
    assert budget == {JEPARA_REUPLOAD_ID: len(JEPARA_T317), JAMBI_REVISI_ID: len(JAMBI_T38)}
    line, _, old_value, _, new_value = JEPARA_REVISED_LINE
    r, = rows(con, "select * from marts.fct_budget_realization where line_name = ?", line)
    assert r["realization_idr"] == new_value and r["document_id"] == JEPARA_REUPLOAD_ID
    indicators = dict(con.execute("select document_id, count(*) from marts.fct_performance_indicator "
                                  "group by 1").fetchall())
    # Jepara: Tabel 3.3 and the synthetic row; Jambi: one Tabel 3.9 indicator less, one more
    assert indicators == {JEPARA_REUPLOAD_ID: len(JEPARA_T33) + 1, JAMBI_REVISI_ID: len(JAMBI_T39) + len(JAMBI_T33)}
    # the scorecards count each report once: Jepara's three 2.07 programs, with the revised realisasi
    r, = rows(con, "select * from marts.mart_region_scorecard where region_code = '33.20' and fiscal_year = 2024 "
                   "and sector_code = '2.07'")
    assert r["document_count"] == 1 and r["program_line_count"] == 3
    assert r["budget_idr"] == 1_871_557_000 + 195_000_000 + 90_000_000
    assert r["realization_idr"] == 1_782_123_052 + 188_752_658 + new_value
    assert old_value == 80_234_300
    n = con.execute("select count(*) from marts.fct_plan_target where region_code = '33.20'").fetchone()[0]
    assert n == 15


def test_changed_value_between_consecutive_versions(con):
    changes = rows(con, "select * from marts.mart_document_revisions where old_document_id = ?", JEPARA_ID)
    line, old_raw, old_value, new_raw, new_value = JEPARA_REVISED_LINE
    assert len(changes) == 1
    c = changes[0]
    assert c["new_document_id"] == JEPARA_REVISED_ID
    assert (c["fact_kind"], c["change_kind"], c["level"], c["fact_name"], c["fiscal_year"]) == (
        "budget_line", "changed", "program", line, 2024)
    assert (c["value_name"], c["old_value"], c["new_value"]) == ("realization_idr", old_value, new_value)
    assert (c["old_value_raw"], c["new_value_raw"]) == (old_raw, new_raw)
    # Tabel 3.17 spans pages 60-63; the 24th line of the fixture is on page 61 in both versions
    assert c["old_source_page"] == c["new_source_page"] == 61
    # the identical re-upload changes nothing
    assert rows(con, "select * from marts.mart_document_revisions where old_document_id = ?", JEPARA_REVISED_ID) == []


def test_added_and_removed_facts(con):
    changes = {r["change_kind"]: r for r in rows(
        con, "select * from marts.mart_document_revisions where old_document_id = ?", JAMBI_ID)}
    assert set(changes) == {"added", "removed"}
    removed, added = changes["removed"], changes["added"]
    assert (removed["fact_kind"], removed["level"], removed["fact_name"], removed["fiscal_year"]) == (
        "indicator", "sasaran", JAMBI_REVISI_REMOVED, 2025)
    assert removed["old_source_page"] == 71 and removed["new_source_page"] is None
    assert (added["fact_name"], added["new_source_page"], added["old_source_page"]) == (JAMBI_REVISI_ADDED[1], 71, None)
    assert all(r["new_document_id"] == JAMBI_REVISI_ID and r["value_name"] is None for r in changes.values())
