"""Names as printed -> clean names (extract/parse/names.py), on names printed in the corpus and seeds."""
from __future__ import annotations

import pytest

from extract import reference
from extract.parse.names import clean_name, is_standard_name, sub_item_name
from extract.parse.records import BudgetLine, IndicatorRow
from extract.parse.rows import numbering_first
from extract.text import clean_cell


@pytest.mark.parametrize("printed, clean", [
    # numbering: jabar-disperindag p. 29-30, jabar-dinkes p. 110, grobogan 2021 p. 49, provsu 2022 codes
    ("1. Pertumbuhan Industri Manufaktur pada PDRB Jawa Barat", "Pertumbuhan Industri Manufaktur pada PDRB Jawa Barat"),
    ("3 Prevalensi gizi buruk", "Prevalensi gizi buruk"),
    ("a.  Kegiatan Perencanaan, Penggaran, dan Evaluasi", "Kegiatan Perencanaan, Penggaran, dan Evaluasi"),
    ("1.2 Persentase penempatan tenaga kerja", "Persentase penempatan tenaga kerja"),
    ("5 . 2 . 15 Program Peningkatan Kapasitas", "Program Peningkatan Kapasitas"),
    ("IV. PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"),
    ("1- Program Penyelenggaraan Jalan", "Program Penyelenggaraan Jalan"),
    ("b) Administrasi Keuangan", "Administrasi Keuangan"),
    # bullets: grobogan 2021 p. 49 ("•"), sub-items ("- Administrasi", Jombang Renstra Tabel 2.7)
    ("•  Tercukupinya Jumlah laporan keuangan SKPD", "Tercukupinya Jumlah laporan keuangan SKPD"),
    ("- Administrasi", "Administrasi"),
    # footnote marks: jabar-bp3akb p. 56 ("(IDG)*"), superscripts and carets
    ("Indeks Pemberdayaan Gender (IDG)*", "Indeks Pemberdayaan Gender (IDG)"),
    ("Prosentase Peserta KB Aktif terhadap Pasangan Usia Subur*", "Prosentase Peserta KB Aktif terhadap "
                                                                  "Pasangan Usia Subur"),
    ("Nilai SAKIP²", "Nilai SAKIP"),
    ("Indeks Kepuasan Masyarakat^1", "Indeks Kepuasan Masyarakat"),
    # split drop capitals: jabar-dinkes p. 62 and 65
    ("P ersentase penduduk yang menggunakan jamban sehat", "Persentase penduduk yang menggunakan jamban sehat"),
    ("R atio kematian bayi", "Ratio kematian bayi"),
    # letter spacing, underscores of a text layer (jabar-dinkes p. 34 "Angka_keberhasilan")
    ("J U M L A H", "JUMLAH"),
    ("J U M L A H  T O T A L", "JUMLAH TOTAL"),
    ("Angka_keberhasilan Pengobatan_TB", "Angka keberhasilan Pengobatan TB"),
    # left alone: numbers that are part of the name, a word after a single letter that is a stop word
    ("1.000 Desa Mandiri", "1.000 Desa Mandiri"),
    ("3-5 tahun", "3-5 tahun"),
    ("100% Puskesmas melaksanakan pelayanan kesehatan jiwa", "100% Puskesmas melaksanakan pelayanan kesehatan jiwa"),
    ("Persentase Tindak Lanjut Selesai", "Persentase Tindak Lanjut Selesai"),
])
def test_clean_name(printed, clean):
    assert clean_name(printed) == clean


def test_sub_item_is_named_after_its_parent():
    assert sub_item_name("Jumlah produksi :", "- Daging") == "Jumlah produksi - Daging"
    assert sub_item_name("Persentase tindak lanjut selesai :", "-    Keuangan") == \
        "Persentase tindak lanjut selesai - Keuangan"


def test_records_keep_the_printed_name():
    # every parser builds its records with the printed name: the record cleans it and keeps the print
    row = IndicatorRow("t", 1, 56, "sasaran", None, "Indeks Pemberdayaan Gender (IDG)*", None, 2016,
                       "73 poin", 73.0, "69.02poin", 69.02, "99.36", 99.36, None)
    assert (row.indicator_name, row.indicator_name_raw) == \
        ("Indeks Pemberdayaan Gender (IDG)", "Indeks Pemberdayaan Gender (IDG)*")
    line = BudgetLine("t", 1, 29, None, "", "", "IV. PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "", None, "", None,
                      "", None, 2021)
    assert (line.line_name, line.line_name_raw) == \
        ("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA", "IV. PROGRAM PENGELOLAAN APLIKASI INFORMATIKA")


@pytest.mark.parametrize("cell, clean", [
    # jabar-dinkes 2016 p. 80 (ruled, "Perbandingan Realisasi indikator kinerja"): the text layer puts the
    # letter numbering "a)" / "b)" / "d)" of the column left of the name after the name's first line
    ("Persentase Kab/Kota mempunyai \na) \ncakupan PHBS Rumah tangga \nmencapai 50%",
     "Persentase Kab/Kota mempunyai cakupan PHBS Rumah tangga mencapai 50%"),
    ("Persentase penduduk yang \nb) \nmenggunakan jamban sehat", "Persentase penduduk yang menggunakan jamban sehat"),
    ("Persentase Kab/Kota dengan \nd) \n100% Puskesmas melaksanakan  \npelayanan kesehatan jiwa",
     "Persentase Kab/Kota dengan 100% Puskesmas melaksanakan pelayanan kesehatan jiwa"),
    # ... or after a name of one line (p. 80: "Persentase Desa Siaga Aktif", "Ratio kematian ibu")
    ("Persentase Desa Siaga Aktif \nb)", "Persentase Desa Siaga Aktif"),
    ("Ratio kematian ibu \na)", "Ratio kematian ibu"),
])
def test_letter_numbering_read_between_a_names_lines_leads_it_and_is_dropped(cell, clean):
    first = numbering_first(cell)
    assert first.split()[0] in ("a)", "b)", "d)")
    assert clean_name(clean_cell(first)) == clean


def test_a_standard_name_is_known_as_printed():
    # the nomenclature (dbt_project/seeds/ref_nomenclature.csv) spells "Pemberdayaan dan Perlindungan Koperasi yang
    # Keanggotaannya dalam Daerah Kabupaten/Kota", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan
    # Daerah"; the seed reports print them with a level word, in capitals, with "Pemerintah" (Jepara and Jambi
    # Tabel 3.17 / 3.8)
    assert is_standard_name("Kegiatan Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah "
                            "Kabupaten/Kota")
    assert is_standard_name("8. PEMELIHARAAN BARANG MILIK DAERAH PENUNJANG URUSAN PEMERINTAH DAERAH")
    assert not is_standard_name("PEMELIHARAAN BARANG DAERAH URUSAN PEMERINTAH DAERAH MILIK PENUNJANG")
    assert is_standard_name("PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", start=True)
    assert not is_standard_name("PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")


def test_nomenclature_names_are_read_once_for_names_and_words():
    # the seed's first rows (dbt_project/seeds/ref_nomenclature.csv) print these names; names.py and the
    # word list of text.py both read them from reference.nomenclature_names()
    names = reference.nomenclature_names()
    assert "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" in names
    assert "Penyusunan Dokumen Perencanaan Perangkat Daerah" in names
    assert all(names) and reference.nomenclature_names() is names
    assert {"penunjang", "perencanaan", "penyusunan"} <= reference.nomenclature_words()
    assert is_standard_name("Penyusunan Dokumen Perencanaan Perangkat Daerah")
