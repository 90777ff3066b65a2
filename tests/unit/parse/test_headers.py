"""Headers as other renderers print them: labels split over lines, merged cells, numbering and year rows,
centred group cells, other wordings of the budget columns, and amount units."""
from __future__ import annotations

from extract.parse.column_roles import BudgetColumns, ValueGroup, budget_columns, indicator_columns
from extract.parse.families import BUDGET, INDICATOR, classify, family_from_labels
from extract.parse.headers import column_labels, is_numbering_row
from extract.parse.labels import unit_multiplier

# Jepara Tabel 3.3 read without ruling lines (LibreOffice / Chromium renderings): five header lines,
# "NO", "Indikator Kinerja" and "% Capaian" / "Kategori" merged into one column each, then the
# column-number row with the merged numbers ("1 2 3", "7 8").
JEPARA_3_3_UNRULED = [
    ["", "", "Target", "Realisasi", "", ""],
    ["Sasaran", "", "", "", "%", "Sumber"],
    ["NO Indikator Kinerja", "Satuan", "Tahun", "Tahun", "Kategori", ""],
    ["Strategis", "", "", "", "Capaian", "Data"],
    ["", "", "2024", "2024", "", ""],
    ["1 2 3", "4", "5", "6", "7 8", "9"],
    ["1 Meningkatnya jumlah pencari kerja Persentase tenaga kerja siap kerja", "%", "2,90", "2,73", "94,14 Baik",
     "Diskopuk"],
]
# The same table in nine columns (no merged cells): six header lines then the numbering row.
JEPARA_3_3_NINE = [
    ["", "", "", "", "Target", "Realisasi", "", "", ""],
    ["", "Sasaran", "", "", "", "", "%", "", "Sumber"],
    ["NO", "", "Indikator Kinerja", "Satuan", "Tahun", "Tahun", "", "Kategori", ""],
    ["", "Strategis", "", "", "", "", "Capaian", "", "Data"],
    ["", "", "", "", "2024", "2024", "", "", ""],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    ["", "Meningkatnya", "", "", "", "", "", "", ""],
]
# Jambi Tabel 3.8 read from word positions: "Kinerja" and "Anggaran" printed centred over their three
# columns, the sub-labels on the rows below, then a wrapped name above the first values.
JAMBI_3_8_UNRULED = [
    ["", "", "", "", "Kinerja", "", "", "Anggaran", ""],
    ["", "Sasaran", "Indikator", "", "", "", "", "", ""],
    ["No", "", "", "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian"],
    ["", "Strategis", "Sasaran", "", "", "", "", "", ""],
    ["", "", "", "(%)", "(%)", "(%)", "", "", "(%)"],
    ["", "", "Persentase", "", "", "", "", "", ""],
    ["1", "Meningkatnya", "Penempatan", "45.00", "60.97", "135.49", "Rp 321,673,135", "Rp 303,388,183", "94.32"],
]


def test_a_header_of_five_lines_with_merged_cells():
    layout = classify(JEPARA_3_3_UNRULED)
    assert layout.header_rows == 6 and layout.family == INDICATOR
    assert layout.labels[2:4] == ["target tahun 2024", "realisasi tahun 2024"]
    roles = indicator_columns(layout.labels)
    assert roles.indicator == 0 and roles.unit == 1
    # "% Capaian" merged with "Kategori": the value comes first ("94,14 Baik"), the column is the capaian
    assert roles.groups == [ValueGroup(target=2, realization=3, achievement=4, year=2024)]


def test_a_header_of_six_lines_joined_per_column():
    layout = classify(JEPARA_3_3_NINE)
    assert layout.header_rows == 6 and layout.family == INDICATOR
    assert layout.labels == ["no", "sasaran strategis", "indikator kinerja", "satuan", "target tahun 2024",
                             "realisasi tahun 2024", "% capaian", "kategori", "sumber data"]


def test_merged_column_numbers_close_the_header():
    assert is_numbering_row(["1 2 3", "4", "5", "6", "7 8", "9"])
    assert is_numbering_row(["1", "2 3", "4", "5", ""])
    assert not is_numbering_row(["1", "Persentase koperasi aktif", "%", "47,00"])
    assert not is_numbering_row(["", "", "2024", "2025", "2026"])


