"""bench/truth_score.py: the matching rule of the labelled set, on hand-made facts and frames."""
from __future__ import annotations

import pandas as pd
import pytest

from bench import truth_score as ts
from bench.cache import Extracted


@pytest.mark.parametrize("raw, want", [
    ("1. Program Pelayanan  Administrasi*", "program pelayanan administrasi"),
    ("a) Belanja Pegawai", "belanja pegawai"),
    ("IV. PROGRAM PENUNJANG", "program penunjang"),
    ("5 . 2 . 15 Program Peningkatan", "program peningkatan"),
    ("5.1.01.1-01.0-00.0-00.01 Dinas Pendidikan", "dinas pendidikan"),
    ("• Tercukupinya layanan.", "tercukupinya layanan"),
    ("Indeks Pemberdayaan Gender (IDG)**", "indeks pemberdayaan gender (idg)"),
    ("Skor Pola Pangan Harapan (PPH)", "skor pola pangan harapan (pph)"),
    ("<i>Jumlah</i>", "jumlah"),
])
def test_norm_name_strips_numbering_and_footnotes(raw, want):
    assert ts.norm_name(raw) == want


def label(name, page, values, kind=ts.BUDGET, level="program", printed=None, expected=True):
    printed = printed or {}
    row = {"region_code": "33.15", **{ts.PRINTED[f]: printed.get(f, "") for f in ts.FIELDS}}
    return ts.Fact(kind, ts.norm_name(name), page, values, level, 2021, row, expected)


def got(name, page, values, index, kind=ts.BUDGET, level="program"):
    return ts.Fact(kind, ts.norm_name(name), page, values, level, 2021, index=index)


def test_same_values_rupiah_exact_others_relative():
    want = label("x", 1, (1000000.0, 900000.0, 90.0))
    assert ts.same_values(want, got("x", 1, (1000000.0, 900000.0, 90.5), 0))   # % within 0.01 relative
    assert not ts.same_values(want, got("x", 1, (1000001.0, 900000.0, 90.0), 0))  # rupiah: exact
    assert not ts.same_values(want, got("x", 1, (1000000.0, None, 90.0), 0))
    assert ts.same_values(label("x", 1, (1000000.0, None, None)), got("x", 1, (1000000.0, 5.0, 1.0), 0))
    ind = label("x", 1, (83.0, 82.92, 98.3), kind=ts.INDICATOR)
    assert ts.same_values(ind, got("x", 1, (83.0, 82.5, 98.3), 0, kind=ts.INDICATOR))
    assert not ts.same_values(ind, got("x", 1, (83.0, 80.0, 98.3), 0, kind=ts.INDICATOR))


def test_match_exact_anywhere_fuzzy_only_near_one_to_one():
    labels = [label("Program Pelayanan Administrasi Perkantoran", 10, (5.0, 4.0, 80.0)),
              label("Program Pelayanan Administrasi Perkantoran", 10, (5.0, 4.0, 80.0)),
              label("Program Peningkatan Sarana dan Prasarana Aparatur", 10, (7.0, 7.0, 100.0)),
              label("Program Peningkatan Disiplin Aparatur", 10, (3.0, 3.0, 100.0)),
              label("", 11, (15.0, 14.0, 93.3), level="total")]
    extracted = [got("1. Program Pelayanan Administrasi Perkantoran", 40, (5.0, 4.0, 80.0), 0),   # exact, far
                 got("Program Peningkatan Sarana dan Prasarana Aparatu", 11, (7.0, 7.0, 100.0), 1),  # fuzzy, near
                 got("Program Peningkatan Disiplin Aparatu", 30, (3.0, 3.0, 100.0), 2),          # fuzzy, far
                 got("JUMLAH", 11, (15.0, 14.0, 93.3), 3, level="total")]
    assert ts.match(labels, extracted) == {0: 0, 2: 1, 4: 3}


