"""Multi-year plan tables (Renstra / RPJMD) on rows copied from the seeds, as camelot grids them."""
from __future__ import annotations

import pytest

from extract.model import RawTable
from extract.parse.families import INDICATOR, MULTI_YEAR_PLAN, PLAN_TARGET, classify
from extract.parse.indicators import indicator_rows
from extract.parse.plan_targets import plan_columns, plan_kind, plan_target_rows
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.paths import CORPUS

# Jepara Tabel 2.1 (seed lines ~361-380): "Target Kinerja Sasaran" printed once over the four years; the
# tujuan cell spans its rows, a tujuan's own indicator has no sasaran; the table continues on the next page.
JEPARA_2_1 = [
    ["No", "Tujuan", "Sasaran", "Indikator Tujuan/\nSasaran", "Satuan", "Kondisi\nAwal\nTahun",
     "Target\nKinerja\nSasaran", "", "", "", "Target\nAkhir\nRenstra"],
    ["", "", "", "", "", "", "2023", "2024", "2025", "2026", ""],
    ["1", "Meningkatkan kompetensi, produktivitas dan penempatan tenaga kerja dan penempatan transmigrasi serta "
     "fungsi sarana-sarana HI", "", "Persentase tenaga kerja yang ditempatkan (dalam dan luar negeri) melalui "
     "sektor formal dan mekanisme layanan antar kerja", "%", "35,54", "35,55", "38,02", "40,68", "43,61", "43,61"],
    ["", "", "Meningkatnya jumlah pencari kerja yang dilatih berdasarkan klaster kompetensi dan meningkatnya "
     "produktivitas tenaga kerja", "Persentase tenaga kerja siap kerja", "%", "1,87", "2,40", "2,90", "3,20",
     "3,70", "3,70"],
    ["", "", "Meningkatnya pemahaman masyarakat", "Jumlah masyarakat yang berminat ikut program transmigrasi",
     "orang", "9", "11", "13", "15", "17", "56"],
    ["", "", "mengenai program transmigrasi", "", "", "", "", "", "", "", ""],  # cut by the page break
    ["2", "Meningkatnya jumlah koperasi sehat dan pertumbuhan usaha mikro yang berkualitas", "",
     "Meningkatnya koperasi yang berkualitas", "%", "", "35", "40", "45", "48", "48"],
]
JEPARA_2_1_CAPTION = ("Tabel 2.1 Tujuan dan Sasaran Jangka Menengah Pelayanan Dinas Koperasi UKM Tenaga Kerja dan "
                      "Transmigrasi Kabupaten Jepara Tahun 2023-2026")

# Jambi Tabel 2.2 (seed lines ~431-445): "Indikator Tujuan :" / "Indikator Sasaran :" heading rows, numbered
# names, and the second sasaran printed shifted two columns to the left.
JAMBI_2_2 = [
    ["NO", "TUJUAN", "SASARAN", "INDIKATOR\nTUJUAN/SASARAN", "TARGET\nKINERJA\nSASARAN\nTAHUN KE-", "", "", "", "",
     "KONDISI\nAKHIR"],
    ["", "", "", "", "2025", "2026", "2027", "2028", "2029", ""],
    ["1", "Menurunkan angka pengangguran dan kesenjangan pendapatan penduduk melalui pengembangan dan "
     "pemberdayaan tenaga kerja, koperasi dan UMKM yang mandiri", "1 Meningkatnya penyerapan pencari kerja dan "
     "perlindungan tenaga kerja", "Indikator Tujuan :", "", "", "", "", "", ""],
    ["", "", "", "1 Persentase peningkatan penyerapan pencari kerja dan keselaran hubungan industrial",
     "29.50%", "31.25%", "33.00%", "34.75%", "36.50%", "36.50%"],
    ["", "", "", "Indikator Sasaran :", "", "", "", "", "", ""],
    ["", "", "", "1.1 Persentase penempatan pencari kerja terdaftar", "45.00%", "48.00%", "51.00%", "54.00%",
     "57.00%", "57.00%"],
    ["2 Meningkatnya kualitas koperasi dan UMKM", "2.1 Persentase koperasi berkualitas", "46.80%", "48.60%",
     "50.40%", "52.00%", "54.00%", "54.00%", "", ""],
]
JAMBI_2_2_CAPTION = ("Tabel 2.2 : Sasaran Strategis Dinas Tenaga Kerja, Koperasi dan UKM Kota Jambi Berdasarkan "
                     "Renstra Tahun 2025-2029")