def test_centred_group_cells_and_a_wrapped_name_under_the_header():
    layout = classify(JAMBI_3_8_UNRULED)
    assert layout.header_rows == 5  # "Persentase" is the first line of a data row, not a header line
    assert layout.family == INDICATOR
    assert layout.labels[3:] == ["kinerja target (%)", "kinerja realisasi (%)", "kinerja capaian (%)",
                                 "anggaran target", "anggaran realisasi", "anggaran capaian (%)"]
    groups = indicator_columns(layout.labels).groups
    assert groups == [ValueGroup(target=3, realization=4, achievement=5)]


def test_a_split_label_is_not_a_group_over_its_neighbours():
    labels = column_labels(JEPARA_3_3_UNRULED[:5], 6)
    assert labels[1] == "satuan" and labels[5] == "sumber data"


def test_budget_wordings():
    pagu = ["no", "program / kegiatan", "pagu (rp)", "realisasi keuangan (rp)", "serapan (%)", "realisasi fisik (%)"]
    assert family_from_labels(pagu) == BUDGET
    assert budget_columns(pagu) == BudgetColumns(number=0, name=1, budget=2, realization=3, absorption=4,
                                                         physical=5)
    both = ["uraian", "anggaran penetapan", "anggaran perubahan", "realisasi spj", "sisa anggaran", "%"]
    roles = budget_columns(both)
    assert (roles.name, roles.budget, roles.realization, roles.absorption) == (0, 2, 3, 5)
    dpa = ["kode", "kegiatan", "dpa", "spj", "capaian (%)"]
    assert family_from_labels(dpa) == BUDGET
    assert (budget_columns(dpa).budget, budget_columns(dpa).realization) == (2, 3)


def test_amount_units_in_headers_and_captions():
    assert unit_multiplier("anggaran (rp 000)") == 1_000
    assert unit_multiplier("(dalam ribuan rupiah)") == 1_000
    assert unit_multiplier("pagu (juta rupiah)") == 1_000_000
    assert unit_multiplier("anggaran (rp miliar)") == 1_000_000_000
    assert unit_multiplier("alokasi anggaran") is None
    rows = [["No", "Program / Kegiatan", "Anggaran (Rp 000)", "Realisasi (Rp 000)", "%"],
            ["1", "Program Penempatan", "195.000", "188.752", "96,80"]]
    roles = budget_columns(classify(rows).labels)
    assert (roles.budget_multiplier, roles.realization_multiplier) == (1_000, 1_000)
    layout = classify([["No", "Uraian", "Anggaran", "Realisasi", "%"]],
                          "Tabel 3.17 Realisasi Anggaran (dalam jutaan rupiah)")
    assert layout.unit_multiplier == 1_000_000
    assert layout.multipliers == [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1]  # never the percentage
    assert budget_columns(layout.labels, layout.unit_multiplier).budget_multiplier == 1_000_000


# Jambi Tabel 3.9's two header lines as the word reader returns them from two fuzz renderings
# (jambi_html_0: "Sasaran" over "Strategis"; jambi_reportlab_25: "Sasaran Strategis" on one line).
# "Indikator" is the first line of its own column's label, not a group over the "Target" column next
# to it: a group stands over value columns, its own one too.
JAMBI_3_9_HEADERS = [
    [["", "Sasaran", "Indikator", "", "Kinerja", "", "", "Anggaran", ""],
     ["No", "Strategis", "Sasaran", "Target\n(%)", "Realisasi\n(%)", "Capaian\n(%)", "Target", "Realisasi",
      "Capaian\n(%)"]],
    [["", "", "Indikator", "", "Kinerja", "", "", "Anggaran", ""],
     ["No", "Sasaran Strategis", "Sasaran", "Target\n(%)", "Realisasi\n(%)", "Capaian\n(%)", "Target", "Realisasi",
      "Capaian\n(%)"]],
]


def test_a_label_over_a_name_column_is_not_a_group_over_the_values_beside_it():
    for header in JAMBI_3_9_HEADERS:
        labels = column_labels(header, 9)
        assert labels[1:3] == ["sasaran strategis", "indikator sasaran"]
        assert labels[3:6] == ["kinerja target (%)", "kinerja realisasi (%)", "kinerja capaian (%)"]
        assert labels[6] == "anggaran target"
