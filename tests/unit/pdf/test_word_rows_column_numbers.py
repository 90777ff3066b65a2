"""A table continued under its repeated header with the rest of a row the page break cut (rows
split, Chromium): the row's last line follows the column-number line ('1 2 3 4') with no padding
above it, closer than rows are apart. The column-number line is a row of its own, so the stitcher
drops the repeated header cell for cell and the fact reader joins the rest to its row's name."""
from __future__ import annotations

import pandas as pd
import pytest

from extract.extraction import extract_document
from tests.fuzz_variants import fuzz_pdf, word_tables_near


def _rows_after_column_numbers(tables) -> list[list[str]]:
    return [table.rows[i + 1] for table in tables for i, row in enumerate(table.rows[:-1])
            if [c for c in row if c] == ["1", "2", "3", "4"]]


@pytest.mark.parametrize("number,rest", [(37, "RKA-SKPD"), (0, "Lainnya")])
def test_the_rest_of_a_cut_row_is_not_read_into_the_column_numbers(number, rest):
    """Jepara html 37 (cells aligned to the top) and html 0 (to the bottom), Tabel 3.17; the seed prints
    '20 | Koordinasi dan Penyusunan Dokumen RKA-SKPD | 2.000.000 | 1.799.000 | 89,95' and
    '36 | Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya | 120.000.000 | ...'."""
    tables = word_tables_near("jepara", "html", number, rest, before=True)
    assert ["", rest, "", "", ""] in _rows_after_column_numbers(tables)


def test_budget_lines_on_both_sides_of_the_cut_row(tmp_path):
    """Jepara html 37, Tabel 3.17 rows 20 to 23 as the seed prints them (sub-kegiatan of
    'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah')."""
    pdf, _ = fuzz_pdf("jepara", "html", 37)
    record = extract_document(pdf, tmp_path)
    lines = pd.read_parquet(tmp_path / record["document_id"] / record["extractor_version"] / "budget_lines.parquet")
    got = {(r.line_name, r.budget_idr, r.realization_idr, r.level) for r in lines.itertuples()}
    for name, budget, spent in [("Koordinasi dan Penyusunan Dokumen RKA-SKPD", 2_000_000, 1_799_000),
                                ("Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", 1_000_000, 961_100),
                                ("Koordinasi dan Penyusunan DPA-SKPD", 1_000_000, 935_000),
                                ("Koordinasi dan Penyusunan Perubahan DPA-SKPD", 1_000_000, 956_000)]:
        assert (name, budget, spent, "sub_kegiatan") in got
