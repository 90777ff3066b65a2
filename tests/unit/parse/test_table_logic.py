"""Header classification, stitching, row joining and budget hierarchy on rows copied from the seeds."""
from __future__ import annotations

from extract.model import RawTable
from extract.numerals import is_column_number_row
from extract.parse.budget_levels import assign_levels
from extract.parse.column_roles import BudgetColumns, ValueGroup, budget_columns, goal_level, indicator_columns
from extract.parse.families import BUDGET, EFFICIENCY, INDICATOR, PLAN_TARGET, UNKNOWN, classify, is_side_by_side
from extract.parse.headers import column_labels, count_header_rows
from extract.parse.labels import normalize
from extract.parse.records import BudgetLine
from extract.parse.rows import Row, merge_cut_rows
from extract.pdf.stitch import stitch
from extract.text import clean_cell

# Jepara Tabel 3.17 header: "Realisasi" printed once over "Anggaran | %", then the column numbers.
JEPARA_3_17_HEADER = [
    ["No", "Program /Kegiatan", "Alokasi Anggaran", "Realisasi", ""],
    ["", "", "", "Anggaran", "%"],
    ["1", "2", "3", "4", ""],
]
# Jambi Tabel 3.9: "Kinerja" and "Anggaran" groups over Target / Realisasi / Capaian.
JAMBI_3_9_HEADER = [
    ["No", "Sasaran Strategis", "Indikator Sasaran", "Kinerja", "", "", "Anggaran", "", ""],
    ["", "", "", "Target (%)", "Realisasi (%)", "Capaian (%)", "Target", "Realisasi", "Capaian (%)"],
]


def test_group_header_carried_over_sub_columns():
    labels = column_labels(JEPARA_3_17_HEADER, 5)
    assert labels == ["no", "program /kegiatan", "alokasi anggaran", "realisasi anggaran", "realisasi %"]
    assert budget_columns(labels) == BudgetColumns(number=0, name=1, budget=2, realization=3, absorption=4)


def test_header_rows_end_at_the_first_value():
    data = ["", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "1.871.557.000", "1.782.123.052", "95,22"]
    assert count_header_rows(JEPARA_3_17_HEADER + [data]) == 3
    # A bare year over "Target | Realisasi" (Jambi Tabel 3.4) is a header, not a value.
    assert count_header_rows([["No", "Indikator", "2024", ""], ["", "", "Target", "Realisasi"],
                                  ["1.", "Persentase Penyerapan Tenaga Kerja", "42.00%", "51.00%"]]) == 2


def test_families_from_headers():
    assert classify(JEPARA_3_17_HEADER).family == BUDGET
    jambi_row = ["1", "Meningkatnya penyerapan pencari kerja", "Persentase Penempatan Pencari Kerja Terdaftar",
                 "45.00", "60.97", "135.49", "Rp 321,673,135", "Rp 303,388,183", "94.32"]
    assert classify(JAMBI_3_9_HEADER + [jambi_row]).family == INDICATOR
    efficiency = [["NO", "Sasaran Strategis/ Indikator Kinerja", "Target Tahun 2024", "Realisasi Tahun 2024",
                   "Tingkat Capaian (%)", "Anggaran Tahun 2024", "Realisasi Anggaran Tahun 2024",
                   "Tingkat Capaian (%)", "Tingkat Efisiensi"]]
    assert classify(efficiency).family == EFFICIENCY
    agreement = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]  # Perjanjian Kinerja, no realisasi
    assert classify(agreement).family == PLAN_TARGET
    staff = [["No", "Jabatan", "Formasi", "Terisi", "Ket"]]
    assert classify(staff).family == UNKNOWN


def test_indicator_columns_ignore_the_budget_group():
    labels = column_labels(JAMBI_3_9_HEADER, 9)
    roles = indicator_columns(labels)
    assert (roles.goal, roles.indicator) == (1, 2)
    assert roles.groups == [ValueGroup(target=3, realization=4, achievement=5, year=None)]
    assert goal_level(labels) == "sasaran"


def test_two_year_comparison_gives_two_groups():
    # Jepara Tabel 3.4: target / realisasi / capaian for 2023, then for 2024; Renstra target ignored.
    labels = [normalize(x) for x in ["NO", "Sasaran Strategis", "Indikator Kinerja", "Satuan",
              "Target Tahun 2023", "Realisasi Tahun 2023", "Tingkat Capaian (%)", "Target Tahun 2024",
              "Realisasi Tahun 2024", "Tingkat Capaian (%)", "Target Akhir Renstra (2026)"]]
    groups = indicator_columns(labels).groups
    assert [(g.year, g.target, g.realization, g.achievement) for g in groups] == \
        [(2023, 4, 5, 6), (2024, 7, 8, 9)]


