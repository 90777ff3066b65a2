"""dbt build on the raw fixture: the marts hold the values printed in the seed reports."""
from __future__ import annotations

import duckdb
import pytest

from extract.build import generate_docs, run_dbt_build
from tests.fixtures.raw_fixture import JAMBI_ID, JEPARA_ID, QUARANTINED_ID, write_raw_fixture

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = write_raw_fixture(tmp_path_factory.mktemp("build") / "lkjip.duckdb")
    result = run_dbt_build(db)
    assert result.success, result.log_tail
    return db, result


@pytest.fixture
def con(built):
    # per test: DuckDB refuses a dbt subprocess while this process holds the file, even read-only
    db, _ = built
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def rows(con, sql, *params):
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_build_result_is_parsed(built):
    _, result = built
    assert result.returncode == 0
    assert result.run_results is not None
    assert result.counts.get("pass", 0) > 50
    assert result.counts.get("error", 0) == 0 and result.counts.get("fail", 0) == 0
    assert result.target_dir is not None and (result.target_dir / "manifest.json").exists()


def test_schemas_are_exact(con):
    schemas = {r[0] for r in con.execute("select distinct table_schema from information_schema.tables").fetchall()}
    assert {"raw", "staging", "intermediate", "marts", "reference"} <= schemas
    assert not any(s.startswith("main_") for s in schemas)
    marts = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
    assert {"dim_region", "dim_document", "fct_performance_indicator", "fct_budget_realization"} <= marts


def test_dim_region(con):
    assert con.execute("select count(*) from marts.dim_region").fetchone()[0] == 552
    by_type = dict(con.execute("select region_type, count(*) from marts.dim_region group by 1").fetchall())
    assert by_type == {"Provinsi": 38, "Kabupaten": 416, "Kota": 98}
    jepara, = rows(con, "select * from marts.dim_region where region_code = '33.20'")
    assert jepara["region_name"] == "Kabupaten Jepara" and jepara["region_type"] == "Kabupaten"
    assert jepara["province_code"] == "33" and jepara["province_name"] == "Jawa Tengah"
    assert jepara["bps_code"] == "3320"
    jambi, = rows(con, "select * from marts.dim_region where region_code = '15.71'")
    assert jambi["region_name"] == "Kota Jambi" and jambi["region_type"] == "Kota"
    sumut, = rows(con, "select * from marts.dim_region where region_code = '12'")
    assert sumut["region_type"] == "Provinsi" and sumut["province_code"] == "12"
    assert sumut["province_name"] == "Sumatera Utara"


def test_dim_document_keeps_quarantined(con):
    docs = {r["document_id"]: r for r in rows(con, "select * from marts.dim_document")}
    assert set(docs) == {JEPARA_ID, JAMBI_ID, QUARANTINED_ID}
    assert docs[QUARANTINED_ID]["status"] == "quarantined"
    assert docs[QUARANTINED_ID]["status_reason"].startswith("extract:")
    assert docs[JEPARA_ID]["region_code"] == "33.20" and docs[JEPARA_ID]["fiscal_year"] == 2024


def test_quarantined_document_absent_from_facts(con):
    for table in ("fct_performance_indicator", "fct_budget_realization"):
        n = con.execute(f"select count(*) from marts.{table} where document_id = ?", [QUARANTINED_ID]).fetchone()[0]
        assert n == 0, table


def test_jepara_tabel_3_3(con):
    r, = rows(con, "select * from marts.fct_performance_indicator where indicator_name = ?",
              "Persentase tenaga kerja siap kerja")
    assert r["region_code"] == "33.20" and r["fiscal_year"] == 2024 and r["level"] == "sasaran"
    assert r["unit"] == "%"
    assert r["target_value"] == pytest.approx(2.90)
    assert r["realization_value"] == pytest.approx(2.73)
    assert r["achievement_pct_reported"] == pytest.approx(94.14)
    assert r["achievement_pct_computed"] == pytest.approx(2.73 / 2.90 * 100)
    assert round(r["achievement_pct_computed"], 2) == 94.14
    assert r["category_reported"] == "Baik"
    assert (r["target_raw"], r["realization_raw"], r["achievement_raw"]) == ("2,90", "2,73", "94,14")
    assert r["source_page"] == 41 and r["table_id"] == "p41-t1"
    n = con.execute("select count(*) from marts.fct_performance_indicator where document_id = ? and level = 'sasaran'",
                    [JEPARA_ID]).fetchone()[0]
    assert n == 7


