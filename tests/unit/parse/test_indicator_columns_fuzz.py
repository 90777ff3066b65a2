"""Column meaning of indicator tables whose header a word reader cut or lost: the cells as read from
fuzz renderings of the seed reports (bench/fuzz), the values as printed in the seed text
(samples/seeds/: Jepara Tabel 3.3, Jambi Tabel 3.3 and 3.9)."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.column_roles import indicator_columns
from extract.parse.families import classify
from extract.parse.indicators import indicator_rows, value_text
from extract.text import clean_cell


def _facts(rows: list[list[str]], flavor: str = "words"):
    table = RawTable(table_id="t", page_start=1, flavor=flavor, rows=rows, row_pages=[1] * len(rows))
    return [(f.indicator_name, f.target_value, f.realization_value, f.achievement_pct_reported)
            for f in indicator_rows(table, classify(rows), "comma")]


def test_budget_group_printed_beside_the_indicator_is_not_a_second_reading():
    # Jambi Tabel 3.9 (jambi_libreoffice_4, jambi_reportlab_16): the row "Kinerja | Anggaran" over the
    # two groups was not read, so both groups are labelled Target | Realisasi | Capaian
    rows = [["No", "Sasaran\nStrategis", "Indikator\nSasaran", "Target\n(%)", "Realisasi\n(%)", "Capaian\n(%)",
             "Target", "Realisasi", "Capaian\n(%)"],
            ["1", "Meningkatnya\npenyerapan", "Persentase\nPenempatan\nPencari\nKerja\nTerdaftar", "45.00", "60.97",
             "135.49", "Rp 321,673,135", "Rp 303,388,183", "94.32"],
            ["", "tenaga kerja", "Persentase\nPerusahaan\nDgn Tata\nKelola Yg Layak", "14.00", "16.00", "114.29",
             "Rp 909,622,967", "Rp 836,129,151", "91.92"]]
    table = RawTable(table_id="t", page_start=1, flavor="words", rows=rows, row_pages=[1] * len(rows))
    facts = indicator_rows(table, classify(rows), "dot")
    assert [(f.indicator_name, f.target_value, f.realization_value, f.achievement_pct_reported) for f in facts] == [
        ("Persentase Penempatan Pencari Kerja Terdaftar", 45.0, 60.97, 135.49),
        ("Persentase Perusahaan Dgn Tata Kelola Yg Layak", 14.0, 16.0, 114.29)]


def test_values_under_the_cut_off_rest_of_their_header():
    # Jepara Tabel 3.3 (jepara_reportlab_12): "Target Tahun 2024" read as "Target 2024" | "Tahun", the
    # values under "Tahun" on some rows and under "Target 2024" on others
    rows = [["NO", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target\n2024", "Tahun", "Realisasi\n2024",
             "Tahun", "% Capaian", "Kategori"],
            ["1", "Meningkatnya jumlah pencari kerja", "Persentase tenaga kerja siap kerja", "%", "", "2,90", "",
             "2,73", "94,14", "Baik"],
            ["4", "Meningkatnya pemahaman masyarakat", "Jumlah masyarakat yang berminat ikut program transmigrasi",
             "orang", "13", "", "13", "", "100", "Baik"]]
    assert _facts(rows) == [("Persentase tenaga kerja siap kerja", 2.9, 2.73, 94.14),
                            ("Jumlah masyarakat yang berminat ikut program transmigrasi", 13.0, 13.0, 100.0)]


def test_one_header_cell_naming_three_value_columns():
    # Jambi Tabel 3.3 (jambi_html_25): "Target Realisasi Capaian" over the three columns, "%" under the others
    rows = [["No", "Program", "Indikator program", "Target Realisasi Capaian\n%", "%", "%"],
            ["1", "Pelatihan Kerja", "Tenaga Kerja di\nSektor Prioritas yang\nMeningkatkan Produktivitasnya",
             "69.00", "71.90", "104.20"],
            ["2", "Penempatan\nTenaga Kerja", "Persentase Tenaga\nKerja yang\nDitempatkan di Dalam Negeri",
             "51.00", "60.97", "119.55"]]
    assert _facts(rows) == [
        ("Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya", 69.0, 71.9, 104.2),
        ("Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri", 51.0, 60.97, 119.55)]


def test_target_realisasi_header_over_a_year_fragment():
    # Jepara Tabel 3.3 (jepara_html_0): "Target Realisasi / Tahun / 2024" | "Tahun / 2024"
    labels = ["no", "sasaran strategis", "indikator kinerja", "satuan", "target realisasi tahun 2024", "tahun 2024",
              "% kategori capaian"]
    group = indicator_columns(labels).groups[0]
    assert (group.target, group.realization, group.achievement, group.year) == (4, 5, 6, 2024)


def test_capaian_merged_with_its_grade():
    # Jepara Tabel 3.3: "% Capaian" 102,33 beside "Sangat Baik", read as one cell, the grade over two lines
    assert value_text("Sangat 102,33 Baik") == "102,33"
    assert value_text("104,16 Sangat Baik") == "104,16"
    assert value_text("Baik") == "Baik"


def test_compound_word_broken_after_its_hyphen():
    # Jambi Tabel 3.3 "Perlindungan Hak-hak Pekerja", Tabel 3.8 "Peraturan Perundang-Undangan"
    assert clean_cell("Menerapkan \nPerlindungan Hak-\nhak Pekerja") == "Menerapkan Perlindungan Hak-hak Pekerja"
    assert clean_cell("Implementasi Peraturan Perundang-\nUndangan") == "Implementasi Peraturan Perundang-Undangan"


def test_fi_ligature_gap_in_a_known_word():
    # Jepara / Jambi Tabel 3.8 rendered by LibreOffice: "Verif ikasi", "Sertif ikasi"; "aktif" is a word
    assert clean_cell("Pengujian/Verif ikasi Keuangan SKPD") == "Pengujian/Verifikasi Keuangan SKPD"
    assert clean_cell("Fasilitasi Sertif ikasi\ndan Standarisasi") == "Fasilitasi Sertifikasi dan Standarisasi"
    assert clean_cell("Koperasi aktif lainnya") == "Koperasi aktif lainnya"