def test_column_number_rows():
    assert is_column_number_row(["1", "2", "3", "4", "5", "6", "7", "5", "6", "7"])  # Jepara Tabel 3.4
    assert is_column_number_row(["1", "2", "3", "4", "5", "6 = (5-4)"])  # Jambi Tabel 3.6
    assert not is_column_number_row(["1", "Persentase koperasi aktif", "%", "47,00", "55,75", "118,62"])


def _table(table_id, page, rows, caption="", top=700.0, bottom=100.0):
    return RawTable(table_id=table_id, page_start=page, flavor="lattice", rows=rows,
                    row_pages=[page] * len(rows), caption=caption, top=top, bottom=bottom)


def test_stitch_drops_the_repeated_header():
    first = _table("p34", 34, JEPARA_3_17_HEADER + [["", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000.000",
                                                      "188.752.658", "96,80"]], caption="Tabel 3.17 Realisasi Anggaran")
    second = _table("p35", 35, JEPARA_3_17_HEADER + [["15", "Penyelenggaraan Pendataan", "38.000.000",
                                                       "33.223.000", "87,43"]])
    (merged,) = stitch([first, second])
    assert len(merged.rows) == 5 and merged.rows[-1][0] == "15"
    assert merged.row_pages == [34, 34, 34, 34, 35] and merged.page_end == 35


def test_stitch_keeps_a_new_captioned_or_headed_table_apart():
    first = _table("p27", 27, [["No", "Indikator", "Target", "Realisasi"], ["1.", "A", "42.00%", "51.00%"]],
                   caption="Tabel 3.4")
    captioned = _table("p28a", 28, [["1.", "B", "1", "2"]], caption="Tabel 3.5 Perbandingan")
    assert len(stitch([first, captioned])) == 2
    other_header = _table("p28b", 28, [["No", "Indikator Sasaran", "Target", "Realisasi"],
                                       ["1", "C", "45.00%", "60.97%"]])
    assert len(stitch([_table("p27", 27, first.rows, caption="Tabel 3.4"), other_header])) == 2


def test_row_cut_by_a_page_break_is_joined():
    # Jambi Tabel 3.8: "... Capaian Kinerja dan" | page break | "Ikhtisar Realisasi Kinerja SKPD" (printed in
    # the amount column); the next section heading "BIDANG PENTA" is not joined.
    rows = [Row(5, 38, ["2.", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan", "Rp 12,849,390.00",
                        "Rp 12,261,200.00", "95.42", ""]),
            Row(6, 39, ["", "", "Ikhtisar Realisasi Kinerja SKPD", "", "", ""]),
            Row(7, 39, ["BIDANG PENTA", "", "", "", "", ""])]
    merged = merge_cut_rows(rows)
    assert len(merged) == 2
    assert merged[0].cells[1].endswith("Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD")
    assert merged[0].cells[2] == "Rp 12,849,390.00"


def test_words_split_by_narrow_columns():
    assert clean_cell("Bulanan/Triwula\nnan/Semesteran") == "Bulanan/Triwulanan/Semesteran"
    assert clean_cell("memutakhirk\nan") == "memutakhirkan"
    assert clean_cell("Pendidikan\ndan Pelatihan") == "Pendidikan dan Pelatihan"


def _line(name, number=None, budget=None):
    return BudgetLine(table_id="t", row_index=0, source_page=1, line_number=number, level="", level_method="",
                      line_name=name, budget_raw="", budget_idr=budget, realization_raw="", realization_idr=None,
                      absorption_raw="", absorption_pct_reported=None, fiscal_year=None)


def test_levels_by_numbering_jepara_style():
    lines = [_line("PROGRAM PENEMPATAN TENAGA KERJA"), _line("Pengelolaan Informasi Pasar Kerja"),
             _line("Pelayanan dan Penyediaan Informasi Pasar Kerja Online", "10"), _line("Job Fair/ Bursa Kerja", "11"),
             _line("JUMLAH")]
    assign_levels(lines)
    assert [(b.level, b.level_method) for b in lines] == [
        ("program", "keyword"), ("kegiatan", "numbering"), ("sub_kegiatan", "numbering"),
        ("sub_kegiatan", "numbering"), ("total", "keyword")]


def test_levels_by_letter_case_jambi_style():
    lines = [_line("PROGRAM PENEMPATAN TENAGA KERJA", "2."), _line("PENGELOLAAN INFORMASI PASAR KERJA", "2."),
             _line("Pelayanan dan Penyediaan Informasi Pasar Kerja Online", "1."), _line("Job Fair", "2.")]
    assign_levels(lines)
    assert [b.level for b in lines] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]
    assert lines[1].level_method == "letter_case"