# Jepara Tabel 3.2 (seed line ~550): an achievement table with the Renstra's end target in its last column.
JEPARA_3_2 = [
    ["NO", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target\nTahun\n2024", "Realisasi\nTahun\n2024",
     "Tingkat\nCapaian\n(%)", "Target\nAkhir\nRenstra\n(2026)"],
    ["1", "2", "3", "4", "5", "6", "7", "8"],
    ["4", "Meningkatnya pemahaman masyarakat mengenai program transmigrasi",
     "Jumlah masyarakat yang berminat ikut program transmigrasi", "orang", "13", "13", "100", "56"],
    ["5", "Meningkatkan penerapan Regulasi Perkoperasian dan pelaksanaan SOM dan SOP koperasi",
     "Persentase koperasi aktif", "%", "47,00", "55,75", "118,62", "51,00"],
]

# Jambi Tabel 3.5, second part (seed line ~745): this year's target and realisasi, then later years' targets.
JAMBI_3_5 = [
    ["No", "Indikator Sasaran", "2025", "", "Target\n2026", "Target\n2027", "Target\n2028", "Target\n2029"],
    ["", "", "Target", "Realisasi", "", "", "", ""],
    ["1", "Persentase Penempatan Pencari Kerja Terdaftar", "45.00%", "60.97%", "48.00%", "51.00%", "54.00%",
     "57.00%"],
]

# Jepara Tabel 2.4 (Perjanjian Kinerja, seed line ~470): one year of targets.
JEPARA_2_4 = [
    ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
    ["1", "2", "3", "4"],
    ["1", "Meningkatnya jumlah pencari kerja yang dilatih berdasarkan klaster kompetensi dan meningkatnya "
     "produktivitas tenaga kerja", "Persentase tenaga kerja siap kerja", "2,90 %"],
]


def _table(rows, caption="", table_id="t1", flavor="lattice"):
    return RawTable(table_id=table_id, page_start=15, flavor=flavor, rows=rows, row_pages=[15] * len(rows),
                    caption=caption)


def _plan(rows, caption="", doc_format="id"):
    layout = classify(rows, caption)
    return layout, plan_target_rows(_table(rows, caption), layout, doc_format)


def _targets(facts, indicator):
    return [(f.target_year, f.target_raw, f.target_value, f.is_end_target) for f in facts
            if f.indicator_name == indicator]


def test_multi_year_plans_are_told_from_agreements():
    assert classify(JEPARA_2_1, JEPARA_2_1_CAPTION).family == MULTI_YEAR_PLAN
    assert classify(JAMBI_2_2, JAMBI_2_2_CAPTION).family == MULTI_YEAR_PLAN
    # Jepara Tabel 2.2: baseline and end columns name the RPD, four years in between
    rpd = [["N O.", "INDIKATOR", "KONDISI KINERJA PADA AWAL PERIODE RPD (2021)", "TARGET CAPAIAN SETIAP TAHUN", "",
            "", "", "KONDISI KINERJA PADA AKHIR PERIODE RPD"], ["", "", "", "2023", "2024", "2025", "2026", ""]]
    assert classify(rpd).family == MULTI_YEAR_PLAN
    assert classify(JEPARA_2_4, "Tabel 2.4 Perjanjian Kinerja Perubahan").family == PLAN_TARGET
    named = [["No", "Sasaran Strategis RPJMD", "Indikator Kinerja", "Target Renstra"]]  # still one year of targets
    assert classify(named).family == PLAN_TARGET
    one_year = [["No", "Program", "Indikator program", "Satuan", "Target"]]  # Jambi Tabel 2.5
    assert classify(one_year, "Tabel 2.5 : Target Kinerja Program Tahun 2025").family == PLAN_TARGET
    assert classify(JEPARA_3_2).family == INDICATOR


def test_jepara_renstra_targets_per_year():
    layout, facts = _plan(JEPARA_2_1, JEPARA_2_1_CAPTION)
    assert _targets(facts, "Persentase tenaga kerja siap kerja") == [
        (2023, "2,40", 2.40, False), (2024, "2,90", 2.90, False), (2025, "3,20", 3.20, False),
        (2026, "3,70", 3.70, False), (2026, "3,70", 3.70, True)]
    # the end-of-period target of a count is cumulative: 17 people in 2026, 56 over the period
    assert _targets(facts, "Jumlah masyarakat yang berminat ikut program transmigrasi")[-2:] == [
        (2026, "17", 17.0, False), (2026, "56", 56.0, True)]
    siap = [f for f in facts if f.indicator_name == "Persentase tenaga kerja siap kerja"][0]
    assert (siap.plan_kind, siap.level, siap.unit, siap.baseline_raw, siap.baseline_value, siap.baseline_year) == \
        ("renstra", "sasaran", "%", "1,87", 1.87, None)  # "Kondisi Awal Tahun" prints no year
    assert siap.goal_name.startswith("Meningkatnya jumlah pencari kerja yang dilatih")