def test_jambi_tabel_3_9_year_from_document(con):
    r, = rows(con, "select * from marts.fct_performance_indicator where indicator_name = ?",
              "Persentase Penempatan Pencari Kerja Terdaftar")
    assert r["region_code"] == "15.71" and r["fiscal_year"] == 2025 and r["is_fiscal_year_from_document"]
    assert (r["target_value"], r["realization_value"], r["achievement_pct_reported"]) == pytest.approx(
        (45.00, 60.97, 135.49))
    assert r["achievement_pct_computed"] == pytest.approx(60.97 / 45.00 * 100)


def test_jepara_tabel_3_17(con):
    r, = rows(con, "select * from marts.fct_budget_realization where line_name = ? and document_id = ?",
              "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", JEPARA_ID)
    assert r["level"] == "program" and r["region_code"] == "33.20" and r["fiscal_year"] == 2024
    assert r["budget_idr"] == 1_871_557_000
    assert r["realization_idr"] == 1_782_123_052
    assert r["absorption_pct_reported"] == pytest.approx(95.22)
    assert r["absorption_pct_computed"] == pytest.approx(1_782_123_052 / 1_871_557_000 * 100)
    assert r["budget_raw"] == "1.871.557.000"
    levels = dict(con.execute(
        "select level, count(*) from marts.fct_budget_realization where document_id = ? group by 1",
        [JEPARA_ID]).fetchall())
    assert levels == {"program": 11, "kegiatan": 7, "sub_kegiatan": 14, "total": 1}
    total, = rows(con, "select * from marts.fct_budget_realization where document_id = ? and level = 'total'",
                  JEPARA_ID)
    assert total["budget_idr"] == 5_140_052_105 and total["realization_idr"] == 4_887_834_646


def test_jambi_tabel_3_8_english_numbers(con):
    r, = rows(con, "select * from marts.fct_budget_realization where document_id = ? and level = 'total'", JAMBI_ID)
    assert r["budget_idr"] == pytest.approx(10_036_268_000.00)
    assert r["realization_idr"] == pytest.approx(8_767_409_001.00)
    assert r["fiscal_year"] == 2025 and r["region_code"] == "15.71"


def test_generate_docs(built, tmp_path):
    db, _ = built
    index = generate_docs(db, tmp_path / "docs")
    assert index.exists() and index.stat().st_size > 10_000
    assert (tmp_path / "docs" / "catalog.json").exists()
    assert "fct_performance_indicator" in (tmp_path / "docs" / "manifest.json").read_text()


def test_data_quality_issues(con):
    issues = rows(con, "select * from marts.mart_data_quality_issues where document_id = ? "
                       "and check_name = 'printed_total_differs_from_program_sum' order by found_value desc",
                  JEPARA_ID)
    budget = issues[0]
    assert budget["found_value"] == 5_140_052_105  # printed JUMLAH of Tabel 3.17
    assert budget["expected_value"] == 4_873_414_453  # sum of its 11 program lines
    assert budget["severity"] == "warn" and budget["source_page"] is not None
    # capaian printed 94,14 = 2,73 / 2,90 within rounding: no issue for that row
    n = con.execute("select count(*) from marts.mart_data_quality_issues "
                    "where check_name = 'reported_capaian_differs_from_computed' and detail like ?",
                    ["%Persentase tenaga kerja siap kerja%"]).fetchone()[0]
    assert n == 0