def test_levels_by_arithmetic_when_nothing_else_tells():
    # Same case, no numbering: the kegiatan is the line equal to the sum of the lines under it.
    lines = [_line("Program Penempatan Tenaga Kerja", budget=195_000_000),
             _line("Pelayanan Antar Kerja", budget=125_000_000), _line("Penyediaan Sumber Daya", budget=5_000_000),
             _line("Perluasan Kesempatan Kerja", budget=120_000_000),
             _line("Pengelolaan Informasi Pasar Kerja", budget=70_000_000), _line("Job Fair", budget=70_000_000)]
    assign_levels(lines)
    assert [b.level for b in lines] == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "kegiatan",
                                        "sub_kegiatan"]
    assert lines[1].level_method == "arithmetic"


# Sumatera Utara LKIP 2021, Tabel 3.2 (page 24): a numbered "Misi" row right under the header.
PROVSU_3_2 = [
    ["No.", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian \nKinerja (%)"],
    ["I", "Misi 1 : Mewujudkan masyarakat Sumatera Utara yang bermartabat", "", "", "", ""],
    ["1", "Indeks Kerukunan umat beragama", "Poin", "83", "77,4", "93,25%"],
    ["3", "Nilai Tukar Petani (NTP)", "Skor", "100,10", "119,06", "118,94%"],
    ["10", "Total Fertility Rate (TFR)", "Nilai", "2,82", "2,60", "190%"],
]


def test_a_section_row_ends_the_header():
    assert count_header_rows(PROVSU_3_2) == 1
    # Tabel 3.4 (page 27): the "Misi 1 : ..." heading alone in the first column, under a two-line header
    rows = [["No.", "Indikator Kinerja", "Satuan", "Tahun 2021", "", "Capaian Kinerja (%)", "Interpretasi"],
            ["", "", "", "Target", "Realisasi", "", ""],
            ["Misi 1 : Mewujudkan masyarakat Sumatera Utara", "", "", "", "", "", ""],
            ["1", "Indeks kerukunan umat beragama", "Poin", "83", "77,4", "93,25%", "Sangat Baik"]]
    assert count_header_rows(rows) == 2
    # a header whose second line starts in the first column is still a header (Jambi Tabel 3.9 style)
    assert count_header_rows(JAMBI_3_9_HEADER + [["1", "Meningkatnya", "Persentase", "45.00"]]) == 2


def _indicator_facts(rows, caption=""):
    from extract.parse.indicators import indicator_rows
    table = _table("t", 24, rows, caption=caption)
    return indicator_rows(table, classify(rows, caption), "id")


def test_indicators_named_like_summaries_are_kept():
    facts = _indicator_facts(PROVSU_3_2, "Tabel 3.2. Capaian Indikator Kinerja Utama")
    assert [(f.indicator_name, f.target_raw, f.realization_raw, f.achievement_raw) for f in facts] == [
        ("Indeks Kerukunan umat beragama", "83", "77,4", "93,25%"),
        ("Nilai Tukar Petani (NTP)", "100,10", "119,06", "118,94%"),
        ("Total Fertility Rate (TFR)", "2,82", "2,60", "190%"),
    ]
    # Jepara Tabel 3.3: "Rata-rata capaian kinerja" prints only a capaian: a summary row
    rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
            ["1", "Persentase koperasi aktif", "47,00", "55,75", "118,62"],
            ["", "Rata-rata capaian kinerja", "", "", "104,90 %"]]
    assert [f.indicator_name for f in _indicator_facts(rows)] == ["Persentase koperasi aktif"]


def test_values_one_grid_column_off_their_header():
    # Sumatera Utara Tabel 3.4 continued on page 28: the values sit in the unlabelled column next to
    # their header cell.
    rows = [["No.", "Indikator Kinerja", "", "Satuan", "", "Tahun 2021", "", "", "Capaian \nKinerja (%)", "",
             "Interpretasi"],
            ["", "", "", "", "", "Target", "Realisasi", "", "", "", ""],
            ["Sasaran Strategis 1 : Meningkatnya masyarakat yang terpelajar", "", "", "", "", "", "", "", "", "", ""],
            ["1", "Angka rata-rata lama \nsekolah", "Tahun", "", "10,15", "", "", "9,58", "", "94,38%", "Sangat Baik"]]
    fact, = _indicator_facts(rows)
    assert (fact.indicator_name, fact.unit, fact.target_raw, fact.realization_raw, fact.achievement_raw) == \
        ("Angka rata-rata lama sekolah", "Tahun", "10,15", "9,58", "94,38%")


