"""Names that a page break set apart from their values, in rows read line by line (unruled tables).
Seed lines (samples/seeds, kota-jambi, Tabel 3.8), as the layout-fuzz renderings cut them:
    1. PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL, MOGOK KERJA DAN PENUTUPAN
       PERUSAHAAN  Rp 886,478,597.50  Rp 813,454,341.00  91.76
    1. PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI ... KOORDINASI DENGAN PARA PEMANGKU KEPENTINGAN
    1. Penyusunan Dokumen Perencanaan Perangkat Daerah  Rp 24,865,300.00  Rp 22,456,545.00  90.31"""
from __future__ import annotations

from extract.parse.budget_levels import assign_levels
from extract.parse.records import BudgetLine
from extract.parse.rows import Row, merge_cut_rows


def _merged(rows: list[Row]) -> list[list[str]]:
    return [row.cells for row in merge_cut_rows(rows, wrapped_lines_are_rows=True)]


def test_a_name_going_on_with_a_conjunction_is_the_row_above():
    # jambi_html_518: 'DAN PENUTUPAN / PERUSAHAAN' opens p. 6, one column left of the name
    rows = [Row(1, 5, ["", "", "2. PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL, MOGOK KERJA",
                       "Rp 886,478,597.50", "Rp 813,454,341.00", "91.76"]),
            Row(2, 6, ["", "DAN PENUTUPAN PERUSAHAAN", "", "", "", ""])]
    assert _merged(rows) == [["", "", "2. PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL, MOGOK KERJA "
                              "DAN PENUTUPAN PERUSAHAAN", "Rp 886,478,597.50", "Rp 813,454,341.00", "91.76"]]


def test_a_name_ending_in_a_conjunction_goes_on_though_two_values_share_a_cell():
    # jambi_libreoffice_517: the last cell holds realisasi and % together, no word to end the name
    rows = [Row(1, 8, ["", "1. PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, "
                           "PERIZINAN, PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN", "",
                       "Rp 1,412,380,417.00", "Rp 1,290,523,409.00 91.37"]),
            Row(2, 8, ["PARA PEMANGKU KEPENTINGAN", "", "", "", ""])]
    assert _merged(rows)[0][1].endswith("KOORDINASI DENGAN PARA PEMANGKU KEPENTINGAN")
    assert len(_merged(rows)) == 1


def test_text_over_a_numbered_row_without_a_word_is_its_name():
    # jambi_reportlab_513 (cells aligned to the middle): the name's first line ends p. 4, a word cut without
    # a hyphen; its last line opens p. 5 above the row's number and amounts
    rows = [Row(1, 4, ["1.", "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH",
                       "Rp 37,714,690.00", "Rp 34,717,745.00", "92.05"]),
            Row(2, 4, ["", "Penyusunan Dokumen Per", "", "", ""]),
            Row(3, 5, ["", "encanaan Perangkat Daerah", "", "", ""]),
            Row(4, 5, ["1.", "", "Rp 24,865,300.00", "Rp 22,456,545.00", "90.31"]),
            Row(5, 5, ["2.", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
                       "Rp 12,849,390.00", "Rp 12,261,200.00", "95.42"])]
    assert [cells[1] for cells in _merged(rows)] == [
        "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"]


def test_a_numbered_line_without_a_name_is_no_total():
    # a line whose name was lost keeps its number: it does not close the program's block, so the lines under
    # it are still told apart by their case (kegiatan in capitals)
    def line(number, name, level=""):
        return BudgetLine(table_id="t", row_index=0, source_page=5, line_number=number, level=level,
                          level_method="", line_name=name, budget_raw="", budget_idr=1.0, realization_raw="",
                          realization_idr=1.0, absorption_raw="", absorption_pct_reported=None, fiscal_year=None,
                          line_name_raw=None)
    lines = [line("1.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
             line("1.", "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH"),
             line("1.", ""),
             line("2.", "ADMINISTRASI KEUANGAN PERANGKAT DAERAH"),
             line("1.", "Penyediaan Gaji dan Tunjangan ASN"),
             line(None, "")]
    assign_levels(lines)
    assert [ln.level for ln in lines] == ["program", "kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan", "total"]