def test_rates_per_births_are_read_as_their_count():
    # jabar-dinkes_2016_lakip p. 107 (the Renstra lampiran): rates per 100 000 / 1 000 live births, the unit
    # glued to the number; read as the indicator tables read them (parse/indicators.value_text).
    rows = [["Sasaran", "Indikator Kinerja", "Target", "", "", "", ""],
            ["", "", "2014", "2015", "2016", "2017", "2018"],
            ["Menurunnya ratio Kematian Ibu dan Bayi", "Ratio kematian ibu", "91/\n100,000KH", "90/\n100,000KH",
             "89/\n100,000KH", "88/\n100,000KH", "87/\n100,000KH"],
            ["", "Ratio kematian bayi", "4/1000KH", "6/1000KH", "5,8/1000KH", "5,6/1000KH", "5,8/1000KH"]]
    _, facts = _plan(rows, "RENCANA STRATEGIS (RENSTRA) TAHUN 2013 - 2018")
    assert [f[2] for f in _targets(facts, "Ratio kematian ibu")] == [91, 90, 89, 88, 87]
    assert [f[2] for f in _targets(facts, "Ratio kematian bayi")] == [4, 6, 5.8, 5.6, 5.8]


def test_goal_cells_filled_down_and_cleared_by_a_new_tujuan():
    _, facts = _plan(JEPARA_2_1, JEPARA_2_1_CAPTION)
    by_name = {f.indicator_name: f for f in facts}
    first = by_name["Persentase tenaga kerja yang ditempatkan (dalam dan luar negeri) melalui sektor formal dan "
                    "mekanisme layanan antar kerja"]
    assert first.level == "tujuan" and first.goal_name.startswith("Meningkatkan kompetensi, produktivitas")
    transmigrasi = by_name["Jumlah masyarakat yang berminat ikut program transmigrasi"]
    assert transmigrasi.goal_name == "Meningkatnya pemahaman masyarakat mengenai program transmigrasi"
    koperasi = by_name["Meningkatnya koperasi yang berkualitas"]  # tujuan 2's own indicator, no sasaran
    assert (koperasi.level, koperasi.goal_name) == (
        "tujuan", "Meningkatnya jumlah koperasi sehat dan pertumbuhan usaha mikro yang berkualitas")
    assert (koperasi.baseline_raw, koperasi.baseline_value) == (None, None)  # kondisi awal left empty


def test_jambi_headings_numbering_and_shifted_row():
    _, facts = _plan(JAMBI_2_2, JAMBI_2_2_CAPTION, doc_format="en")
    names = {f.indicator_name: f for f in facts}
    tujuan = names["Persentase peningkatan penyerapan pencari kerja dan keselaran hubungan industrial"]
    assert (tujuan.level, tujuan.plan_kind) == ("tujuan", "renstra")
    assert tujuan.goal_name.startswith("Menurunkan angka pengangguran")
    sasaran = names["Persentase penempatan pencari kerja terdaftar"]
    assert (sasaran.level, sasaran.goal_name) == ("sasaran", "Meningkatnya penyerapan pencari kerja dan "
                                                             "perlindungan tenaga kerja")
    # the row printed two columns to the left is read in place
    assert _targets(facts, "Persentase koperasi berkualitas") == [
        (2025, "46.80%", 46.8, False), (2026, "48.60%", 48.6, False), (2027, "50.40%", 50.4, False),
        (2028, "52.00%", 52.0, False), (2029, "54.00%", 54.0, False), (2029, "54.00%", 54.0, True)]
    assert names["Persentase koperasi berkualitas"].goal_name == "Meningkatnya kualitas koperasi dan UMKM"
    assert not any(f.indicator_name.startswith("Indikator") for f in facts)


