"""Indicator rows of real tables: stacked cells, sub-items, value lines without a name, header rows,
names beside their numbers and value cells parse_number does not read. Cells copied from the raw
cells of corpus documents (page given) or printed in the issue."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.families import INDICATOR, classify
from extract.parse.indicators import indicator_rows, value_text


def _facts(rows: list[list[str]], doc_format: str | None = None, targets_only: bool = False):
    table = RawTable(table_id="t", page_start=1, flavor="lattice", rows=rows, row_pages=[1] * len(rows))
    layout = classify(rows)
    return [(f.indicator_name, f.target_value, f.realization_value, f.achievement_pct_reported)
            for f in indicator_rows(table, layout, doc_format, targets_only=targets_only)]


def test_stacked_bulleted_cell_gives_one_indicator_per_item():
    # kab-grobogan-dpupr_2021_lkjip p. 48 (printed 50): no rules between the kegiatan, one grid row
    rows = [["SASARAN", "INDIKATOR", "TARGET", "REALISASI", "%"],
            ["a. Kegiatan Pengelolaan dan \nPengembangan Sistem \nDrainase\nd. Kegiatan Penyelenggaraan \n"
             "Jalan kabupaten/Kota",
             "•  Meningkatnya \nPanjang \nSaluran \nDrainase/Gorong-\ngorong yang terbangun \n•  Meningkatnya \n"
             "kelancaran \ndistribusi \nlalu lintas dan ekonomi",
             "2,57 km \n100%", "2,57 km \n100%", "100 % \n100 %"]]
    assert _facts(rows) == [
        ("Meningkatnya Panjang Saluran Drainase/Gorong-gorong yang terbangun", 2.57, 2.57, 100.0),
        ("Meningkatnya kelancaran distribusi lalu lintas dan ekonomi", 100.0, 100.0, 100.0)]


def test_stacked_cell_with_a_unit_line_and_a_name_cut_by_the_page_break():
    # kab-grobogan-dpupr_2021_lkjip p. 47-48: "335" / "buah" is one value; the last name ends on the next page
    rows = [["SASARAN", "INDIKATOR", "TARGET", "REALISASI", "%"],
            ["d. Kegiatan Administrasi Kepegawaian\ne. Kegiatan Administrasi Umum",
             "•  Terlaksananya \npengadaan \nseragam \nbagi PNS dan Non PNS. \n•  Terlaksananya \n"
             "penyediaan  prasaranan", "335 \nbuah \n100%", "335 buah \n100%", "100 % \n100 %"],
            ["f.  Kegiatan Pengadaan barang Milik Daerah",
             "penyelenggaraan \npelayanan publik. \n•  Terlaksananya \nPenyediaan \nPrasarana \nPelayanan Publik",
             "100%", "100%", "100%"]]
    assert _facts(rows) == [
        ("Terlaksananya pengadaan seragam bagi PNS dan Non PNS", 335.0, 335.0, 100.0),
        ("Terlaksananya penyediaan prasaranan penyelenggaraan pelayanan publik", 100.0, 100.0, 100.0),
        ("Terlaksananya Penyediaan Prasarana Pelayanan Publik", 100.0, 100.0, 100.0)]


def test_stacked_cell_without_bullets_splits_on_the_repeated_first_word():
    # kediri-bappeda_2018_pk-scan p. 2 (OCR): four targets in three lines ("90% 100%")
    rows = [["No.", "Sasaran Strategis", "Indikator Kinerja", "Target"],
            ["(1)", "(2)", "(3)", "(4)"],
            ["1.", "Meningkatnya efektifitas\nperencanaan pembangunan",
             "Persentase keselarasan program\nRKPD dengan RPJMD\nPersentase perangkat daerah yang\n"
             "dokumen Renja selaras dengan\nRenstra\nPersentase dokumen perencanaan\nyang disusun tepat waktu\n"
             "Persentase data dan informasi\npembangunan yang dimanfaatkan\nstakeholder", "90%\n90%\n90% 100%"]]
    facts = _facts(rows, targets_only=True)
    assert [(name, target) for name, target, _, _ in facts] == [
        ("Persentase keselarasan program RKPD dengan RPJMD", 90.0),
        ("Persentase perangkat daerah yang dokumen Renja selaras dengan Renstra", 90.0),
        ("Persentase dokumen perencanaan yang disusun tepat waktu", 90.0),
        ("Persentase data dan informasi pembangunan yang dimanfaatkan stakeholder", 100.0)]


def test_a_stack_whose_values_do_not_pair_with_its_items_stays_one_row():
    # kab-grobogan-dpupr_2022_pk-scan p. 2: the OCR scrambled the names; three lines, two values
    rows = [["Sasaran Strategis", "Indikator Kinerja", "Target"],
            ["Meningkatnya kinerja tata kelola", "Nilai SAKIP OPD\nIKM OPD\nNilai", "B (65)\nB (76.70)"]]
    facts = _facts(rows, "en", targets_only=True)
    assert [(name, target) for name, target, _, _ in facts] == [("Nilai SAKIP OPD IKM OPD Nilai", 65.0)]


def test_sub_item_rows_are_named_after_their_parent():
    # the example "Jumlah produksi : - Daging" as rows (the numbers are illustrative, no labelled
    # document prints sub-items with values)
    rows = [["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
            ["1", "Jumlah produksi :", "", "", "", ""],
            ["", "- Daging", "ton", "120", "132", "110"],
            ["", "- Telur", "ton", "80", "72", "90"],
            ["2", "Persentase kelompok ternak aktif", "%", "50", "55", "110"]]
    assert _facts(rows, "id") == [("Jumlah produksi - Daging", 120.0, 132.0, 110.0),
                                  ("Jumlah produksi - Telur", 80.0, 72.0, 90.0),
                                  ("Persentase kelompok ternak aktif", 50.0, 55.0, 110.0)]


def test_stacked_sub_items_under_a_parent_in_the_same_cell():
    # the cell of jombang-inspektorat_2018-2023_renstra-perubahan Tabel 2.7 ("Persentase tindak lanjut
    # selesai : - Administrasi - Keuangan"); the stacked values are illustrative
    rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
            ["1", "Persentase tindak lanjut selesai :\n-    Administrasi\n-    Keuangan",
             "95,20 %\n95,40 %", "91,55 %\n92,87 %", "96,17 %\n97,35 %"]]
    assert _facts(rows, "id") == [("Persentase tindak lanjut selesai - Administrasi", 95.2, 91.55, 96.17),
                                  ("Persentase tindak lanjut selesai - Keuangan", 95.4, 92.87, 97.35)]


def test_a_value_line_without_a_name_belongs_to_the_indicator_above():
    # jabar-disperindag_2016_lkip p. 35: "Jumlah UTTP dan BDKT" has two value lines, the second without a name
    rows = [["No", "Indikator Kinerja", "Sat", "Tahun 2016", "", "Capaian Kinerja (%)", "Kategori"],
            ["", "", "", "Target", "Realisasi", "", ""],
            ["2", "Jumlah UTTP dan BDKT", "Buah", "6,831,222", "4,341,614", "63.46", "Sedang"],
            ["", "", "Buah", "3,900", "928", "23.79", "Kurang"],
            ["3", "Peningkatan cakupan pengawasan barang beredar", "%", "1.5", "10.90", "726.66", "Sangat baik"]]
    assert _facts(rows, "en") == [("Jumlah UTTP dan BDKT", 6831222.0, 4341614.0, 63.46),
                                  ("Jumlah UTTP dan BDKT", 3900.0, 928.0, 23.79),
                                  ("Peningkatan cakupan pengawasan barang beredar", 1.5, 10.9, 726.66)]


def test_a_numbered_value_line_without_a_name_is_no_line_of_the_indicator_above():
    """Seed Jepara Tabel 3.3, rows 6 and 7, as a page break leaves them when row 7 splits (cells aligned
    to the bottom: its number and values end the page, its sasaran and indicator open the next). Row 7
    prints its own number: its values are not the 'unit usaha' indicator's (jepara_reportlab_676)."""
    rows = [["NO", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Tahun 2024", "Realisasi Tahun 2024",
             "% Capaian", "Kategori", "Sumber Data"],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
            ["6", "Meningkatkan UMKM berdaya saing dan berkualitas", "Persentase unit usaha yang berdaya saing", "%",
             "3,61", "3,80", "105,26", "Sangat Baik", "Diskopuk mnakertrans"],
            ["7", "", "", "%", "80,00", "83,33", "104,16", "", ""]]
    assert _facts(rows, "id") == [("Persentase unit usaha yang berdaya saing", 3.61, 3.8, 105.26)]


