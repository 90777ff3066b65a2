"""dbt build on the raw fixture: the marts hold the values printed in the seed reports."""
from __future__ import annotations

import duckdb
import pytest

from extract.warehouse.dbt_runner import generate_docs, run_dbt_build
from tests.fixtures.raw_fixture import (
    JAMBI_ID,
    JEPARA_ID,
    QUARANTINED_ID,
    SYNTHETIC_CONTRADICTION,
    SYNTHETIC_TABLE_ID,
    write_raw_fixture,
)
from tests.fixtures.warehouse import build_fixture_warehouse, rows

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_fixture_warehouse(tmp_path_factory.mktemp("build"))


@pytest.fixture
def con(built):
    # per test: DuckDB refuses a dbt subprocess while this process holds the file, even read-only
    db, _ = built
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


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
    assert {"dim_region", "dim_document", "fct_performance_indicator", "fct_budget_realization",
            "mart_review_queue", "mart_document_revisions"} <= marts


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


def test_dim_document_status_and_versions(con):
    docs = {r["document_id"]: r for r in rows(con, "select * from marts.dim_document")}
    # no document of the fixture is in review, and each is the only version of its report
    assert {d: r["status"] for d, r in docs.items()} == {JEPARA_ID: "ok", JAMBI_ID: "ok", QUARANTINED_ID: "quarantined"}
    assert {d: r["is_fact_source"] for d, r in docs.items()} == {JEPARA_ID: True, JAMBI_ID: True,
                                                                  QUARANTINED_ID: False}
    assert all(r["is_latest_version"] and r["superseded_by_document_id"] is None for r in docs.values())
    assert docs[JEPARA_ID]["version_group_id"] != docs[JAMBI_ID]["version_group_id"]
    assert docs[QUARANTINED_ID]["version_group_id"] is None
    assert con.execute("select count(*) from marts.mart_review_queue").fetchone()[0] == 0
    assert con.execute("select count(*) from marts.mart_document_revisions").fetchone()[0] == 0


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
    import json
    manifest = json.loads((tmp_path / "docs" / "manifest.json").read_text())
    overview = [d for d in manifest["docs"].values() if d["name"] == "__overview__" and d["package_name"] == "lkjip"]
    assert overview and "../site/glossary.html" in overview[0]["block_contents"]
    assert "docs/GLOSSARY.md" in overview[0]["block_contents"]
    for model in ("mart_region_scorecard", "mart_program_comparison"):
        node = manifest["nodes"][f"model.lkjip.{model}"]
        assert node["description"] and all(c["description"] for c in node["columns"].values()), model


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


JEPARA_T317_PROGRAMS = {
    "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA": "2.07.03",
    "PROGRAM PENEMPATAN TENAGA KERJA": "2.07.04",
    "PROGRAM HUBUNGAN INDUSTRIAL": "2.07.05",
    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH": "X.XX.01",
    "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI": "2.17.03",
    "PROGRAM PENILAIAN KESEHATAN KSP/USP KOPERASI": "2.17.04",
    "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN": "2.17.05",
    "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI": "2.17.06",
    "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)": "2.17.07",
    "PROGRAM PENGEMBANGAN UMKM": "2.17.08",
    "PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI": "3.32.03",
}


def test_every_jepara_program_line_matches_nomenclature(con):
    got = {r["line_name"]: r for r in rows(
        con, "select * from marts.fct_budget_realization where document_id = ? and level = 'program'", JEPARA_ID)}
    assert set(got) == set(JEPARA_T317_PROGRAMS)
    for name, code in JEPARA_T317_PROGRAMS.items():
        assert got[name]["nomenclature_code"] == code, name
        assert got[name]["match_method"] in ("exact_code", "normalized_name", "fuzzy"), name
        assert 0 < got[name]["match_score"] <= 1
    assert got["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"]["match_method"] == "normalized_name"
    assert got["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"]["sector_code"] == "X.XX"


def test_kegiatan_match_under_parent_program_and_unmatched_counted(con):
    r, = rows(con, "select * from marts.fct_budget_realization where document_id = ? and line_name = ?",
              JEPARA_ID, "Konsultasi Produktivitas pada Perusahaan Kecil")
    assert r["nomenclature_code"].startswith("2.07.03.") and r["match_method"] == "fuzzy"
    assert 0.9 <= r["match_score"] < 1
    total, = rows(con, "select * from marts.fct_budget_realization where document_id = ? and level = 'total'",
                  JEPARA_ID)
    assert total["match_method"] is None and total["nomenclature_code"] is None
    summary = rows(con, "select * from marts.mart_nomenclature_match_summary where document_id = ?", JEPARA_ID)
    by_level = {s["level"]: s for s in summary if s["source_kind"] == "budget_line"}
    assert by_level["program"]["n_lines"] == 11 and by_level["program"]["n_unmatched"] == 0
    assert sum(s["n_lines"] for s in by_level.values()) == 32


