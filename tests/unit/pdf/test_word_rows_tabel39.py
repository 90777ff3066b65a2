"""Rows of Jambi Tabel 3.9 rendered by Chromium and LibreOffice (bench/fuzz variants; unruled or ruled
between rows, a 'Sasaran Strategis' cell merged over two rows). The seed prints

    1  Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja
       Persentase Penempatan Pencari Kerja Terdaftar  45.00  60.97  135.49 ...
       Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29 ...
    2  Meningkatnya kualitas koperasi dan usaha mikro kecil menengah
       Persentase Koperasi Berkualitas  46.80  43.64  93.25 ...
       Persentase UMKM Yg Tangguh dan Mandiri  8.00  12.03  150.40 ...
(the seed lines, cut here after their third value)
"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import word_tables_near

NEEDLE = "Persentase Koperasi"
NAMES = {
    "45.00": "Persentase Penempatan Pencari Kerja Terdaftar",
    "14.00": "Persentase Perusahaan Dgn Tata Kelola Yg Layak",
    "46.80": "Persentase Koperasi Berkualitas",
    "8.00": "Persentase UMKM Yg Tangguh dan Mandiri",
}


def _name(number: int, value: str) -> str:
    tables = word_tables_near("jambi", "html", number, NEEDLE, before=True)
    row = next(row for t in tables for row in t.rows if value in row)
    return " ".join(row[2].split())


@pytest.mark.parametrize(("number", "value", "name"), [
    (35, "8.00", "Persentase UMKM Yg Tangguh dan Mandiri"),
    (55, "14.00", "Persentase Perusahaan Dgn Tata Kelola Yg Layak"),
])
def test_a_line_of_cells_set_at_their_own_heights_is_measured_word_over_word(number, value, name):
    """Cells aligned to the middle, each a few points off the next: the line 'UMKM Yg / kecil
    menengah / 8.00 ...' sits at its values, a line and a quarter below 'Persentase / dan usaha
    mikro', though each column goes on at the pitch of wrapped text; 'Persentase' was cut off."""
    assert _name(number, value) == name


def test_a_table_start_without_the_padding_its_continuation_shows_is_one_row():
    """Variant 71 (landscape, Tabel 3.9 starts at a page bottom with its first row only, aligned to
    the middle): its five lines follow at the pitch of wrapped text, the padding that parts rows on
    the next page is not among them; they were left as rows of their own and the row was lost."""
    assert _name(71, "45.00") == "Persentase Penempatan Pencari Kerja Terdaftar"


def test_a_row_ends_where_no_cell_runs_across_between_a_columns_two_cells():
    """Variant 77 (cells aligned to the bottom): the merged 'Meningkatnya kualitas ...' starts on the
    line between the indicator column's two cells, right under 'Berkualitas 46.80', so no step shows
    the padding; the rows part above that line, not at 'Persentase' beside its second line."""
    assert _name(77, "8.00") == "Persentase UMKM Yg Tangguh dan Mandiri"


def test_a_kegiatan_line_set_off_its_values_stays_in_its_row():
    """The same in Jepara Tabel 3.17 rendered by LibreOffice (variant 75, italic kegiatan names beside
    values a few points lower). The seed prints '<i>Pencegahan dan Penyelesaian Perselisihan Hubungan
    Industrial, Mogok Kerja dan Penutupan Perusahaan di Daerah Kab./Kota</i>  52.000.000  47.011.300
    90,41': its first line went to the sub-kegiatan above it."""
    tables = word_tables_near("jepara", "libreoffice", 75, "47.011.300", before=True)
    row = next(row for t in tables for row in t.rows if "47.011.300" in row)
    assert " ".join(row[1].split()) == ("Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial, Mogok Kerja "
                                        "dan Penutupan Perusahaan di Daerah Kab./Kota")


@pytest.mark.parametrize(("engine", "number"), [("html", 115), ("libreoffice", 112)])
def test_a_name_wrapped_around_its_values_is_that_rows(engine, number):
    """Rows of Jambi Tabel 3.9 with cells aligned to the middle and a 'Sasaran Strategis' cell merged over two
    rows: the merged cell's lines fill the padding between the indicator names, so no step parts the rows,
    and each name's first line shares a line with the merged cell's. The indicator column's cells (its
    wrapped lines, parted by the padding) each run across one line of values: the name is that row's. Read
    line by line, 'Persentase' went with the row above, the line nearest to it already gathered
    (jambi_html_115: Chromium, F4, no rules; jambi_libreoffice_112: landscape A4, no rules)."""
    tables = word_tables_near("jambi", engine, number, "Rp 321,673,135")
    rows = [row for t in tables if any("Rp 321,673,135" in row for row in t.rows) for row in t.rows]
    names = {value: " ".join(row[1].split()) for row in rows for value in NAMES if value in row}
    assert names == NAMES
