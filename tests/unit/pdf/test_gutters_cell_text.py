"""A strip that a tabular line crosses is no gutter where a text cell's wrapped lines (set on lines
of their own beside the row's values, starting on that line's text edge) cross it too: the crossing
line is one of the cell's, not a label spanning columns. jambi_html_72 p. 8: Jambi Tabel 3.8's last
sub-kegiatan rows print their anggaran right-aligned in the column where the rows above print their
names; their amounts' left edge left a strip through those names that one tabular line crossed.
Values as printed in the seed (samples/seeds, kota-jambi):
    \t3.\tPeningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan,
        Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha\tRp 48,613,469.00\tRp 47,523,216.00\t97.76
    \t1.\tPEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN,
        PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN\tRp 1,412,380,417.00\tRp 1,290,523,409.00\t91.37
The crossing line must be one of the cell's, right above or below a wrapped line crossing the strip
too: a one-line program label spanning columns with another program's wrapped label elsewhere in the
block (jambi_html_69), or a line starting on the strip's edge apart from the wrapped name that does
(jepara_reportlab_90), leaves the gutter where it is."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row_with(rows: list[list[str]], value: str, word: str) -> list[str]:
    (row,) = [row for row in rows if value in row and any(word in cell for cell in row)]
    return row


def test_names_over_amounts_of_shifted_rows_stay_whole():
    tables = word_tables_near("jambi", "html", 72, "Restrukturisasi")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    sub = _row_with(rows, "Rp 48,613,469.00", "Produktivitas")
    assert ("Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, "
            "Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha") in sub
    kegiatan = _row_with(rows, "Rp 1,412,380,417.00", "DILAKUKAN")
    assert ("PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN, "
            "PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN") in kegiatan


def test_one_line_labels_spanning_columns_keep_the_gutter_of_the_kegiatan_numbers():
    """jambi_html_69 p. 6-7: 'PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI' crosses the strip left
    of the kegiatan names; the wrapped label of the next program crosses it too, but is no line of
    its cell. Seed (kota-jambi, Tabel 3.8), the kegiatan number in a column of its own:
        1.\tPROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)\t\tRp 1,412,380,417.00...
        \t1.\tPEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, ...\tRp 1,412,380,417.00..."""
    tables = word_tables_near("jambi", "html", 69, "PARA PEMANGKU", before=True)
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    program = _row_with(rows, "Rp 1,412,380,417.00", "PROGRAM PEMBERDAYAAN USAHA")
    kegiatan = _row_with(rows, "Rp 1,412,380,417.00", "PEMBERDAYAAN USAHA MIKRO YANG")
    assert kegiatan.index("1.") > program.index("1.")


def test_a_line_starting_on_the_strip_edge_keeps_the_number_column():
    """jepara_reportlab_90 p. 7: 'Administrasi Umum Perangkat Daerah' starts a fraction of a point
    inside the strip between the numbers and the names, far from the wrapped name 'Administrasi
    Kepegawaian Perangkat / Daerah'. Seed (jepara, realisasi anggaran):
        25\tEvaluasi Kinerja Perangkat Daerah\t15.000.000\t13.151.368\t87,68"""
    tables = word_tables_near("jepara", "reportlab", 90, "Evaluasi Kinerja Perangkat Daerah 15.000.000")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    row = _row_with(rows, "13.151.368", "Evaluasi Kinerja")
    assert row[row.index("Evaluasi Kinerja Perangkat Daerah") - 1] == "25"