def test_end_target_column_of_an_achievement_table():
    layout, facts = _plan(JEPARA_3_2, "Tabel 3.2 Capaian IKU Dinas Koperasi UKM Tenaga Kerja dan Transmigrasi "
                                      "Kabupaten Jepara Tahun 2024")
    assert [(f.indicator_name, f.target_year, f.target_value, f.is_end_target, f.unit) for f in facts] == [
        ("Jumlah masyarakat yang berminat ikut program transmigrasi", 2026, 56.0, True, "orang"),
        ("Persentase koperasi aktif", 2026, 51.0, True, "%")]
    # the year's target / realisasi / capaian still come out as indicator rows, the end target not
    indicators = indicator_rows(_table(JEPARA_3_2), layout, "id")
    assert [(i.fiscal_year, i.target_value, i.realization_value) for i in indicators] == [
        (2024, 13.0, 13.0), (2024, 47.0, 55.75)]


def test_later_years_targets_next_to_an_achievement():
    _, facts = _plan(JAMBI_3_5, doc_format="en")
    assert [(f.target_year, f.target_value) for f in facts] == [(2026, 48.0), (2027, 51.0), (2028, 54.0), (2029, 57.0)]
    assert {f.plan_kind for f in facts} == {"unknown"}  # neither header nor caption names the plan


def test_agreement_tables_are_not_plans():
    layout = classify(JEPARA_2_4)
    assert plan_target_rows(_table(JEPARA_2_4), layout, "id") == []
    (row,) = indicator_rows(_table(JEPARA_2_4), layout, "id", targets_only=True)
    assert (row.indicator_name, row.target_value, row.realization_raw) == ("Persentase tenaga kerja siap kerja",
                                                                          2.90, "")


def test_plan_kind_and_columns():
    labels = ["n o .", "indikator", "kondisi kinerja pada awal periode rpd (2021)", "target capaian setiap tahun 2023",
              "target capaian setiap tahun 2024", "kondisi kinerja pada akhir periode rpd"]
    columns = plan_columns(labels)
    assert (columns.indicator, columns.baseline, columns.targets, columns.end) == (1, 2, [(2023, 3), (2024, 4)], 5)
    assert plan_kind(labels, "") == "rpjmd"  # RPD, the plan between two RPJMD
    assert plan_kind(["indikator", "target 2021"], "Tabel 2.1 Sasaran Strategis Berdasarkan RPJMD Tahun 2025-2029") \
        == "rpjmd"
    assert plan_kind(["indikator", "target 2021", "target 2022"], "Indikator Kinerja Utama") == "unknown"
    # anggaran columns of a Renstra (target and pagu per year) are not targets
    money = plan_columns(["indikator", "tahun 2023 target", "tahun 2023 rp", "tahun 2024 target", "tahun 2024 rp"])
    assert money.targets == [(2023, 1), (2024, 3)]


def test_a_baseline_label_over_two_year_columns_gives_no_targets_there():
    """kab-grobogan-dpupr_2021_renstra Tabel 4.1 (page images of pp. 55-56): 'Kondisi Awal' printed over the
    years 2020 and 2021, 'Target Kinerja Tujuan/Sasaran Pada Tahun' over 2022-2026. The word reader split the
    label over the two columns ('kondisi 2020' | 'awal 2021', p. 55) or set it whole on one (p. 56); neither
    year is a target, the later one is the baseline."""
    split = ["no tujuan", "sasaran", "indikator tujuan/ sasaran", "satuan", "kondisi 2020", "awal 2021", "2022",
             "target kinerja 2023", "pada tahun 2024", "tujuan/sasaran 2025", "2026", "target akhir"]
    columns = plan_columns(split)
    assert (columns.baseline, columns.end) == (5, 11)
    assert columns.targets == [(2022, 6), (2023, 7), (2024, 8), (2025, 9), (2026, 10)]
    whole = ["no tujuan sasaran", "indikator tujuan/ sasaran", "satuan", "2020", "kondisi awal 2021", "2022",
             "target kinerja 2023", "pada tahun 2024", "tujuan/sasaran 2025", "2026", "target akhir"]
    assert plan_columns(whole).targets == [(2022, 5), (2023, 6), (2024, 7), (2025, 8), (2026, 9)]
    # labels that join into no baseline label stay as they are
    assert plan_columns(["indikator", "kondisi 2020", "target 2021"]).targets == [(2020, 1), (2021, 2)]


def test_bad_tables_give_no_rows():
    assert _plan([["No", "Tujuan", "Target 2023", "Target 2024"], ["1", "A", "1", "2"]])[1] == []  # no indicator
    assert _plan([["No", "Indikator", "Target 2023", "Target 2024"]])[1] == []  # header only
    packed = [["Indikator", "Target 2019", "Target 2020"], ["18 1 9 2 0", "0,90 45", "0,93 60"]]
    assert _plan(packed)[1] == []  # Sumatera Utara Tabel 2.2: numbers packed into one cell, no name
    drifted = [["Indikator", "Satuan", "Target 2023", "Target 2024"], ["Persentase A", "%", "1,0", "2,0", "3,0"]]
    assert _plan(drifted)[1] == []  # a value under no header: the columns drifted, years unknown