def test_program_indicators_match_through_program_name(con):
    got = {r["goal_name"]: r for r in rows(
        con, "select * from marts.fct_performance_indicator where document_id = ? and level = 'program'", JAMBI_ID)}
    assert len(got) == 6
    assert got["Pelatihan Kerja dan Produktivitas Tenaga Kerja"]["nomenclature_code"] == "2.07.03"
    assert got["Pemberdayaan Usaha Menengah, Usaha Kecil dan Usaha Mikro (UMKM)"]["nomenclature_code"] == "2.17.07"
    assert all(r["match_method"] == "normalized_name" and r["match_score"] == 1.0 for r in got.values())
    sasaran = rows(con, "select nomenclature_code from marts.fct_performance_indicator where level = 'sasaran'")
    assert all(r["nomenclature_code"] is None for r in sasaran)


def test_standard_achievement_and_category(con):
    r, = rows(con, "select * from marts.fct_performance_indicator where indicator_name = ?",
              "Persentase tenaga kerja siap kerja")
    assert r["polarity"] == "higher_is_better" and r["polarity_source"] == "default"
    assert r["category_standard"] == "Sangat Tinggi" and r["category_reported"] == "Baik"
    r, = rows(con, "select * from marts.fct_performance_indicator where indicator_name = ?",
              "Persentase koperasi aktif")
    assert r["category_standard"] == "Sangat Tinggi"


def test_polarity_inference_and_override(built):
    db, _ = built
    c = duckdb.connect(str(db), read_only=True)
    try:
        rules = c.execute("select pattern from reference.indicator_polarity_rules").fetchall()
        overrides = c.execute("select pattern from reference.indicator_polarity_overrides").fetchall()
        def polarity(key):
            if any(c.execute("select regexp_matches(?, ?)", [key, p]).fetchone()[0] for (p,) in overrides if p):
                return "higher_is_better"
            if any(c.execute("select regexp_matches(?, ?)", [key, p]).fetchone()[0] for (p,) in rules):
                return "lower_is_better"
            return "higher_is_better"
        assert polarity("tingkat pengangguran terbuka") == "lower_is_better"
        assert polarity("persentase penduduk miskin") == "lower_is_better"
        assert polarity("jumlah kasus perselisihan hubungan industrial") == "lower_is_better"
        assert polarity("persentase penyelesaian perselisihan hi") == "higher_is_better"
        assert polarity("prevalensi stunting") == "lower_is_better"
        assert polarity("persentase koperasi aktif") == "higher_is_better"
    finally:
        c.close()


def test_data_quality_new_checks(con):
    conflict = rows(con, "select * from marts.mart_data_quality_issues where document_id = ? "
                         "and check_name = 'indicator_value_conflict_across_tables'", JAMBI_ID)
    assert len(conflict) == 1
    assert {conflict[0]["expected_value"], conflict[0]["found_value"]} == {16.47, 16.0}
    assert conflict[0]["source_page"] in (25, 71)
    kept, = rows(con, "select * from marts.fct_performance_indicator where indicator_key = ? and document_id = ?",
                 "persentase perusahaan dengan tata kelola yang layak", JAMBI_ID)
    assert kept["has_conflicting_realization"] and kept["printed_in_tables_count"] == 2
    info = rows(con, "select * from marts.mart_data_quality_issues where check_name = "
                     "'category_differs_from_standard_scale'")
    assert info and all(i["severity"] == "info" for i in info)
    assert any("94,14" in i["detail"] for i in info)
    # the fixture's budget lines are internally consistent below the program level
    assert not rows(con, "select * from marts.mart_data_quality_issues where check_name in "
                         "('children_do_not_sum_to_parent', 'realization_above_budget')")


