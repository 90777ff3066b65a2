"""A header cell naming one measure ("Target") that a word reader set one line above its neighbour's
label ("Realisasi Tahun 2024", a line shorter, centred in the header band) is the top line of its
own column's label, not a group cell over the neighbour. Cells as read from the whole report
jepara_html_whole_2 (bench/fuzz whole stream, page 23, Tabel 3.2 without caption); values as printed
in the seed text (samples/seeds/lkjip_jepara_2024_diskopukmnakertrans.txt, Tabel 3.2):
'NO | Sasaran Strategis | Indikator Kinerja | Satuan | Target Tahun 2024 | Realisasi Tahun 2024 |
Tingkat Capaian (%) | Target Akhir Renstra (2026)',
'4 | Meningkatnya pemahaman masyarakat mengenai program transmigrasi | Jumlah masyarakat yang berminat
ikut program transmigrasi | orang | 13 | 13 | 100 | 56'."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.families import classify
from extract.parse.headers import column_labels
from extract.parse.indicators import indicator_rows

HEADER = [["", "", "", "", "Target", "", "Tingkat", "Target"],
          ["NO", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Tahun", "Realisasi", "Capaian", "Akhir"],
          ["", "", "", "", "2024", "Tahun 2024", "(%)", "Renstra"],
          ["", "", "", "", "", "", "", "(2026)"],
          ["1", "2", "3", "4", "5", "6", "7", "8"]]
BODY = [["1", "Meningkatnya jumlah pencari kerja yang\ndilatih berdasarkan klaster kompetensi",
         "Persentase tenaga kerja siap\nkerja", "%", "2,90", "2,73", "94,14", "3,70"],
        ["4", "Meningkatnya pemahaman masyarakat\nmengenai program transmigrasi",
         "Jumlah masyarakat yang\nberminat ikut program\ntransmigrasi", "orang", "13", "13", "100", "56"]]


def test_a_target_line_above_the_realisation_label_heads_only_its_own_column():
    labels = column_labels(HEADER[:4], 8)
    assert labels[4] == "target tahun 2024"
    assert "target" not in labels[5] and "realisasi tahun 2024" in labels[5]


def test_target_and_realisation_read_from_their_own_columns():
    rows = HEADER + BODY
    table = RawTable(table_id="t", page_start=23, flavor="words", rows=rows, row_pages=[23] * len(rows))
    facts = indicator_rows(table, classify(rows), "comma")
    assert [(f.indicator_name, f.target_value, f.realization_value, f.achievement_pct_reported) for f in facts] == [
        ("Persentase tenaga kerja siap kerja", 2.90, 2.73, 94.14),
        ("Jumlah masyarakat yang berminat ikut program transmigrasi", 13.0, 13.0, 100.0)]