def test_sumatera_utara_rpjmd_targets_corpus():
    """Provinsi Sumatera Utara LKIP 2021, Tabel 2.3 (pages 20-21): the RPJMD's changed targets for 2021-2023."""
    corpus = CORPUS
    pdf = corpus / "provsu_2021_lakip.pdf"
    if not pdf.exists():
        pytest.skip("corpus not available")
    (table,) = [t for t in stitch(find_tables(pdf, [20, 21], stream_pages=[])) if t.caption.startswith("Tabel 2.3")]
    layout = classify(table.rows, table.caption)
    assert layout.family == MULTI_YEAR_PLAN
    facts = plan_target_rows(table, layout, "id")
    # as printed on page 20: "Indeks Demokrasi 65,25 65,50 65,75", "PDRB per kapita (ADHB) 57,00 59,00 61,00"
    assert _targets(facts, "Indeks Demokrasi") == [
        (2021, "65,25", 65.25, False), (2022, "65,50", 65.5, False), (2023, "65,75", 65.75, False)]
    assert [f.target_value for f in facts if f.indicator_name == "PDRB per kapita (ADHB)"] == [57.0, 59.0, 61.0]
    # its first rows print ranges ("Indeks Pendidikan 68,65-69,15"): data rows, kept raw, no single value
    assert _targets(facts, "Indeks Pendidikan")[0] == (2021, "68,65-69,15", None, False)


def test_the_years_no_row_reports_yet_are_the_plans_targets():
    # jombang-inspektorat_2018-2023_renstra-perubahan p. 19: results of 2019-2020 beside the Renstra's targets;
    # the realisasi of 2021-2023 are '-' in every row of this part, so those years' targets are the plan's
    from tests.unit.parse.test_indicator_year_groups import JOMBANG_RENSTRA_P19
    layout = classify(JOMBANG_RENSTRA_P19, "")
    assert layout.family == INDICATOR
    table = RawTable("t", 19, "lattice", JOMBANG_RENSTRA_P19, [19] * len(JOMBANG_RENSTRA_P19))
    facts = plan_target_rows(table, layout, "id")
    assert [(f.target_year, f.target_raw, f.target_value) for f in facts] == [
        (2021, "Level 3 (3,4)", 3.4), (2022, "Level 3 (3,5)", 3.5), (2023, "Level 3 (3,6)", 3.6)]


def test_a_row_number_under_the_names_header_is_no_stray_value():
    """A header cell spanning number and name ('Indikator Kinerja Utama' over '1 | Indeks Kerukunan
    umat beragama') leaves the number column unlabelled: its numbers are the rows', not values drifted
    from their columns. Rows as in provsu 2021 Tabel 2.2 (p. 18, page image)."""
    rows = [["Misi", "", "Indikator Kinerja Utama", "Satuan", "2019", "2020", "2021", "2022", "2023"],
            ["Mewujudkan masyarakat", "1", "Indeks Kerukunan umat beragama", "Poin", "77", "80", "83", "85", "90"],
            ["", "2", "Skor Pola Pangan Harapan (PPH)", "Skor", "90,4", "92,3", "94,3", "96,3", "98,1"]]
    layout, facts = _plan(rows, "Tabel 2.2 Indikator Kinerja Utama Tahun 2019 – 2023 Target")
    assert layout.family == MULTI_YEAR_PLAN
    assert _targets(facts, "Skor Pola Pangan Harapan (PPH)")[::4] == [(2019, "90,4", 90.4, False),
                                                                    (2023, "98,1", 98.1, False)]


def test_a_number_right_of_the_names_under_no_header_stays_stray():
    """The same rows whose last value stands under no year: the columns drifted, no target is read."""
    rows = [["Misi", "", "Indikator Kinerja Utama", "Satuan", "2019", "2020", "2021", "2022", ""],
            ["Mewujudkan masyarakat", "1", "Indeks Kerukunan umat beragama", "Poin", "77", "80", "83", "85", "90"]]
    layout, facts = _plan(rows, "Tabel 2.2 Indikator Kinerja Utama Tahun 2019 – 2023 Target")
    assert layout.family == MULTI_YEAR_PLAN and facts == []
