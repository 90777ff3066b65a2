"""Budget lines of real reports against the hand-labelled set (bench/truth/*.csv, read from page images).

Real camelot on the real PDFs of ../shared/corpus, only on the pages of the labelled budget table (the rest
of a report is not read, to keep each test short); the lines come from the same code as a full extraction
(`extract.extraction.tables_to_frames`). Every labelled budget fact of those pages must come out with its
numbers, and every extracted line on them must be a labelled one. Skips when the corpus is absent (set
LKJIP_CORPUS_DIR to use another copy).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bench import truth_score
from extract.extraction import tables_to_frames
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.paths import CORPUS


def _corpus_pdf(name: str) -> Path:
    if not (CORPUS / name).is_file():
        pytest.skip(f"corpus document not available: {CORPUS / name} (../shared/corpus is absent)")
    return CORPUS / name


def _budget_lines(name: str, pages: list[int]) -> pd.DataFrame:
    pdf = _corpus_pdf(f"{name}.pdf")
    tables = stitch(find_tables(pdf, pages, stream_pages=pages))
    return tables_to_frames("test", tables)["budget_lines"]


def _score(name: str, frame: pd.DataFrame, pages: list[int]) -> dict:
    labels = [f for f in truth_score.load_labels(truth_score.TRUTH_DIR / f"{name}.csv")
              if f.kind == truth_score.BUDGET and f.page in pages]
    got = truth_score.extracted_facts({}, {"budget_lines": frame}, truth_score.BUDGET)
    return truth_score.score_kind(labels, got, {}, None)


def _line(frame: pd.DataFrame, name: str) -> tuple:
    row = frame[frame.line_name == name].iloc[0]
    return row.level, row.budget_idr, row.realization_idr, row.absorption_pct_reported


# (document, pages of its labelled budget table): four issuers, each a pattern the extractor was not built on
CASES = [
    ("provsu_2021_lakip", [79, 80, 81]),  # one row per OPD, title inside the frame, continuation without header
    ("provsu_2022_lra-opd", [1, 2]),  # by urusan and organisation, every page one grid row of stacked lines
    ("ambon-diskominfo_2021_lakip", [29, 30, 31, 32, 33, 34, 35]),  # "Target Kinerja" over money columns
    ("kab-grobogan-dpupr_2021_rfk-des", [1]),  # an anggaran column per level, work packages below
    ("jabar-dinkes_2016_lakip", [82, 83, 84, 85, 86]),  # continuation pages without header
]


@pytest.mark.parametrize(("name", "pages"), CASES, ids=[c[0] for c in CASES])
def test_every_labelled_budget_line_of_the_pages_comes_out(name, pages):
    score = _score(name, _budget_lines(name, pages), pages)
    assert score["expected"] > 0
    assert score["found"] == score["expected"], score["examples_missing"]
    assert score["right"] == score["judged"], score["examples_wrong"]


def test_an_agency_line_of_a_per_opd_table():
    frame = _budget_lines("provsu_2021_lakip", [79])
    # p. 79: "1 | Biro Perekonomian | 2,684,886,550.00 | 2,615,969,188.00 | 97,43"
    assert _line(frame, "Biro Perekonomian") == ("perangkat_daerah", 2684886550.0, 2615969188.0, 97.43)


def test_urusan_and_agency_lines_of_a_stacked_sheet():
    frame = _budget_lines("provsu_2022_lra-opd", [1, 2])  # the belanja lines of p. 2 make it an account sheet
    # p. 1: KEBUDAYAAN and its Dinas print 1.128,26 % wrapped as "1.128," over "26"
    assert _line(frame, "KEBUDAYAAN") == ("urusan", 10000000.0, 112825500.0, 1128.26)
    assert _line(frame, "Dinas Kebudayaan dan Pariwisata") == ("perangkat_daerah", 10000000.0, 112825500.0, 1128.26)


def test_a_table_of_several_years_gives_a_line_per_year():
    # Grobogan Renstra 2021, Tabel 2.7 (pp. 33-37): 'Rencana Anggaran | Realisasi Anggaran | Persentase' each over
    # 2016 ... 2021, in Rp.000. p. 33, program 1 prints 3.515.000 | 4.455.000 | 5.793.900 (2017-2019), realisasi
    # 2.390.598 | 2.825.555 | 4.734.564, 68% | 63% | 82%; 2016, 2020 and 2021 are empty
    frame = _budget_lines("kab-grobogan-dpupr_2021_renstra", [33])
    admin = frame[frame.line_name.str.startswith("Program Pelayanan Administrasi")]
    got = {int(r.fiscal_year): (r.budget_idr, r.realization_idr, r.absorption_pct_reported) for r in admin.itertuples()}
    assert got == {2017: (3515000000.0, 2390598000.0, 68.0), 2018: (4455000000.0, 2825555000.0, 63.0),
                   2019: (5793900000.0, 4734564000.0, 82.0)}
