"""Indicator tables comparing years, whose value columns are grouped by the year each label names, not by
their order: a realisasi without a target of its own year, and roles printed over the years. Rows and
values as the page images print them (ruled grids, header cells merged as camelot's lattice reads them):
jabar-disperindag_2016_lkip Tabel 3.3 p. 36 and Tabel 3.4 p. 38, jabar-bp3akb_2016_lkip Tabel 3.1.5a
p. 59 and Tabel 3.1.5 p. 60, provsu_2021_lakip p. 65 (Perbandingan Kinerja, Realisasi and Capaian per
year), and jabar-dinkes_2016_lakip p. 37 (Tahun 2015 / Tahun 2016 groups, read in order as before)."""
from __future__ import annotations

from extract.parse.column_roles import ValueGroup, indicator_columns
from tests.unit.parse.indicator_facts import table_facts

DISPERINDAG_3_3 = [
    ["No", "Indikator Kinerja", "Sat", "Tahun\n2015", "Tahun\n2016", "Capaian\nKinerja\n(%)", "Kategori",
     "Sumber\ndata"],
    ["", "", "", "Realisasi", "Realisasi", "", "", ""],
    ["Misi Pertama : Meningkatkan daya saing industri Jawa Barat", "", "", "", "", "", "", ""],
    ["1", "Pertumbuhan Industri\nManufaktur pada PDRB Jawa\nBarat", "Triliun\nRupiah", "166.29", "168.49",
     "101.32", "Sangat\nbaik", "BPS"],
    ["2", "Peningkatan Jumlah unit\nusaha IKM", "Unit\nusaha", "202,940", "203,440*", "100.24", "Sangat\nbaik",
     "Dinas\nKab/Kota"],
]
DISPERINDAG_3_4 = [
    ["No", "Indikator Kinerja", "Sat", "Tahun\n2016", "Tahun\n2018", "Capaian\nKinerja\n(%)", "Sumber\ndata"],
    ["", "", "", "Realisasi", "Target", "", ""],
    ["1", "Pertumbuhan Industri\nManufaktur pada PDRB Jawa\nBarat", "Triliun\nRupiah", "168.49", "207.31", "81.27",
     "BPS"],
    ["2", "Peningkatan Jumlah SDM IKM\nyang bersertifikat", "0rang", "2,345", "4000", "58.62", "Dinas\nIndag"],
]
BP3AKB_3_1_5A = [
    ["Sasaran\nRPJMD", "Sasaran\nStrategis\nBP3AKB", "Indikator Sasaran\nRPJMD", "Realisasi", "", "Target RPJMD",
     "", "% Capaian Kinerja\n2015 thadap\nRPJMD", ""],
    ["", "", "", "2015", "2016", "2016", "2018", "2016", "2018"],
    ["Meningkatkan\nkualitas", "Meningkatnya\nperan serta", "Jumlah Desa/\nKelurahan P2WKSS", "184", "211", "211",
     "265", "100", "79.62"],
]
BP3AKB_3_1_5 = [
    ["TUJUAN\nRENSTRA", "Sasaran\nStrategis\nRENSTRA\nBP3AKB", "Indikator Sasaran\nRENSTRA", "Realisasi\nTahun", "",
     "Target\nRENSTRA\n2016", "% Capaian\nKinerja\n2016\nthadap\nRENSTRA", "TARGET\nRENSTRA\n2018"],
    ["", "", "", "2015", "2016", "", "", ""],
    ["Meningkatkan\nkualitas hidup", "Meningkatnya\nkualitas hidup", "Meningkatnya jumlah\nperempuan birokrat",
     "18.33", "23.49", "20", "78.30", "30"],
]


def _facts(rows: list[list[str]], caption: str) -> list[tuple]:
    return table_facts(rows, caption, "en")


def test_realisasi_of_two_years_and_the_capaian_between_them():
    facts = _facts(DISPERINDAG_3_3, "Tabel 3.3. Perbandingan Realisasi Indikator Kinerja Tahun 2016 terhadap "
                                    "Tahun 2015")
    assert facts == [
        (2015, "Pertumbuhan Industri Manufaktur pada PDRB Jawa Barat", None, 166.29, None),
        (2016, "Pertumbuhan Industri Manufaktur pada PDRB Jawa Barat", None, 168.49, 101.32),
        (2015, "Peningkatan Jumlah unit usaha IKM", None, 202940, None),
        (2016, "Peningkatan Jumlah unit usaha IKM", None, 203440, 100.24),
    ]


