"""Jambi Tabel 3.9 without rules, header repeated, a row split at the page break (jambi_reportlab_552,
cells aligned to the middle). The page break leaves the row 'Persentase Perusahaan Dgn Tata Kelola Yg
Layak | 14.00 | 16.00 | 114.29 | Rp 909,622,967 ...' with its values on p. 9 and its whole name on p. 10,
under the repeated header. Two rules join it again:
  - the repeated header's top line (the group labels 'Kinerja' over Target | Realisasi | Capaian and
    'Anggaran' over the budget columns) is left above the block on p. 10, so every column's words end the
    start's and most are the same: the header is seen repeated (stitch._repeated_header_rows), and the
    name under it is body, not more header words that made p. 10 another table;
  - the start's last row holds values and no name where the rows above print names, and the text opening
    the continuation fills that column alone: it is that row's name (stitch._join_cut_tail).
Read apart, the row's values had no name and the fact was lost."""
from __future__ import annotations

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf


def test_a_name_past_the_break_under_a_header_without_its_top_line_joins_its_values():
    pdf, _ = fuzz_pdf("jambi", "reportlab", 552)
    tables = stitch(find_tables(pdf, [9, 10], stream_pages=[9, 10]))
    rows = [[" ".join(c.split()) for c in row] for t in tables for row in t.rows]
    assert ["Persentase Perusahaan Dgn Tata Kelola Yg Layak", "14.00", "16.00", "114.29", "Rp 909,622,967",
            "Rp 836,129,151", "91.92"] in [row[2:] for row in rows]
    assert sum("Tabel 3.9" in t.caption for t in tables) == 1
    assert any(row[2:5] == ["Persentase UMKM Yg Tangguh dan Mandiri", "8.00", "12.03"] for row in rows)


def test_a_row_number_alone_before_the_break_names_no_row():
    """Jambi Tabel 3.8 without rules, cells aligned to the bottom, rows split (jambi_reportlab_647): p. 7
    ends with the kegiatan's number '1.' and its amounts, p. 8 opens with its name. A row number alone
    is no name, so the name past the break is the row's (it had been joined to the sub-kegiatan below)."""
    pdf, _ = fuzz_pdf("jambi", "reportlab", 647)
    tables = stitch(find_tables(pdf, [7, 8], stream_pages=[7, 8]))
    rows = [[" ".join(c.split()) for c in row] for t in tables for row in t.rows]
    name = "1. PENDIDIKAN DAN LATIHAN PERKOPERASIAN BAGI KOPERASI YANG WILAYAH KEANGGOTAAN DALAM DAERAH KABUPATEN/KOTA"
    assert [name, "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"] in [row[1:] for row in rows]
    assert ["1. Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi SDM Koperasi",
            "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"] in [row[1:] for row in rows]