def test_the_indicator_label_over_the_numbers_names_the_column_beside_them():
    # jabar-dinkes_2016_lakip p. 33: "Indikator Kinerja" spans the number and the name columns
    rows = [["NO", "Sasaran Strategis", "Indikator Kinerja", "", "Target (%)", "Realisasi", "Capaian (%)"],
            ["1", "2", "", "3", "4", "5", "6"],
            ["1", "Meningkatnya kemandirian Masyarakat", "1",
             "Persentase Rumah Tangga mencapai yang berprilaku Hidup bersih dan Sehat (PHBS)", "55%", "56,03%",
             "101.87%"],
            ["", "", "2", "Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"]]
    assert _facts(rows, "id") == [
        ("Persentase Rumah Tangga mencapai yang berprilaku Hidup bersih dan Sehat (PHBS)", 55.0, 56.03, 101.87),
        ("Persentase Desa Siaga Aktif", 66.7, 94.9, 142.28)]


def test_header_rows_read_as_data_are_not_indicators():
    # a header repeated on a continuation page, a unit row and the column numbering
    rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
            ["1", "Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"],
            ["", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN"],
            ["", "", "(%)", "(%)", "(%)"],
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["2", "Persentase penduduk dengan jaminan kesehatan", "65%", "68,56%", "105,48%"]]
    assert [f[0] for f in _facts(rows, "id")] == ["Persentase Desa Siaga Aktif",
                                                  "Persentase penduduk dengan jaminan kesehatan"]
    agreement = [["No", "Indikator Kinerja", "Target"], ["", "TARGET CAPAIAN", "TARGET RENSTRA"],
                 ["1", "Nilai SAKIP", "B"]]
    assert [f[0] for f in _facts(agreement, targets_only=True)] == ["Nilai SAKIP"]