def test_exact_pairs_are_made_nearest_pages_first_over_all_labels():
    # jabar-dinkes prints the PHBS indicator of 2016 as 55% | 56,03% | 101,87 on p. 77 (the capaian under
    # '% REALISASI', not read) and on p. 110: p. 110's fact is p. 110's label's, though p. 77's label comes first
    name = "Persentase Rumah Tangga yang berprilaku Hidup Bersih dan Sehat (PHBS)"
    labels = [label(name, 77, (55.0, 56.03, 101.87), kind=ts.INDICATOR),
              label(name, 110, (55.0, 56.03, 101.87), kind=ts.INDICATOR)]
    extracted = [got(name, 77, (55.0, 56.03, None), 0, kind=ts.INDICATOR),
                 got(name, 110, (55.0, 56.03, 101.87), 1, kind=ts.INDICATOR)]
    assert ts.match(labels, extracted) == {1: 1}


def frames_of(facts_rows, cells_rows):
    budget = pd.DataFrame(facts_rows, columns=["table_id", "source_page", "level", "line_name", "budget_idr",
                                               "realization_idr", "absorption_pct_reported", "fiscal_year"])
    cells = pd.DataFrame(cells_rows, columns=["table_id", "page", "row_index", "col_index", "text"])
    return {"tables": pd.DataFrame(), "cells": cells, "indicators": pd.DataFrame(), "budget_lines": budget}


def test_score_document_recall_precision_ceiling():
    labels = [label("Program A", 5, (100.0, 90.0, 90.0), printed={"target": "100", "realization": "90",
                                                                  "achievement_pct": "90,00"}),
              label("Program B", 5, (200.0, 100.0, 50.0), printed={"target": "200", "realization": "100",
                                                                   "achievement_pct": "50"}),
              label("Program C", 6, (300.0, 30.0, 10.0), printed={"target": "300", "realization": "30",
                                                                  "achievement_pct": "10"}),
              label("Belanja Pegawai", 6, (9.0, 9.0, 100.0), level="other", expected=False)]
    frames = frames_of(
        [("t", 5, "program", "Program A", 100.0, 90.0, 90.0, 2021),      # right
         ("t", 5, "program", "Program B", 200.0, 10.0, 5.0, 2021),       # wrong numbers
         ("t", 6, "kegiatan", "Belanja Pegawai", 9.0, 9.0, 100.0, 2021),  # an `other` row: neutral
         ("t", 6, "kegiatan", "Kegiatan X", None, None, None, 2021),      # no number: not judged
         ("t", 40, "program", "Program Z", 1.0, 1.0, 100.0, 2021)],       # off the labelled pages
        [("t", 5, 1, 1, "100"), ("t", 5, 1, 2, "90"), ("t", 5, 1, 3, "90,00 %"),
         ("t", 5, 2, 1, "200"), ("t", 5, 2, 2, "100"), ("t", 5, 2, 3, "50"), ("t", 7, 3, 1, "300")])
    doc = ts.score_document(labels, Extracted("d", {"status": "ok", "region_code": "33.15", "fiscal_year": 2021},
                                              frames))
    s = doc["kinds"][ts.BUDGET]
    assert (s["expected"], s["found"], s["judged"], s["right"]) == (3, 1, 2, 1)
    assert s["recall"] == pytest.approx(1 / 3, abs=1e-4) and s["precision"] == 0.5
    assert s["in_cells"] == 2 and s["ceiling"] == pytest.approx(2 / 3, abs=1e-4)   # C: 30 and 10 are in no cell
    assert (s["lost_finding_cells"], s["lost_reading_cells"]) == (1, 1)
    assert s["matched_excluded"] == 1 and s["level_ok"] == 1 and doc["region_ok"] is True
    assert ts.INDICATOR not in doc["kinds"]
    total = ts.summarize({"d.pdf": doc})
    assert total[ts.BUDGET]["recall"] == pytest.approx(0.3333) and total["all"]["expected"] == 3


def test_other_set_labels_are_neither_right_nor_wrong():
    """A table labelled only in the held-out set, on a page of a development label: its facts are not judged
    when the development set is scored, and its page alone is not judged either."""
    own = [label("Program A", 5, (100.0, 90.0, 90.0))]
    other = [ts.replace(label("Program H", 5, (7.0, 7.0, 100.0)), expected=False, own=False),
             ts.replace(label("Program J", 9, (8.0, 8.0, 100.0)), expected=False, own=False)]
    frames = frames_of([("t", 5, "program", "Program A", 100.0, 90.0, 90.0, 2021),
                        ("t", 5, "program", "Program H", 7.0, 7.0, 100.0, 2021),   # the other set's fact
                        ("t", 9, "program", "Program K", 1.0, 1.0, 100.0, 2021)],  # the other set's page only
                       [])
    s = ts.score_document(own + other, Extracted("d", {"status": "ok"}, frames))["kinds"][ts.BUDGET]
    assert (s["expected"], s["found"], s["judged"], s["right"], s["excluded_labels"]) == (1, 1, 1, 1, 0)
    assert s["precision"] == 1.0
    alone = ts.score_document(own, Extracted("d", {"status": "ok"}, frames))["kinds"][ts.BUDGET]
    assert (alone["judged"], alone["precision"]) == (2, 0.5)