def test_region_scorecard(con):
    got = {(r["region_code"], r["fiscal_year"], r["sector_code"]): r
           for r in rows(con, "select * from marts.mart_region_scorecard")}
    n = con.execute("select count(*) from (select distinct region_code, fiscal_year, sector_code "
                    "from marts.mart_region_scorecard)").fetchone()[0]
    assert n == len(got)
    # Jepara 2024, sector 2.07 (tenaga kerja): the three 2.07 program lines of Tabel 3.17, no linked indicator
    r = got[("33.20", 2024, "2.07")]
    assert r["region_name"] == "Kabupaten Jepara" and r["sector_name"] == "URUSAN PEMERINTAHAN BIDANG TENAGA KERJA"
    assert r["program_line_count"] == 3
    assert r["budget_idr"] == 1_871_557_000 + 195_000_000 + 90_000_000
    assert r["realization_idr"] == 1_782_123_052 + 188_752_658 + 80_234_300
    assert r["absorption_pct"] == pytest.approx(r["realization_idr"] / r["budget_idr"] * 100)
    assert r["indicator_count"] == 0 and r["mean_achievement_pct_computed"] is None
    # the sasaran indicators have no program, hence no sector: 'unknown' (7 of Tabel 3.3 + the synthetic row)
    r = got[("33.20", 2024, "unknown")]
    assert r["indicator_count"] == 8 and r["program_line_count"] == 0 and r["budget_idr"] is None
    achievements = [a for (a,) in con.execute(
        "select achievement_pct_computed from marts.fct_performance_indicator where document_id = ?",
        [JEPARA_ID]).fetchall()]
    assert r["mean_achievement_pct_computed"] == pytest.approx(sum(achievements) / len(achievements))
    assert r["indicator_meeting_target_count"] == sum(a >= 100 for a in achievements)
    assert r["indicator_meeting_target_pct"] == pytest.approx(100 * sum(a >= 100 for a in achievements) / 8)
    # Jambi 2025, 2.07: 3 program indicators (Tabel 3.3) and the one 2.07 program line of the fixture
    r = got[("15.71", 2025, "2.07")]
    assert r["indicator_count"] == 3 and r["indicator_meeting_target_pct"] == 100
    assert r["mean_achievement_pct_computed"] == pytest.approx(
        (71.90 / 69.00 + 60.97 / 51.00 + 16.47 / 15.00) / 3 * 100)
    assert r["budget_idr"] == pytest.approx(192_094_130) and r["absorption_pct"] == pytest.approx(
        176_975_629 / 192_094_130 * 100)
    # one fiscal year per region in the fixture: no year-over-year change
    assert not any(r["has_previous_year"] for r in got.values())
    assert all(r["mean_achievement_change_pct_points"] is None and r["absorption_change_pct_points"] is None
               for r in got.values())


def test_program_comparison(con):
    got = {(r["program_code"], r["region_code"], r["fiscal_year"]): r
           for r in rows(con, "select * from marts.mart_program_comparison")}
    r = got[("2.07.03", "33.20", 2024)]
    assert r["program_name"] == "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA"
    assert r["sector_code"] == "2.07" and r["region_name"] == "Kabupaten Jepara"
    assert (r["budget_idr"], r["realization_idr"]) == (1_871_557_000, 1_782_123_052)
    assert r["absorption_pct"] == pytest.approx(1_782_123_052 / 1_871_557_000 * 100)
    assert r["document_count"] == 1 and r["program_line_count"] == 1 and r["program_indicator_count"] == 0
    # the same program in Kota Jambi, with its program indicator of Tabel 3.3
    r = got[("2.07.03", "15.71", 2025)]
    assert r["budget_idr"] == pytest.approx(192_094_130) and r["realization_idr"] == pytest.approx(176_975_629)
    assert r["program_indicator_count"] == 1 and r["indicator_meeting_target_count"] == 1
    assert r["mean_achievement_pct_computed"] == pytest.approx(71.90 / 69.00 * 100)
    # a program with indicators but no budget line in the fixture
    r = got[("2.07.04", "15.71", 2025)]
    assert r["document_count"] == 0 and r["budget_idr"] is None and r["program_indicator_count"] == 1
    assert len([k for k in got if k[1] == "33.20"]) == 11  # every Jepara program line matched
    assert sum(r["program_indicator_count"] for r in got.values()) == 6
    assert not any(r["has_previous_year"] for r in got.values())