def test_a_realisasi_against_the_target_of_a_later_year_is_one_reading_of_its_year():
    facts = _facts(DISPERINDAG_3_4, "Tabel 3.4. Perbandingan Realisasi Indikator Kinerja Tahun 2016 terhadap "
                                    "Target Rencana Strategis Tahun 2018")
    assert facts == [
        (2016, "Pertumbuhan Industri Manufaktur pada PDRB Jawa Barat", 207.31, 168.49, 81.27),
        (2016, "Peningkatan Jumlah SDM IKM yang bersertifikat", 4000, 2345, 58.62),
    ]


def test_roles_printed_over_the_years():
    facts = _facts(BP3AKB_3_1_5A, "Tabel 3.1.5a. PENCAPAIAN INDIKATOR KINERJA SASARAN TAHUN 2015-2016 TERHADAP "
                                  "TARGET RPJMD 2013-2018")
    assert facts == [
        (2015, "Jumlah Desa/ Kelurahan P2WKSS", None, 184, None),
        (2016, "Jumlah Desa/ Kelurahan P2WKSS", 211, 211, 100),
        (2018, "Jumlah Desa/ Kelurahan P2WKSS", 265, None, 79.62),
    ]
    facts = _facts(BP3AKB_3_1_5, "Tabel 3.1.5 REALISASI INDIKATOR KINERJA TAHUN 2015-2016 TERHADAP TARGET "
                                 "RENSTRA 2013-2018")
    assert facts == [
        (2015, "Meningkatnya jumlah perempuan birokrat", None, 18.33, None),
        (2016, "Meningkatnya jumlah perempuan birokrat", 20, 23.49, 78.30),
        (2018, "Meningkatnya jumlah perempuan birokrat", 30, None, None),
    ]


def test_realisasi_and_capaian_over_three_years():
    labels = ["no.", "indikator kinerja utama", "perbandingan kinerja realisasi 2019", "realisasi 2020",
              "realisasi 2021", "capaian (%) 2019", "capaian (%) 2020", "capaian (%) 2021"]
    assert indicator_columns(labels).groups == [
        ValueGroup(realization=2, achievement=5, year=2019), ValueGroup(realization=3, achievement=6, year=2020),
        ValueGroup(realization=4, achievement=7, year=2021)]


def test_year_groups_read_in_order_and_realisasi_alone_by_year():
    labels = ["indikator sasaran", "2015 target", "2015 realisasi", "2015 capaian", "2015 penilaian", "2016 target",
              "2016 realisasi", "2016 capaian", "2016 penilaian"]
    assert indicator_columns(labels).groups == [
        ValueGroup(target=1, realization=2, achievement=3, year=2015),
        ValueGroup(target=5, realization=6, achievement=7, year=2016)]
    # realisasi of two years and nothing else (kab-grobogan-dpupr_2021_lkjip pp. 57-63): a fact per year
    # (test_indicator_realisasi_order.py)
    assert indicator_columns(["sasaran", "indikator", "realisasi 2021", "realisasi 2020"]).groups == [
        ValueGroup(realization=2, year=2021), ValueGroup(realization=3, year=2020)]


# jombang-inspektorat_2018-2023_renstra-perubahan p. 19, the Renstra's 'Pencapaian Kinerja Pelayanan' table:
# the targets of standards (SPM, IKK, other indicators: '-' here) beside the Renstra's targets per year
JOMBANG_RENSTRA_P19 = [
    ["NO", "Indikator Kinerja sesuai Tugas dan Fungsi SKPD", "Targe SPM", "t Target IKK",
     "Target Indikator Lainnya", "Target Renstra SKPD Tahun ke-", "", "", "", "", "Realisasi Capaian Tahun ke-",
     "", "", "", "", "Rasio Capaian pada Tahun ke-", "", "", "", ""],
    ["", "", "", "", "", "2019", "2020", "2021", "2022", "2023", "2019", "2020", "2021", "2022", "2023",
     "2019", "2020", "2021", "2022", "2023"],
    ["3", "Maturitas SPIP", "-", "-", "-", "Level 3\n(3,2)", "Level 3\n(3,3)", "Level 3\n(3,4)", "Level 3\n(3,5)",
     "Level 3\n(3,6)", "Level 3\n(3,2)", "Level 3\n(3,2)", "-", "-", "-", "100 %", "96,97 %", "-", "-", "-"],
]


def test_the_targets_of_standards_are_not_the_years_targets():
    facts = [f for f in table_facts(JOMBANG_RENSTRA_P19) if f[0] in (2019, 2020)]
    assert facts == [(2019, "Maturitas SPIP", 3.2, 3.2, 100.0), (2020, "Maturitas SPIP", 3.3, 3.2, 96.97)]
