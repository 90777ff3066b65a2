"""Indicator catalog matching and agency resolution, on names as printed in the seed reports and corpus pages
(bench/truth/indicator_names.csv labels them)."""
from __future__ import annotations

import pytest

from bench.matching import evaluate, read_truth
from extract.warehouse import indicator_match as im
from extract.warehouse.agency_match import resolve


def test_benchmark_floor_on_the_labelled_names():
    overall, per_file, _ = evaluate(read_truth())
    assert overall.labelled >= 90 and overall.matched >= 85
    assert overall.precision >= 0.95
    assert overall.recall >= 0.85


@pytest.mark.parametrize("printed, code, method", [
    ("Tingkat Partisipasi angkatan Kerja", "MACRO-TPAK", "exact_name"),         # Jepara Tabel 3.3, odd case
    ("1. Terkendalinya inflasi Jawa Barat", "MACRO-INFLASI", "variant"),        # Jabar PK: numbering, province
    ("Indeks Pembangunan Gender (IPG)*", "MACRO-IPG", "exact_name"),            # Jabar BP3AKB p.56: footnote mark
    ("Indeks Pemberdayaan Gender (IPG)", "MACRO-IDG", "exact_name"),            # p.2: the full name wins
    ("IPM", "MACRO-IPM", "abbreviation"),                                      # Provsu Tabel 2.2
    ("Total Fertiiity Rate (TFR)", "MACRO-TFR", "variant"),                    # Provsu p.16: typo corrected
    ("Nilai SKM PD", "GOV-IKM", "variant"),                                     # Jepara Tabel 2.1: agency suffix
    ("Indek RB", "GOV-IRB", "variant"),                                         # Jombang Renstra p.40 typo
    ("Privalensi Gizi Buruk", "SEC-KES-GIZI-BURUK", "variant"),                 # Jabar Dinkes p.108 typo
    ("Persentase penduduk kota tangerang selatan yang memiliki jaminan kesehatan", "SEC-KES-UHC", "exact_name"),
    ("Rata – rata skor survey Indeks Kepuasan Masyarakat ( IKM )", "GOV-IKM", "abbreviation"),
])
def test_labelled_matches(printed, code, method):
    m = im.match(printed)
    assert (m.indicator_code, m.method) == (code, method)
    assert im.THRESHOLD <= m.score <= 1


@pytest.mark.parametrize("printed, code", [
    ("TPT (%)", "MACRO-TPT"),
    ("Persentase tingkat pengangguran terbuka", "MACRO-TPT"),
    ("Angka pengangguran", "MACRO-TPT"),
    ("Indeks Pembangunan Gender / IPG (poin)*", "MACRO-IPG"),
])
def test_the_issues_examples(printed, code):
    # issue 15: "the same quantity is printed as ..."
    assert im.match(printed).indicator_code == code


@pytest.mark.parametrize("printed", [
    "jumlah ibu hamil yang mendapatkan pelayanan kesehatan",   # Tangsel p.7: a count, not the SPM share
    "Persentase OPD dengan nilai SAKIP minimal A",              # Jombang PK scan: a share of OPDs, not a grade
    "Peningkatan Jumlah unit usaha IKM",                        # Jabar Disperindag: IKM = industri kecil menengah
    "Persentase penduduk yang memiliki akses terhadap air minum yang berkualitas",  # not BPS 'layak'
])
def test_labelled_none_stay_unmatched(printed):
    m = im.match(printed)
    assert m.indicator_code is None and m.method is None
    assert len(m.candidates) == 3 and m.candidates[0].score == m.score < im.THRESHOLD


def test_printed_unit_is_evidence():
    # Ambon Diskominfo p.20 prints 'Keterbukaan Informasi Publik' with satuan (%): a share, not the KIP index
    assert im.match("Keterbukaan Informasi Publik").indicator_code == "GOV-IKIP"
    assert im.match("Keterbukaan Informasi Publik", unit="%").indicator_code is None
    # ... but a name that says what it measures wins over the unit label: Jabar BP3AKB p.20 prints IPG in 'persen'
    assert im.match("Indeks Pembangunan Gender (IPG)", unit="persen").indicator_code == "MACRO-IPG"
    # Tangsel p.8 prints counts of the SPM population: never the SPM share
    assert im.match("Jumlah penderita Hipertensi mendapatkan pelayanan kesehatan sesuai standar",
                    unit="orang").indicator_code is None


def test_agency_urusan_is_evidence():
    plain = im.match("Resiko Elektrifikasi")
    with_urusan = im.match("Resiko Elektrifikasi", urusan={"3.29"})     # energi dan sumber daya mineral
    assert with_urusan.candidates[0].code == plain.candidates[0].code == "MACRO-ELEKTRIFIKASI"
    assert with_urusan.score == pytest.approx(plain.score + im.URUSAN_BONUS, abs=1e-3)


def test_normalised_names_ignore_print_marks():
    n = im.normalize
    assert n("Tersedianya Layanan Teknologi ManajemenInformasi").text == \
        n("Tersedianya Layanan Teknologi Manajemen Informasi").text            # Ambon p.23 / p.20
    assert n("2.1 Persentase koperasi berkualitas").text == n("Persentase koperasi berkualitas").text
    assert n("Angka_keberhasilan Pengobatan_TB").text == n("Angka keberhasilan Pengobatan TB").text
    ipg = n("Indeks Pembangunan Gender (IPG)*")
    assert ipg.text == "indeks pembangunan gender" and ipg.abbreviations == ("IPG",) and ipg.head == "score"
    assert n("Tingkat kemantapan jalan (PMDN 18/2020)").text == "tingkat kemantapan jalan"
    assert im.series_key("Persentase Perusahaan Dgn Tata Kelola Yg Layak") == \
        im.series_key("Persentase Perusahaan Dengan Tata Kelola Yang Layak")    # Jambi Tabel 3.9 / 2.4


def test_agency_names_resolve_to_one_agency():
    # the cover of Jepara's report as read from three renderings of the seed
    jepara = {resolve(name).agency_key for name in (
        "Dinas Koperasi UKM Tenaga Kerja dan Transmigrasi",
        "Dinas Koperasi, UKM Tenaga Kerja dan Transmigrasi",
        "Dinas Koperasi, Usaha Kecil Menengah, Tenaga Kerja dan Transmigrasi")}
    assert len(jepara) == 1
    r = resolve("Dinas Tenaga Kerja, Koperasi dan UKM")                      # Kota Jambi
    assert (r.agency_type, r.bidang_urusan_code) == ("dinas", "2.07|2.17")
    assert resolve("Dinas Tenaga Kerja Koperasi dan UKM").agency_key == r.agency_key


def test_agency_types_abbreviations_renamings_and_pemda():
    assert resolve("Inspektorat").agency_type == "inspektorat"               # Jombang, Provsu covers
    diskominfo = resolve("Diskominfo")
    assert diskominfo.match_method == "abbreviation"
    assert diskominfo.agency_key == resolve("Dinas Komunikasi dan Informatika").agency_key
    old, new = resolve("BP3AKB"), resolve("Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana")
    assert old.agency_key == new.agency_key and old.match_method.endswith("+renaming")
    assert resolve(None).agency_type == "pemda"
    a, b = resolve("Kecamatan Mlonggo"), resolve("Kecamatan Bangsri")           # several per region
    assert a.agency_type == b.agency_type == "kecamatan" and a.agency_key != b.agency_key
    assert resolve("Lembaga Tak Dikenal").agency_type == "other"
