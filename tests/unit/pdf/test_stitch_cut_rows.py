"""A row cut by a page break above its values: cells aligned to the middle print the first lines of
a long name at the page bottom, the rest with the amounts at the next page top. Stitching joins
them into one row. Layout-fuzz renderings (bench/fuzz) read by the real readers; values asserted
are printed in the seed (Jambi Tabel 3.8)."""
from __future__ import annotations

from extract.parse.families import classify
from extract.parse.rows import data_rows
from tests.unit.pdf.test_stitch import stitched, table_holding

NAME = "PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL, MOGOK KERJA DAN PENUTUPAN PERUSAHAAN"


def _data_rows(table) -> list[tuple[int, list[str]]]:
    """(page, cells) of the table's rows as the fact readers take them (wrapped and cut rows joined)."""
    rows = data_rows(table, classify(table.rows, table.caption).header_rows)
    return [(r.page, [" ".join(c.split()) for c in r.cells]) for r in rows]


def _data_row(table, name: str) -> tuple[int, list[str]]:
    return next((page, cells) for page, cells in _data_rows(table) if any(name in c for c in cells))


def test_first_lines_of_a_name_at_a_page_bottom_join_the_rest_below():
    """Jambi, reportlab 23 (horizontal rules, rows split at page breaks): 'PENCEGAHAN DAN /
    PENYELESAIAN' ends page 6, the rest of the kegiatan's name and its amounts open page 7."""
    table = table_holding(stitched("jambi", "reportlab", 23), "Pelaksanaan Operasional")
    page, row = _data_row(table, NAME)
    assert row[-3:] == ["Rp 886,478,597.50", "Rp 813,454,341.00", "91.76"]
    assert page == 7


def test_last_lines_of_a_name_at_a_page_bottom_stay_with_its_values_above():
    """Jambi, reportlab 16 (horizontal rules, cells aligned to the top, rows not split): Tabel 3.9's
    second indicator prints its values on its first line, 'Persentase', and the rest of its name
    below, down to the page end; the next indicator opens page 9 with its own values. The rest
    ends the row above; it does not start the next one."""
    table = table_holding(stitched("jambi", "reportlab", 16), "Meningkatnya")
    _, row = _data_row(table, "Persentase Perusahaan Dgn Tata Kelola Yg Layak")
    assert row[2:6] == ["Persentase Perusahaan Dgn Tata Kelola Yg Layak", "14.00", "16.00", "114.29"]
    page, row = _data_row(table, "Koperasi Berkualitas")
    assert row[2:6] == ["Persentase Koperasi Berkualitas", "46.80", "43.64", "93.25"]
    assert page == 9


def test_rest_of_a_row_under_a_repeated_header_joins_it():
    """Jambi, LibreOffice 27 (no rules, header repeated, rows split, cells aligned to the top): the
    page break cuts program 2 of Tabel 3.3 after 'Persentase Tenaga'; page 4 repeats the header,
    then prints the rest of the name without values. The same header cell for cell is no new
    table, and the text under it is body, not more header."""
    tables = stitched("jambi", "libreoffice", 27)
    table = table_holding(tables, "Pertumbuhan wirausaha")
    assert table is table_holding(tables, "Produktivitasnya")
    _, row = _data_row(table, "Persentase Tenaga")
    assert row[1:3] == ["Penempatan Tenaga Kerja", "Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri"]
    assert row[-3:] == ["51.00", "60.97", "119.55"]


def _cells(row: list[str]) -> list[str]:
    return [" ".join(c.split()) for c in row]


def test_rest_of_a_ruled_row_at_the_next_page_top_joins_it():
    """Jambi, LibreOffice 21 (grid rules, rows split at page breaks, cells aligned to the top): the
    grid cuts row 4 of Tabel 3.3 and kegiatan 7 of Tabel 3.8 at a page end; the rest of their
    names opens the next page, a grid row of its own, and joins them."""
    tables = stitched("jambi", "libreoffice", 21)
    indicators = table_holding(tables, "Pertumbuhan wirausaha")
    row = next(_cells(r) for r in indicators.rows if r[0].strip() == "4")
    assert row[1:3] == ["Pendidikan dan Latihan Perkoperasian",
                        "Persentase koperasi yang diberikan dukungan fasilitasi pelatihan"]
    assert row[-3:] == ["32.90", "61.00", "185.41"]
    budget = table_holding(tables, "Penyediaan Jasa Surat Menyurat")
    row = next(_cells(r) for r in budget.rows if "PENYEDIAAN JASA PENUNJANG" in " ".join(r))
    assert "PENYEDIAAN JASA PENUNJANG URUSAN PEMERINTAH DAERAH" in row
    assert row[-3:] == ["Rp 164,821,857.00", "Rp 159,451,671.00", "96.74"]


def test_a_name_cut_after_a_word_joins_its_rest_on_the_next_page():
    """Jambi, reportlab 19 (grid rules, rows split): a sub-kegiatan name cut after 'akses' continues
    on the next page, a grid row of its own."""
    tables = stitched("jambi", "reportlab", 19)
    budget = table_holding(tables, "Penyediaan Jasa Surat Menyurat")
    name = ("Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, "
            "Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha")
    row = next(_cells(r) for r in budget.rows if "Peningkatan Produktivitas" in " ".join(r))
    assert name in row
    assert row[-3:] == ["Rp 48,613,469.00", "Rp 47,523,216.00", "97.76"]