def test_other_set_labels_are_every_other_round_of_the_same_pdf():
    sets = ts.label_sets()
    assert sets[0] == ts.TRUTH_DIR and len(sets) >= 2
    shared = [p for d in sets[1:] for p in ts.truth_files(d) if (ts.TRUTH_DIR / p.name).is_file()]
    assert shared
    for path in shared:
        other = ts.other_set_labels(path)
        assert other and not any(lab.expected or lab.own for lab in other)
        rounds = [d / path.name for d in sets if d != path.parent and (d / path.name).is_file()]
        assert len(other) == sum(len(ts.load_labels(p)) for p in rounds)


def test_declared_empty_document_judges_every_fact():
    frames = frames_of([("t", 3, "program", "Program A", 1.0, 1.0, 100.0, 2023)], [])
    doc = ts.score_document([], Extracted("d", {"status": "ok"}, frames))
    assert doc["kinds"][ts.BUDGET]["recall"] is None
    assert doc["kinds"][ts.BUDGET]["precision"] == 0.0


def test_labelled_files_load():
    files = ts.truth_files()
    assert len(files) >= 14 and not any(p.name == "indicator_names.csv" for p in files)
    labels = [lab for p in files for lab in ts.load_labels(p)]
    assert all(lab.kind in ts.KINDS for lab in labels)
    assert not any(lab.expected for lab in labels if lab.level == "other")
    assert sum(lab.expected for lab in labels) > 500


def test_held_out_labels_are_new_rows_of_corpus_documents():
    """Each later round of labels (bench/truth/heldout, heldout2, ...) holds only tables nobody had labelled: no
    fact (file, kind, page, name, values) of it is also in an earlier set, and every file it names is a PDF of
    the corpus list (SOURCES.md)."""
    from bench.accuracy import DEFAULT_CORPUS, HELD_OUT_TRUTH

    def keyed(folder):
        return {(f.label["file"], f.kind, f.page, f.name, f.values) for p in ts.truth_files(folder)
                for f in ts.load_labels(p)}
    sets = ts.label_sets()
    assert HELD_OUT_TRUTH == sets[-1]
    earlier = keyed(sets[0])
    for folder in sets[1:]:
        held = keyed(folder)
        assert held and not held & earlier
        earlier |= held
    sources = (DEFAULT_CORPUS / "SOURCES.md")
    if not sources.exists():
        pytest.skip("../shared/corpus is not here")
    listed = sources.read_text(encoding="utf-8")
    assert all(file in listed for file, *_ in earlier)


def test_missed_targets_alone_are_looked_up_in_the_plan_targets_by_name_year_and_value():
    """provsu_2021_lakip p. 20, Tabel 2.3: Indeks Reformasi Birokrasi, targets BB (64,00) in 2021, BB (70,00) in
    2022, BB (75,00) in 2023, printed alone. The plan targets hold them; a label of 2023 that read 2022's 70 is
    not found in another year's target."""
    def target(year, value):
        return ts.replace(label("Indeks Reformasi Birokrasi", 20, (value, None, None), kind=ts.INDICATOR), year=year)
    plans = pd.DataFrame({"indicator_name": ["I ndeks  Reformasi  Birokrasi"] * 3, "source_page": [20] * 3,
                          "target_value": [64.0, 70.0, 75.0], "target_year": [2021, 2022, 2023],
                          "level": ["sasaran"] * 3})
    facts = ts.plan_facts({"plan_targets": plans})
    assert [(f.year, f.values[0]) for f in facts] == [(2021, 64.0), (2022, 70.0), (2023, 75.0)]
    assert ts.found_in_plans([target(2021, 64.0), target(2022, 70.0), target(2023, 70.0)], facts) == 2
