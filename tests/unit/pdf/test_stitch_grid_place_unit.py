"""Jambi Tabel 3.8 (reportlab, F4 landscape, horizontal rules only, header not repeated,
jambi_reportlab_289): the budget table runs over pages 4-8, its sub-kegiatan names in a narrow
column of their own right of the kegiatan names, left of 'Anggaran'. Page 8 holds its end: one
kegiatan row whose name sits one level out and the 'Total' row, whose label, set left of the
centred row numbers, splits the number column there. That end's columns fit inside the start's,
so stitching took them as the finer grid, though they have no column where the start keeps its
sub-kegiatan names: re-gridded, the names fell into the Anggaran column ('Penyediaan Gaji dan
Tunjangan ASN Rp 5,551,547,000.00'), the rest of the row one column left. The seed prints

    2.  ADMINISTRASI KEUANGAN PERANGKAT DAERAH     Rp 5,781,103,415.43  Rp 4,839,258,433.00  83.71
    1.      Penyediaan Gaji dan Tunjangan ASN      Rp 5,551,547,000.00  Rp 4,610,145,933.00  83.04
    ...
    1.      Penyediaan Jasa Surat Menyurat         Rp 58,080,037.00     Rp 55,274,650.00     95.17
    Total                                          Rp 10,036,268,000.00 Rp 8,767,409,001.00  87.36
"""
from __future__ import annotations

from extract.pdf.find import _read_unruled
from extract.pdf.stitch import stitch
from tests.fuzz_variants import cells_after, fuzz_pdf

EXPECTED = {
    "Penyediaan Gaji dan Tunjangan ASN": ("Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"),
    "Penatausahaan Barang Milik Daerah pada SKPD": ("Rp 10,940,300.00", "Rp 7,935,309.00", "72.53"),
    "Penyediaan Jasa Surat Menyurat": ("Rp 58,080,037.00", "Rp 55,274,650.00", "95.17"),
    "ADMINISTRASI KEUANGAN PERANGKAT DAERAH": ("Rp 5,781,103,415.43", "Rp 4,839,258,433.00", "83.71"),
}


def test_a_page_top_end_without_the_sub_kegiatan_column_leaves_the_start_its_grid():
    pdf, meta = fuzz_pdf("jambi", "reportlab", 289)
    tables = stitch(_read_unruled(pdf, list(range(1, meta["pages"] + 1)), None))
    found = cells_after(tables, EXPECTED, 5)  # (a kegiatan name spans the sub-kegiatan column)
    assert {name: tuple(cell for cell in cells if cell)[:3] for name, cells in found.items()} == EXPECTED
