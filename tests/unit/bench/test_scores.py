"""bench/unknown_tables.py, bench/seed_score.py and bench/fuzz_score.py on hand-made frames."""
from __future__ import annotations

import pandas as pd
import pytest

from bench import expected as exp
from bench import fuzz_score, seed_score, unknown_tables


def cells(grid: list[list[str]], table_id="t"):
    return pd.DataFrame([(table_id, 1, r, c, text) for r, row in enumerate(grid) for c, text in enumerate(row)],
                        columns=["table_id", "page", "row_index", "col_index", "text"])


@pytest.mark.parametrize("text, number", [("1.871.557.000", True), ("95,22 %", True), ("Rp 6,847,986,125.50", True),
                                          ("(3.14)", True), ("2.615.969.188,-", True), ("Level 3", False),
                                          ("Program", False), ("", False)])
def test_is_number(text, number):
    assert unknown_tables.is_number(text) is number


def test_numeric_columns_ignore_row_numbers_and_headers():
    grid = [["No", "Uraian", "Anggaran", "Realisasi"],
            ["1", "Program A", "1.000.000", "900.000"],
            ["2", "Program B", "2.000.000", "1.500.000"],
            ["3", "Program C", "3.000.000", "2.000.000"]]
    assert unknown_tables.numeric_columns(cells(grid)) == 2
    one = [["No", "Uraian", "Anggaran"], ["1", "A", "1.000"], ["2", "B", "2.000"]]
    assert unknown_tables.numeric_columns(cells(one)) == 1


def test_census_counts_unknown_among_numeric_tables():
    grid = [["a", "1,5", "2,5"], ["b", "3,5", "4,5"]]
    tables = pd.DataFrame([{"table_id": "t1", "family": "unknown", "page_start": 1, "caption": "Tabel 1"},
                           {"table_id": "t2", "family": "budget_realization", "page_start": 2, "caption": ""},
                           {"table_id": "t3", "family": "unknown", "page_start": 3, "caption": ""}])
    all_cells = pd.concat([cells(grid, "t1"), cells(grid, "t2"), cells([["x", "y"], ["z", "w"]], "t3")])
    census = unknown_tables.table_census(tables, all_cells)
    assert (census["numeric_tables"], census["unknown"]) == (2, 1)
    assert unknown_tables.combine([census, census])["unknown_share"] == 0.5


def test_table_only_scores_ignore_region_and_year():
    slug = "lkjip_jepara_2024"
    want = exp.expected_for(slug)[exp.BUDGET]
    rows = [{"table_id": "t", "level": f[3], "line_name": f[4], "budget_idr": f[5], "realization_idr": f[6],
             "absorption_pct_reported": f[7], "fiscal_year": None} for f in want]
    frames = {"tables": pd.DataFrame([{"table_id": "t", "caption": "Tabel 3.17 Realisasi"}]),
              "indicators": pd.DataFrame(), "budget_lines": pd.DataFrame(rows)}
    scores = seed_score.score_both({"region_code": None, "fiscal_year": None}, frames, slug)
    assert scores["exact"]["budget"]["recall"] == 0.0
    assert scores["table_only"]["budget"]["recall"] == 1.0
    assert scores["table_only"]["budget"]["precision"] == 1.0


def _indicator_rows(facts, table_id, year=None, targets_only=False):
    return [{"table_id": table_id, "level": f[3], "indicator_name": f[4], "target_value": f[5],
             "realization_value": None if targets_only else f[6],
             "achievement_pct_reported": None if targets_only else f[7], "fiscal_year": year} for f in facts]


def test_subject_basis_judges_achievement_claims_of_the_report_year():
    """No caption found: the agreement table's targets (family plan_target) and a column its header
    dates to the year before are other facts about the same indicators, not wrong ones; a wrong value
    in an achievement table still counts against precision."""
    slug = "lkjip_jepara_2024"
    want = exp.expected_for(slug)[exp.INDICATOR]
    tables = pd.DataFrame([{"table_id": t, "caption": "", "family": family} for t, family in
                           (("a", "indicator_achievement"), ("pk", "plan_target"), ("y", "indicator_achievement"))])
    rows = _indicator_rows(want, "a") + _indicator_rows(want, "pk", targets_only=True) \
        + _indicator_rows(want, "y", year=2023, targets_only=True)
    frames = {"tables": tables, "indicators": pd.DataFrame(rows), "budget_lines": pd.DataFrame()}
    scores = seed_score.score_both({"region_code": None, "fiscal_year": 2024}, frames, slug)["table_only"]
    assert (scores["indicator"]["precision_basis"], scores["indicator"]["precision"]) == ("subject", 1.0)
    wrong = [{**rows[0], "table_id": "y", "target_value": 1.0, "fiscal_year": None}]
    frames["indicators"] = pd.DataFrame(rows + wrong)
    scores = seed_score.score_both({"region_code": None, "fiscal_year": 2024}, frames, slug)["table_only"]
    assert scores["indicator"]["candidates"] == len(want) + 1
    assert scores["indicator"]["exact"] == len(want)


def variant(name, ind_r, bud_r, precision=1.0):
    def s(recall):
        return {"found": int(recall * 10), "expected": 10, "exact": int(recall * 10), "candidates": 10,
                "recall": recall, "precision": precision}
    scores = {"indicator": s(ind_r), "budget": s(bud_r)}
    return {"name": name, "status": "ok", "region_year_ok": True, "scores": {"exact": scores, "table_only": scores},
            "tables": {"numeric_tables": 2, "unknown": 1, "families": {"unknown": 1}}}


def test_summary_pools_variants_and_names_the_worst():
    summary = fuzz_score.summarize([variant("jepara_html_0", 1.0, 1.0), variant("jambi_html_3", 0.0, 0.5, None),
                                    variant("jambi_html_1", 0.5, 0.5)])
    assert summary["worst"]["name"] == "jambi_html_3"
    assert summary["table_only"]["indicator"]["recall"] == 0.5
    assert summary["unknown_share"] == 0.5 and summary["region_year_ok"] == 3


def test_knobs_text_lists_knobs():
    text = fuzz_score.knobs_text({"font": "DejaVu Sans", "font_size": 9.5, "margins_mm": [12.0, 20.0],
                                  "column_jitter": [1.0], "base_seed": 0})
    assert text == "font=DejaVu Sans, font_size=9.5, margins_mm=12/20"


def test_knob_effects_rank_the_hardest_value_first():
    variants = []
    for k in range(8):
        v = variant(f"jepara_html_{k}", 1.0 if k % 2 else 0.0, 1.0 if k % 2 else 0.0)
        v["knobs"] = {"caption": "absent" if k % 2 == 0 else "above", "rules": "grid", "font_size": 9.0}
        variants.append(v)
    effects = fuzz_score.knob_effects(variants)
    assert (effects[0]["knob"], effects[0]["value"], effects[0]["n"]) == ("caption", "absent", 4)
    assert not any(e["knob"] == "font_size" for e in effects)