def test_value_cells_parse_number_does_not_read():
    assert value_text("89/100.000 KH") == "89"           # jabar-dinkes p. 34, a rate per 100 000 births
    assert value_text("4,01/ 1000 \nKH") == "4,01"        # the same table, per 1 000
    assert value_text("5,8/1000KH") == "5,8"              # jabar-dinkes p. 107, the unit glued on
    assert value_text("91/ 100,000KH") == "91"
    assert value_text("81\n(A)") == "81"                  # jombang-inspektorat_2020_pk-scan p. 2
    assert value_text("69.02poin") == "69.02 poin"        # jabar-bp3akb p. 56
    assert value_text("96,12 %.") == "96,12 %"            # kab-grobogan-dpupr_2021_lkjip p. 49
    assert value_text("B (76.70)") == "B (76.70)"         # a grade before its score: parse_number reads it


def test_header_word_printed_with_a_hyphen_names_its_column():
    # jabar-dinkes_2016_lakip p. 35 (printed 31), table A.2: a narrow cell prints "REALI-SASI" on one line;
    # without the realisasi column the table read as a one-year agreement (targets only)
    rows = [["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "REALI-SASI", "% \nPENCAPAIAN", "PENILAI\nAN"],
            ["1", "2", "3", "4", "5", "6", "7"],
            ["2", "Menurunnya ratio \nkematian ibu dan \nbayi", "Ratio Kematian Ibu", "89/100.000 \nKH",
             "86,97/ \n100.000 KH", "102.33%", "Sangat \nBaik"],
            ["", "", "Prevalensi  gizi buruk", "0,58", "0.6", "96,67%", "baik"]]
    assert classify(rows).family == INDICATOR
    assert _facts(rows) == [("Ratio Kematian Ibu", 89.0, 86.97, 102.33), ("Prevalensi gizi buruk", 0.58, 0.6, 96.67)]


def test_percent_of_realisasi_is_the_capaian_and_last_years_capaian_its_own_fact():
    # jabar-dinkes_2016_lakip p. 77 (A.3.3): "% Realisasi" is the share of the target realised, the capaian;
    # "Capaian Tahun Lalu (2015)" is last year's capaian alone. The end target of the Renstra and the capaian
    # against it belong to the plan targets.
    rows = [["NO", "SASARAN\nSTRATEGIS", "INDIKATOR", "CAPAIAN\nTAHUN\nLALU\n(2015)", "TAHUN 2016", "", "",
             "TARGET\nAKHIR\nRENSTRA", "CAPAIAN\nTAHUN 2016\nTERHADAP\nTARGET\nAKHIR\nRENSTRA\n(%)"],
            ["", "", "", "", "TARGET", "REALISASI", "%\nREALISASI", "", ""],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
            ["1", "Meningkatnya\nkemandirian\nmasyarakat", "Persentase Rumah\nTangga yang\nberprilaku Hidup\n"
             "Bersih dan Sehat\n(PHBS)", "139", "55%", "56,03%", "101,87", "65%", "86,5%"],
            ["", "", "Persentase Desa\nSiaga Aktif", "115,5", "66,7%", "94,9%", "149,63", "81%", "117,16%"]]
    table = RawTable(table_id="t", page_start=77, flavor="lattice", rows=rows, row_pages=[77] * len(rows))
    facts = indicator_rows(table, classify(rows), "id")
    assert sorted((f.indicator_name, f.fiscal_year, f.target_value, f.realization_value, f.achievement_pct_reported)
                  for f in facts) == [
        ("Persentase Desa Siaga Aktif", 2015, None, None, 115.5),
        ("Persentase Desa Siaga Aktif", 2016, 66.7, 94.9, 149.63),
        ("Persentase Rumah Tangga yang berprilaku Hidup Bersih dan Sehat (PHBS)", 2015, None, None, 139.0),
        ("Persentase Rumah Tangga yang berprilaku Hidup Bersih dan Sehat (PHBS)", 2016, 55.0, 56.03, 101.87)]


def test_an_achievement_table_whose_name_column_is_not_called_indikator():
    # provsu_2021_lakip p. 60, Tabel 3.15 Indeks Kualitas Lingkungan Hidup: target, realisasi and capaian of
    # performance name the table; the names stand under 'Parameter'.
    rows = [["Parameter", "Target", "Realisasi\nKinerja\n(poin)", "Capaian\nKinerja\n(%)"],
            ["Indeks Kualitas Air (IKA)", "53,71", "53,27", "102,82"],
            ["Indeks  Kualitas  Udara\n(IKU)", "87,09", "89,55", "100,02"],
            ["Indeks\nKualitas\nLingkungan\nHidup\n(IKLH)", "69,02", "71,15", "103,09"]]
    layout = classify(rows, "Tabel 3.15 Indeks Kualitas Lingkungan Hidup")
    assert layout.family == INDICATOR
    table = RawTable(table_id="t", page_start=60, flavor="lattice", rows=rows, row_pages=[60] * len(rows))
    assert [(f.indicator_name, f.target_value, f.realization_value, f.achievement_pct_reported)
            for f in indicator_rows(table, layout, "id")] == [
        ("Indeks Kualitas Air (IKA)", 53.71, 53.27, 102.82), ("Indeks Kualitas Udara (IKU)", 87.09, 89.55, 100.02),
        ("Indeks Kualitas Lingkungan Hidup (IKLH)", 69.02, 71.15, 103.09)]
    money = [["Uraian", "Target", "Realisasi", "%"],
             ["Belanja Langsung", "1.871.557.000", "1.782.123.052", "95,22"],
             ["Belanja Pegawai", "12.500.000", "12.000.000", "96,00"],
             ["Belanja Modal", "5.000.000", "4.775.000", "95,50"]]
    assert classify(money).family != INDICATOR  # rupiah under the same words: no achievement table
