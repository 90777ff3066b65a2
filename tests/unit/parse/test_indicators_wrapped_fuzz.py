"""Indicator rows whose names a word reader split over rows: the cells as read from fuzz renderings of the
Jepara seed report (bench/fuzz), the names and values as printed in the seed text
(samples/seeds/lkjip_jepara_2024_diskopukmnakertrans.txt, Tabel 3.3)."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.families import classify
from extract.parse.indicators import indicator_rows

HEADER = [["NO", "Sasaran\nStrategis", "Indikator Kinerja", "Satuan", "Target\nTahun\n2024", "Realisasi\nTahun\n2024",
           "%\nCapaian", "Kategori", "Sumber\nData"],
          ["1", "2", "3", "4", "5", "6", "7", "8", "9"]]


def test_a_names_first_line_above_its_values_starts_the_row_below_that_goes_on_in_lower_case():
    # jepara_libreoffice_8 (and jepara_libreoffice_21, jepara_reportlab_9): cells aligned to the bottom, the
    # first line of a sasaran ("Meningkatnya") and of an indicator ("Persentase") read as rows of their own
    body = [["", "Meningkatnya", "", "", "", "", "", "", ""],
            ["1", "jumlah pencari\nkerja yang dilatih\nberdasarkan\nklaster\nkompetensi dan\nmeningkatnya",
             "Persentase tenaga\nkerja siap kerja", "%", "2,90", "2,73", "94,14", "Baik", "Diskopuk\nmnakertrans"],
            ["", "produktivitas\ntenaga kerja", "", "", "", "", "", "", ""],
            ["", "Meningkatnya", "", "", "", "", "", "", ""],
            ["2", "jumlah pencari\nkerja yang siap\nkerja dengan\nkualifikasi\npendidikan dan\nkompetensi yang\n"
             "sesuai dengan\ndunia industri\ndan dunia usaha", "Tingkat Partisipasi\nangkatan Kerja", "%", "70,30",
             "71,94", "102,33", "Sangat\nBaik", "Diskopuk\nmnakertrans"],
            ["", "", "Persentase", "", "", "", "", "", ""],
            ["3", "Meningkatnya\njumlah dan\nfungsi sarana-\nsarana HI di\nperusahaan", "perusahaan yang\nmenerapkan "
             "tata\nkelola kerja yang\nlayak (PP/PKB,\nLKS Bipartit,\nStruktur skala upah\ndan terdaftar bpjs\n"
             "ketenagakerjaan)", "%", "59,62", "65,44", "109,76", "Sangat\nBaik", "Diskopuk\nmnakertrans"]]
    rows = HEADER + body
    table = RawTable(table_id="t", page_start=4, flavor="words", rows=rows, row_pages=[4] * len(rows))
    got = [(r.indicator_name, r.target_value, r.realization_value, r.achievement_pct_reported)
           for r in indicator_rows(table, classify(rows), None)]
    assert got == [
        ("Persentase tenaga kerja siap kerja", 2.9, 2.73, 94.14),
        ("Tingkat Partisipasi angkatan Kerja", 70.3, 71.94, 102.33),
        ("Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, Struktur "
         "skala upah dan terdaftar bpjs ketenagakerjaan)", 59.62, 65.44, 109.76)]
