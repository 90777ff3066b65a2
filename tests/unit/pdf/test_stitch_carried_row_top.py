"""A row that a page break cut, carried to the next page's top with its full height: its lines (the rest
of a name, its numbering and amounts) sit far apart, far above the next row. Those page-top lines, inside
the gutters of the table below, are that table's first lines, and text in one column (the name column)
is the rest of a cut name, no header, whatever its words ('Capaian', 'Realisasi'): the continuation is
stitched to its start and the name joined. Jambi Tabel 3.8 rendered by the layout fuzzer (bench/fuzz,
reportlab variant 39: rows split at page breaks, cells aligned to the middle, no rules); the seed prints
(the line under row 2 holds 'Ikhtisar Realisasi Kinerja SKPD' alone, in the name column)

    2.	Koordinasi dan Penyusunan Laporan Capaian Kinerja dan	Rp 12,849,390.00	Rp 12,261,200.00	95.42
    2.		Pengadaan Peralatan dan Mesin Lainnya	Rp 35,393,279.07	Rp 35,363,279.00	99.92
    7.	PENYEDIAAN JASA PENUNJANG URUSAN PEMERINTAH DAERAH		Rp 164,821,857.00	Rp 159,451,671.00	96.74
    1.		Penyediaan Jasa Surat Menyurat	Rp 58,080,037.00	Rp 55,274,650.00	95.17
"""
from __future__ import annotations

from tests.unit.pdf.test_stitch import stitched, table_holding
from tests.unit.pdf.test_stitch_cut_rows import _data_row

NAME = "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"


def test_a_name_cut_by_the_page_break_keeps_its_lines_set_far_down_the_next_page():
    """'Koordinasi dan Penyusunan' and its amounts end page 4; 'Laporan Capaian Kinerja dan' opens page 5,
    160 points above 'Ikhtisar Realisasi Kinerja SKPD' and the next row."""
    tables = stitched("jambi", "reportlab", 39)
    table = table_holding(tables, "Penyediaan Gaji dan Tunjangan ASN")
    _, row = _data_row(table, NAME)
    assert row[-3:] == ["Rp 12,849,390.00", "Rp 12,261,200.00", "95.42"]
    assert table is table_holding(tables, "Penyusunan Dokumen Perencanaan")  # page 4, the start


def test_a_row_carried_alone_far_above_the_rest_of_the_page_stays_in_the_table():
    """Page 6 opens with the rest of the name 'PENYEDIAAN JASA PENUNJANG ...' (a word broken by the renderer)
    and, far below, the row's numbering and amounts; the next rows follow far below them. They are one table
    with the start on page 4 (the sub-kegiatan under kegiatan 7 keep their level)."""
    tables = stitched("jambi", "reportlab", 39)
    table = table_holding(tables, "Penyusunan Dokumen Perencanaan")
    assert table is table_holding(tables, "Penyediaan Jasa Surat Menyurat")
    page, row = _data_row(table, "Penyediaan Jasa Surat Menyurat")
    assert page == 6 and row[-3:] == ["Rp 58,080,037.00", "Rp 55,274,650.00", "95.17"]
    assert any("Rp 164,821,857.00" in c for r in table.rows for c in r)
