"""A running footer printed closer below a table than a line height: Jambi without rules, Noto Sans
10 on F4, a running footer 'LKjIP 2025 Dinas Tenaga Kerja, Koperasi dan UKM Kota Jambi  5' set 12.7 pt
under the last line of Tabel 3.8 on p. 5 (its line 12.9 pt tall), a row split at the page break
(jambi_reportlab_311). It was read as a line of that row, and the row's rest on p. 6 was joined to
it, page number and all. Printed at the same place on the pages around, it is a footer.
Values as printed in the Jambi seed, Tabel 3.8:
`1. Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional
atau Lapangan  Rp 285,506,784.00  Rp 257,023,584.00  90.02`"""
from __future__ import annotations

from tests.fuzz_variants import budget_lines_of


def test_a_footer_close_below_a_table_is_no_line_of_it():
    lines = budget_lines_of("jambi", "reportlab", 311)
    assert ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional "
            "atau Lapangan", 285_506_784, 257_023_584, 90.02) in lines
    assert not [name for name, *_ in lines if "LKjIP" in name]


def test_a_footer_in_a_taller_font_close_below_a_table_is_no_line_of_it():
    # jambi_reportlab_700: Noto Serif 11 (its box 13.4 pt tall) for the footer, 10.5 in Tabel 3.8 with
    # column rules alone; the footer 9.7 pt under the row 'PEMBERDAYAAN USAHA MIKRO ...' split at the
    # page break, 0.72 of its own height. Read as a line 'LKjIP 2025 Dinas ...' with the page number as
    # its amount, it cut the kegiatan's name from its rest on p. 7.
    lines = budget_lines_of("jambi", "reportlab", 700)
    assert ("PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN, "
            "PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN PARA PEMANGKU KEPENTINGAN",
            1_412_380_417.0, 1_290_523_409.0, 91.37) in lines
    assert not [name for name, *_ in lines if "LKjIP" in name]
