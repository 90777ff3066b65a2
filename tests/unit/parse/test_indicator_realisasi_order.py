"""Indicator tables whose realisasi is not after a target: a realisasi printed before the target it is read
against, and realisasi of named years alone (this body's; another body's beside them is not read). Rows and
values as the page images print them: kab-grobogan-dpupr_2021_lkjip p. 64 ("Realisasi 2021 | Target
Renstra") and p. 57 ("Realisasi 2021 | Realisasi 2020"), jombang-inspektorat_2022_lkjip Tabel 3.6 p. 34
("Realisasi 2022 | Realisasi Daerah", the other bodies' figures)."""
from __future__ import annotations

from extract.parse.column_roles import ValueGroup, indicator_columns
from extract.parse.families import UNKNOWN, classify
from tests.unit.parse.indicator_facts import table_facts

GROBOGAN_P64 = [
    ["SASARAN", "INDIKATOR", "REALISASI\n2021", "TARGET\nRENSTRA"],
    ["1. Meningkatnya pelayanan\nadministrasi perkantoran", "• Terpenuhinya\nkebutuhan\nadministrasi\nperkantoran.",
     "100 %", "70 %"],
]
GROBOGAN_P64_3 = [
    ["SASARAN", "INDIKATOR", "REALISASI\n2021", "TARGET\nRENSTRA"],
    ["3. Meningkatnya kualitas dan\npengetahuan Sumber Daya\nManusia ( SDM ) Pegawai DPUPR",
     "• Terlaksananya\npengiriman peserta\npendidikan dan\npelatihan.", "100 %", "100"],
]
GROBOGAN_P57 = [
    ["SASARAN", "INDIKATOR", "REALISASI\n2021", "REALISASI\n2020"],
    ["1. Meningkatnya pelayanan\nadministrasi perkantoran",
     "• Tercukupinya penyediaan\njasa maupun barang bagi\nkeperluan administrasi\nperkantoran secara\noptimal",
     "100 %", "100 %"],
]
JOMBANG_3_6 = [
    ["No", "Sasaran", "No", "Indikator Kinerja", "Realisasi\n2022", "Realisasi\nDaerah", "Ket."],
    ["Meningkatkan penyelenggaraan pemerintahan yang bersih dan Akuntabel", "", "", "", "", "", ""],
    ["1", "Meningkatnya hasil\npengawasan yang\nberkualitas dan\nakuntabel", "1", "Maturitas SPIP", "Level 3\n(3,157)",
     "Level 3\n(3,141)", "Dibandingkan\ndengan Nilai\nMaturitas SPIP\nProvinsi Jawa\nTimur"],
    ["", "", "2", "Kapabilitas APIP", "Level 3\n(3,00)", "Level 3\n(3,00)",
     "Dibandingkan\ndengan Nilai\nMaturitas SPIP\nProvinsi Jawa\nTimur"],
    ["2", "Meningkatnya\nAkuntabilitas dan\nKinerja Perangkat\nDaerah", "3", "Nilai Evaluasi AKIP\nPD",
     "Nilai A\n(81,59)", "Nilai BB\n(72,14)",
     "Dibandingkan\ndengan Nilai\nEvaluasi\nSAKIP\nPemerintah\nKabupaten\nJombang"],
]


def _facts(rows: list[list[str]], caption: str = "") -> list[tuple]:
    return table_facts(rows, caption, "id")


def test_a_realisasi_before_its_target_is_one_group():
    assert _facts(GROBOGAN_P64) == [(2021, "Terpenuhinya kebutuhan administrasi perkantoran", 70, 100, None)]
    assert _facts(GROBOGAN_P64_3) == [(2021, "Terlaksananya pengiriman peserta pendidikan dan pelatihan",
                                       100, 100, None)]


def test_a_target_of_another_year_after_the_realisasi_stays_a_comparison_of_years():
    labels = ["no", "indikator kinerja", "sat", "tahun 2016 realisasi", "tahun 2018 target", "capaian kinerja (%)"]
    # jabar-disperindag Tabel 3.4: the capaian measures the 2016 realisasi against the 2018 target (as before)
    assert indicator_columns(labels).groups == [ValueGroup(target=4, realization=3, achievement=5, year=2016)]
    # the plan's end target is no target of the year: the realisasi before it is not paired with it
    labels = ["no", "indikator kinerja", "realisasi 2022", "target akhir renstra", "capaian realisasi"]
    assert indicator_columns(labels).groups == []
    # nor is the realisasi read alone there (the seed Jepara Tabel 3.12: measured against the plan)
    labels = ["no", "indikator kinerja", "satuan", "realisasi s.d tahun 2024", "target akhir renstra (2026)",
              "capaian terhadap renstra 2023-2026 (%)"]
    assert indicator_columns(labels).groups == []


def test_realisasi_of_named_years_alone_are_facts_of_those_years():
    name = "Tercukupinya penyediaan jasa maupun barang bagi keperluan administrasi perkantoran secara optimal"
    assert _facts(GROBOGAN_P57) == [(2021, name, None, 100, None), (2020, name, None, 100, None)]


def test_the_realisasi_of_the_year_beside_another_bodys_is_read_alone():
    facts = _facts(JOMBANG_3_6, "Tabel 3.6 Perbandingan Realisasi Kinerja Tahun 2022 dengan Realisasi Kinerja di "
                                "Level Nasional/Internasional")
    assert facts == [(2022, "Maturitas SPIP", None, 3.157, None), (2022, "Kapabilitas APIP", None, 3, None),
                     (2022, "Nilai Evaluasi AKIP PD", None, 81.59, None)]


def test_another_bodys_realisasi_of_named_years_is_not_read():
    assert indicator_columns(["indikator", "realisasi nasional 2020", "realisasi nasional 2021"]).groups == []
    # one year's realisasi alone (quarters of it): no comparison, no indicator table
    rows = [["Program/Kegiatan", "Indikator Kinerja Program", "Realisasi Kinerja pada Triwulan I - IV Tahun 2023",
             "", "", ""], ["", "", "I", "II", "III", "IV"], ["Program A", "Persentase X", "25", "50", "75", "100"]]
    assert classify(rows).family == UNKNOWN