def test_a_dash_value_does_not_pull_in_the_next_row():
    # Sumatera Utara page 70: "-" (no national figure) then the next sasaran heading
    rows = [Row(14, 70, ["1", "Rasio rumah layak huni", "Persen", "93,72", "69,50", "-"]),
            Row(15, 70, ["", "Sasaran Strategis 5 : Meningkatnya kesehatan yang prima", "", "", "", ""])]
    assert len(merge_cut_rows(rows)) == 2


def test_words_broken_by_a_narrow_column_are_rejoined_only_when_known():
    from extract.text import clean_cell
    # pieces of nomenclature words (Permendagri 90/2019 names), as a narrow ruled cell prints them
    assert clean_cell("Keuangan Bulanan/Tri\nwulanan/Semesteran SKPD") == "Keuangan Bulanan/Triwulanan/Semesteran SKPD"
    assert clean_cell("PARA PEMANGKU K\nEPENTINGAN") == "PARA PEMANGKU KEPENTINGAN"
    assert clean_cell("PERENCANAAN, PENGANGGARAN\n, DAN") == "PERENCANAAN, PENGANGGARAN, DAN"
    # two real words stay two words
    assert clean_cell("Pelayanan\nantar Kerja") == "Pelayanan antar Kerja"
    assert clean_cell("Koordinasi dan\nPenyusunan") == "Koordinasi dan Penyusunan"


def test_two_words_printed_without_their_space_are_split():
    from extract.text import clean_cell
    assert clean_cell("Tersedianya Layanan Teknologi ManajemenInformasi") == \
        "Tersedianya Layanan Teknologi Manajemen Informasi"  # Ambon's text layer
    assert clean_cell("PermenPAN-RB") == "PermenPAN-RB"  # an acronym inside a word stays


def _grid(rows: list[list[str]], flavor: str = "lattice") -> RawTable:
    return RawTable(table_id="t", page_start=1, flavor=flavor, rows=rows, row_pages=[1] * len(rows))


def test_a_column_right_of_the_amounts_does_not_shift_them():
    from extract.parse.budget import budget_lines
    # Jepara Tabel 3.17's program line, with a "Sisa Anggaran" column (195.000.000 - 188.752.658) added
    rows = [["No", "Program / Kegiatan", "Anggaran", "Realisasi", "Sisa Anggaran", "%"],
            ["", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000.000", "188.752.658", "6.247.342", "96,80"]]
    (line,) = budget_lines(_grid(rows), classify(rows), "id")
    assert (line.budget_raw, line.realization_raw, line.absorption_raw) == ("195.000.000", "188.752.658", "96,80")


def test_components_closed_by_a_total_without_a_capaian_column_do_not_crash():
    from extract.parse.indicators import indicator_rows
    # Ambon Tabel 3.3 (p. 24), 2021 target and realisasi only: five components, then "Jumlah"
    rows = [["Indikator Kinerja", "Formulasi", "Target (%)", "Realisasi (%)"],
            ["Tersedianya Layanan Teknologi Manajemen Informasi", "Jumlah Kelurahan dengan layanan internet",
             "85", "100"],
            ["", "Persentase Pengamanan Persandian", "85", "4.54"],
            ["", "Persentase Jumlah Buku Statistik Sektoral", "85", "100"],
            ["", "Persentase kerjasama mas media", "85", "100"],
            ["", "Persentase Optimalisasi pemanfaatan teknologi informasi", "85", "100"],
            ["Jumlah", "", "", "80.91"]]
    (fact,) = indicator_rows(_grid(rows), classify(rows), "en")
    assert (fact.target_raw, fact.realization_raw) == ("85", "80.91")


def test_a_definition_column_naming_the_indicator_is_not_a_second_panel():
    rows = [["No", "Indikator Kinerja", "Definisi Indikator", "Target", "Realisasi", "Capaian"],
            ["1", "Persentase koperasi aktif", "Koperasi aktif / koperasi x 100", "47,00", "55,75", "118,62"]]
    assert not is_side_by_side(classify(rows))
    panels = [["Indikator :", "Target :", "Realisasi :", "Indikator :", "Target :", "Realisasi :"],
              ["Persentase", "85%", "100%", "Jumlah", "80%", "56.82%"]]
    assert is_side_by_side(classify(panels))


def test_a_data_row_naming_header_words_is_not_taken_for_a_header():
    from extract.pdf.captions import trim_preamble
    # the top of a continuation page: no header, a first row whose cells name "program" and "target"
    table = _grid([["1", "Meningkatnya kualitas program", "Persentase capaian target", "80", "85"],
                   ["2", "Meningkatnya layanan", "Persentase koperasi aktif", "47", "55"]], flavor="words")
    trim_preamble(table)
    assert table.rows[0][1] == "Meningkatnya kualitas program"
