"""The goal an indicator measures, when the table prints several goal columns before it: the nearest one
('Tujuan | Sasaran | Indikator' -> the sasaran), or the one the indicator label names ('Indikator Tujuan').
Rows as the page images print them: jabar-dinkes_2016_lakip p. 110 (Pengukuran Kinerja, Visi ... Capaian)
and ambon-diskominfo_2021_lakip p. 73 (Rencana Kerja Tahunan: Sasaran | Program | Kegiatan | Sub Kegiatan)."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.column_roles import goal_level, indicator_columns
from extract.parse.families import classify
from extract.parse.indicators import indicator_rows

DINKES_P110 = [
    ["Visi", "Misi", "Strategi", "Kebijakan", "Tujuan", "Sasaran", "Indikator Kinerja", "Target\n2016",
     "Realisasi", "Capaian"],
    ["Masyarakat Jawa\nBarat Yang Mandiri\nuntuk Hidup\nSehat",
     "1 Membangun\nkemandirian\nmasyarakat untuk\nhidup sehat",
     "Menguatkan\npemberdayaan\nmasyarakat, kerjasama", "1 Penguatan\npemberdayaan\nmasyarakat",
     "1 Terwujudnya\nkemandirian masyarakat", "1 Meningkatnya\nkemandirian\nmasyarakat",
     "2 Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"],
]
AMBON_P73 = [
    ["No", "Sasaran Strategis", "Program", "Kegiatan", "Sub Kegiatan", "Indikator", "Target", "Anggaran\n(Rp)"],
    ["1", "Meningkatkan dan\nMenerapkan Sistem\nKomunikasi", "", "", "", "", "", ""],
    ["", "", "PROGRAM INFORMASI\nDAN KOMUNIKASI\nPUBLIK", "Pengelolaan Informasi dan\nKomunikasi Publik",
     "Pelayanan Informasi Publik", "Terlaksananya layanan\nkehumasan", "85", "1,270,000,000"],
]


def _facts(rows: list[list[str]], targets_only: bool = False):
    layout = classify(rows, "")
    table = RawTable("t", 1, "lattice", rows, [1] * len(rows))
    return [(f.level, f.goal_name, f.indicator_name, f.target_value)
            for f in indicator_rows(table, layout, "id", targets_only=targets_only)]


def test_the_sasaran_column_nearest_the_indicators_is_their_goal():
    level, goal, name, target = _facts(DINKES_P110)[0]
    assert (level, name, target) == ("sasaran", "Persentase Desa Siaga Aktif", 66.7)
    assert goal.endswith("Meningkatnya kemandirian masyarakat")


def test_an_agreement_lists_the_sub_kegiatan_its_indicator_measures():
    level, goal, name, target = _facts(AMBON_P73, targets_only=True)[0]
    assert (level, goal, name, target) == ("sub_kegiatan", "Pelayanan Informasi Publik",
                                           "Terlaksananya layanan kehumasan", 85.0)


def test_an_indicator_label_naming_its_level_picks_that_goal_column():
    # kab-grobogan-dpupr_2021_lkjip p. 3: 'Tujuan | Sasaran | Indikator Tujuan | Target | Realisasi | %'
    labels = ["tujuan", "sasaran", "indikator tujuan", "target", "realisasi", "%"]
    assert (goal_level(labels), indicator_columns(labels).goal) == ("tujuan", 0)


# jabar-dinkes_2016_lakip pp. 80-81 (Perbandingan capaian kinerja 2015 and 2016, capaian alone): on the
# continuation page the ruled reader puts each name in the column of the item letters, left of 'INDIKATOR KINERJA'
DINKES_P80 = [
    ["NO", "", "INDIKATOR KINERJA", "SATUAN", "CAPAIAN KINERJA", "", "PERCEPATAN\n(PERLAMBATAN)\n%"],
    ["", "", "", "", "2015", "2016", ""],
    ["MISI KEDUA    :  MENJAMIN PELAYANAN KESEHATAN YANG PRIMA", "", "", "", "", "", ""],
    ["", "", "Ratio kematian ibu \na)", "Per 100.000 KH", "102,11", "102,33", "0,22"],
    ["MISI KETIGA    :  MENDUKUNG SUMBER DAYA PEMBANGUNAN KESEHATAN", "", "", "", "", "", ""],
    ["", "Jumlah Puskesmas yang sudah \nTerakreditasi", "", "Puskesmas", "0", "128,13", "128,13"],
    ["", "Jumlah Rumah Sakit yang sudah \nTerakreditasi", "", "Rumah sakit", "138,1", "108,57", "(29,53)"],
]


def test_a_name_in_the_unlabelled_column_beside_the_indicators_is_read_as_theirs():
    facts = [(f.indicator_name, f.fiscal_year, f.achievement_pct_reported) for f in _indicator_facts(DINKES_P80)]
    assert facts == [("Ratio kematian ibu", 2015, 102.11), ("Ratio kematian ibu", 2016, 102.33),
                     ("Jumlah Puskesmas yang sudah Terakreditasi", 2015, 0.0),
                     ("Jumlah Puskesmas yang sudah Terakreditasi", 2016, 128.13),
                     ("Jumlah Rumah Sakit yang sudah Terakreditasi", 2015, 138.1),
                     ("Jumlah Rumah Sakit yang sudah Terakreditasi", 2016, 108.57)]


def _indicator_facts(rows: list[list[str]]):
    table = RawTable("t", 80, "lattice", rows, [80] * len(rows))
    return indicator_rows(table, classify(rows, ""), "id")
