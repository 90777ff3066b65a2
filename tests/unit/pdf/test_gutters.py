"""The word reader's columns and blocks on real page geometry: Jambi's Tabel 3.3 (Pengukuran Kinerja
Program) and Tabel 3.9 (Alokasi Anggaran dan Realisasi Belanja) rendered unruled by LibreOffice
(bench/fuzz) in layouts that broke them. Asserted are the cells the seed prints (samples/seeds,
kota-jambi lines 699-706 and 793-796): program 1 'Pelatihan Kerja dan Produktivitas Tenaga Kerja',
its indicator 'Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya', 69.00 71.90
104.20; sasaran indicator 'Persentase Penempatan Pencari Kerja Terdaftar' 45.00 60.97 135.49."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _tables(number: int, needle: str):
    return word_tables_near("jambi", "libreoffice", number, needle, before=True)


def _row(tables, value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if value in row)


def _flat(cell: str) -> str:
    return " ".join(cell.split())


def test_text_columns_a_word_space_apart_are_parted_where_their_words_start_on_one_edge():
    """libreoffice 9: landscape, tightly padded cells; 'Produktivitas Tenaga' ends about 5 pt
    left of 'Tenaga Kerja di Sektor', less than the half line a gutter needs. The words right of
    the strip start on one left edge on every line: Program, Indikator and Rumus are three
    columns."""
    row = _row(_tables(9, "Tabel 3.3"), "71.90")
    assert _flat(row[1]) == "Pelatihan Kerja dan Produktivitas Tenaga Kerja"
    assert _flat(row[2]) == "Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya"
    assert row[3].startswith("$\\frac{\\text{Jumlah pencaker yang menjadi TKM Bekerja}}")
    assert row[4:] == ["69.00", "71.90", "104.20"]


def test_a_word_space_under_one_repeated_word_is_no_gutter():
    """libreoffice 19: every sasaran indicator starts 'Persentase ...', so the next words start
    on one edge; the cells' wrapped lines ('Pencari Kerja Terdaftar') cross that strip."""
    row = _row(_tables(19, "Pencari Kerja Terdaftar"), "135.49")
    assert _flat(row[2]) == "Persentase Penempatan Pencari Kerja Terdaftar"
    assert row[3:6] == ["45.00", "60.97", "135.49"]


def test_a_table_under_another_header_keeps_its_own_columns():
    """libreoffice 28: Tabel 3.8 ends at the top of a page under its repeated header with two
    rows; Tabel 3.9 opens the next page. Both span the text width, but Tabel 3.9 has its own
    header, so it is read with its own columns (Realisasi and Capaian apart)."""
    tables = _tables(28, "Tabel 3.9")
    assert _row(tables, "135.49")[3:9] == ["45.00", "60.97", "135.49", "Rp 321,673,135", "Rp 303,388,183",
                                           "94.32"]
    assert _row(tables, "91.38")[-3:] == ["Rp 215,183,340.00", "Rp 196,636,640.00", "91.38"]


def test_a_caption_at_a_page_top_is_no_row():
    """libreoffice 27: 'Tabel 3.9 : Alokasi Anggaran dan Realisasi Belanja' opens a page; it is no
    rest of a row cut by the page break, and the header is the table's first row."""
    tables = _tables(27, "Pencari Kerja")
    table = next(t for t in tables if any("135.49" in row for row in t.rows))
    assert not any("Tabel" in cell for row in table.rows for cell in row)
    assert table.rows[0][:3] == ["No", "Sasaran\nStrategis", "Indikator\nSasaran"]


def test_a_paragraph_under_a_table_is_no_row():
    """libreoffice 19: 'Kegiatan-kegiatan yang dilaksanakan untuk menunjang program, telah
    diuraikan pada BAB I.' follows the last rows of Tabel 3.3 two lines lower, across its
    columns: the table ends above it and keeps programs 5 and 6."""
    tables = _tables(19, "Pertumbuhan wirausaha")
    assert _row(tables, "118.58")[2] == "Pertumbuhan wirausaha"
    assert _row(tables, "423.50")[0] == "5"
    assert not any("Kegiatan-kegiatan" in cell for t in tables for row in t.rows for cell in row)