def test_category_contradicts_report_scale(con):
    scale = rows(con, "select * from staging.stg_raw__category_scales order by lower_pct nulls first")
    assert [s["category_label"] for s in scale] == ["Kurang", "Cukup", "Baik", "Sangat baik"]
    issues = rows(con, "select * from marts.mart_data_quality_issues "
                       "where check_name = 'category_contradicts_report_scale'")
    # only the SYNTHETIC row of the fixture (not printed in the Jepara report) contradicts Jepara's Tabel 3.1:
    # "Sangat Baik" printed for capaian 80,00 where 75-100% is "Baik"
    assert len(issues) == 1
    issue = issues[0]
    assert issue["table_id"] == SYNTHETIC_TABLE_ID and issue["document_id"] == JEPARA_ID
    assert issue["severity"] == "warn" and issue["found_value"] == 80.0
    assert SYNTHETIC_CONTRADICTION[1] in issue["detail"] and '"Baik"' in issue["detail"]
    assert "75-100% | Baik" in issue["detail"]
    # real rows agree with their scale: 94,14 "Baik", 102,33 "Sangat Baik" (case differs), and 100 "Baik" at the
    # bound shared by "75-100%" and "Lebih dari 100%"
    judged = {r["achievement_raw"]: r for r in rows(
        con, "select * from intermediate.int_data_quality__category_report_scale where document_id = ?", JEPARA_ID)}
    assert judged["100"]["scale_category_labels"] == "Baik / Sangat baik"
    assert not judged["100"]["contradicts_report_scale"]
    assert not judged["94,14"]["contradicts_report_scale"] and not judged["102,33"]["contradicts_report_scale"]
    assert sum(r["contradicts_report_scale"] for r in judged.values()) == 1


def test_plan_targets_of_jepara_renstra(con):
    """Jepara Tabel 2.1: a target per year of the Renstra 2023-2026 and the end-of-period target."""
    got = rows(con, "select * from marts.fct_plan_target where document_id = ? "
                    "order by row_index, is_end_target, target_year", JEPARA_ID)
    assert len(got) == 15 and {r["region_code"] for r in got} == {"33.20"}
    assert {(r["plan_kind"], r["report_fiscal_year"]) for r in got} == {("renstra", 2024)}
    siap = [r for r in got if r["indicator_name"] == "Persentase tenaga kerja siap kerja"]
    assert [(r["target_year"], r["target_value"], r["is_end_target"]) for r in siap] == [
        (2023, 2.40, False), (2024, 2.90, False), (2025, 3.20, False), (2026, 3.70, False), (2026, 3.70, True)]
    assert {(r["level"], r["baseline_value"], r["unit"]) for r in siap} == {("sasaran", 1.87, "%")}
    transmigrasi = {(r["target_year"], r["is_end_target"]): r["target_value"] for r in got
                    if r["indicator_name"] == "Jumlah masyarakat yang berminat ikut program transmigrasi"}
    assert (transmigrasi[(2026, False)], transmigrasi[(2026, True)]) == (17, 56)  # the end target is cumulative
    assert con.execute("select count(*) from marts.fct_plan_target where document_id = ?",
                       [QUARANTINED_ID]).fetchone()[0] == 0


def test_plan_target_joins_the_year_realisasi(con):
    # Tabel 3.3 prints target / realisasi 13 / 13 and 2,90 / 2,73 for 2024; Tabel 2.1 plans 13 and 2,90 for 2024
    joined = rows(con, """select p.target_value as plan_target, i.target_value, i.realization_value
                          from marts.fct_plan_target p join marts.fct_performance_indicator i
                            on i.document_id = p.document_id and i.level = p.level
                           and i.indicator_key = p.indicator_key and i.fiscal_year = p.target_year
                          where not p.is_end_target order by p.indicator_name""")
    assert [(r["plan_target"], r["target_value"], r["realization_value"]) for r in joined] == [
        (13, 13, 13), (2.90, 2.90, 2.73)]


@pytest.mark.parametrize("category_scales", ["empty", "absent"])
def test_builds_without_category_scales(tmp_path, category_scales):
    """'absent': a raw schema from before raw.category_scales and raw.plan_targets existed."""
    db = write_raw_fixture(tmp_path / "lkjip.duckdb", category_scales=category_scales,
                           plan_targets=category_scales != "absent")
    result = run_dbt_build(db)
    assert result.success, result.log_tail
    with duckdb.connect(str(db), read_only=True) as c:
        assert c.execute("select count(*) from staging.stg_raw__category_scales").fetchone()[0] == 0
        if category_scales == "absent":
            assert c.execute("select count(*) from marts.fct_plan_target").fetchone()[0] == 0
        assert c.execute("select count(*) from marts.mart_data_quality_issues "
                         "where check_name = 'category_contradicts_report_scale'").fetchone()[0] == 0
        assert c.execute("select count(*) from marts.mart_region_scorecard").fetchone()[0] > 0
