"""The scorecard's two languages: Indonesian (the default, `page.html`) and English (`page.en.html`).

Every label the pages print is in `TEXT`; the templates read it as `t.<key>`. Dates print day, month name,
year in both languages (`30 November 2026`); numbers follow charts.fmt_number (`1.871.557.000`, `95,22`).
"""
from __future__ import annotations

from datetime import datetime

LANGS = ("id", "en")
DEFAULT_LANG = "id"

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}

TEXT = {
    "id": {
        "title": "Kartu skor provinsi LKjIP",
        "intro": "Capaian kinerja dan penyerapan anggaran dari LKjIP kabupaten dan kota. Setiap angka tertaut ke "
                 "halaman laporan tempat angka itu dicetak; arahkan kursor ke angka untuk melihat sel aslinya.",
        "nav_scorecard": "Kartu skor", "nav_indicators": "Perbandingan indikator", "nav_validation": "Validasi data",
        "nav_glossary": "Glosarium", "nav_changes": "Perubahan", "switch_label": "English",
        "glossary_title": "Glosarium: istilah LKjIP",
        "province": "Provinsi", "year": "Tahun", "sector": "Urusan", "search": "Cari",
        "search_hint": "wilayah, perangkat daerah, indikator", "all": "semua",
        "count_template": "{shown} dari {total} kartu skor provinsi-tahun ditampilkan",
        "download_csv": "Unduh CSV (baris yang tampil)",
        "achievement_title": "Capaian kinerja per kabupaten/kota dan perangkat daerah",
        "achievement_note": "Batang: rata-rata capaian indikator sasaran tiap kabupaten/kota dan perangkat daerah "
                            "(capaian tercetak, jika tidak ada realisasi / target × 100); garis menandai 100 % "
                            "(target tercapai).",
        "achievement_chart": "Rata-rata capaian per kabupaten/kota dan perangkat daerah",
        "budget_title": "Penyerapan anggaran per program", "budget_chart": "Penyerapan anggaran per program",
        "legend": "Warna", "target_line": "garis = 100 % (target)",
        "region": "wilayah", "agency": "perangkat daerah", "level": "tingkat", "indicator": "indikator",
        "unit": "satuan", "target": "target", "realization": "realisasi", "achievement": "capaian %",
        "grade_standard": "kategori (skala standar)", "grade_reported": "kategori (tercetak)",
        "program_printed": "program (tercetak)", "program_national": "program nasional",
        "budget_idr": "anggaran (Rp)", "realization_idr": "realisasi (Rp)", "absorption": "penyerapan %",
        "issues_title": "Masalah kualitas data (dalam laporan itu sendiri, tidak dikoreksi)",
        "issues_none": "Tidak ditemukan dalam laporan ini.", "issues_empty_title": "Masalah kualitas data",
        "check": "pemeriksaan", "severity": "tingkat", "expected": "seharusnya", "found": "tercetak",
        "detail": "keterangan", "expected_note": "seharusnya (dihitung dari baris rincian)",
        "trends_title": "tren", "trends_subtitle": "Tren (indikator yang dicetak untuk beberapa tahun)",
        "by_year": "realisasi per tahun", "trend": "tren",
        "documents_title": "Dokumen sumber", "local_copy": "salinan lokal", "portal": "portal asal",
        "fetched": "diunduh", "generated": "Dibuat", "sector_source": "Urusan",
        "printed": "tercetak", "on_page": "di halaman", "of_document": "dokumen",
        "computed_achievement": "(dihitung: realisasi / target × 100)", "computed": "(dihitung)",
        "provenance_printed": "Tercetak di laporan", "provenance_page": "halaman",
        "iv_title": "Perbandingan indikator standar",
        "iv_intro": "Pilih indikator standar: semua kabupaten/kota satu provinsi berdampingan, per tahun. "
                    "Setiap nilai tertaut ke halaman laporannya.",
        "iv_indicator": "Indikator", "rank": "peringkat", "polarity": "arah", "change": "perubahan dari tahun lalu",
        "match": "kecocokan nama", "no_value": "–",
        "validation_title": "Hasil validasi data (Great Expectations)",
        "validation_intro": "Satu baris per ekspektasi yang diperiksa pada build terakhir. Kegagalan tingkat "
                            "'error' menghentikan publikasi; 'warn' hanya dicatat.",
        "validation_summary": "{total} ekspektasi, {failed} gagal", "result": "Hasil",
        "passed": "lolos", "failed": "gagal", "suite": "suite", "expectation": "ekspektasi", "column": "kolom",
        "arguments": "argumen", "observed": "teramati", "validated_at": "divalidasi",
        "validation_empty": "Belum ada hasil validasi di gudang data ini.",
    },
    "en": {
        "title": "LKjIP province scorecard",
        "intro": "Performance (capaian) and budget absorption from the regencies' and cities' LKjIP reports. Every "
                 "number links to the report page it was printed on; hover a number to see the cell as printed.",
        "nav_scorecard": "Scorecard", "nav_indicators": "Indicator comparison", "nav_validation": "Data validation",
        "nav_glossary": "Glossary", "nav_changes": "Changes", "switch_label": "Bahasa Indonesia",
        "glossary_title": "Glossary: LKjIP terms",
        "province": "Province", "year": "Year", "sector": "Sector (urusan)", "search": "Search",
        "search_hint": "region, agency, indicator", "all": "all",
        "count_template": "{shown} of {total} province-year scorecards shown",
        "download_csv": "Download CSV (rows shown)",
        "achievement_title": "Achievement (capaian) by regency and agency",
        "achievement_note": "Bars: mean capaian of the sasaran indicators of each regency and agency (printed "
                            "capaian, else realisasi / target × 100); the line marks 100 % (on target).",
        "achievement_chart": "Mean achievement by regency and agency",
        "budget_title": "Budget absorption by program", "budget_chart": "Budget absorption by program",
        "legend": "Colours", "target_line": "line = 100 % (target)",
        "region": "region", "agency": "agency", "level": "level", "indicator": "indicator",
        "unit": "unit", "target": "target", "realization": "realisasi", "achievement": "capaian %",
        "grade_standard": "grade (standard scale)", "grade_reported": "grade (as printed)",
        "program_printed": "program (as printed)", "program_national": "national program",
        "budget_idr": "anggaran (Rp)", "realization_idr": "realisasi (Rp)", "absorption": "absorption %",
        "issues_title": "Data-quality issues (in the reports themselves, not corrected)",
        "issues_none": "None found in these reports.", "issues_empty_title": "Data-quality issues",
        "check": "check", "severity": "severity", "expected": "expected", "found": "found",
        "detail": "detail", "expected_note": "expected (computed from the lines)",
        "trends_title": "trends", "trends_subtitle": "Trends (indicators printed for several years)",
        "by_year": "realisasi by year", "trend": "trend",
        "documents_title": "Source documents", "local_copy": "local copy", "portal": "portal",
        "fetched": "fetched", "generated": "Generated", "sector_source": "Sector",
        "printed": "printed", "on_page": "on page", "of_document": "of document",
        "computed_achievement": "(computed: realisasi / target × 100)", "computed": "(computed)",
        "provenance_printed": "Printed in the report", "provenance_page": "page",
        "iv_title": "Standard indicator comparison",
        "iv_intro": "Pick a standard indicator: every regency and city of a province side by side, over the years. "
                    "Each value links to its report page.",
        "iv_indicator": "Indicator", "rank": "rank", "polarity": "polarity", "change": "change from previous year",
        "match": "name match", "no_value": "–",
        "validation_title": "Data validation results (Great Expectations)",
        "validation_intro": "One row per expectation checked on the last build. An 'error' failure blocks "
                            "publishing; a 'warn' failure is recorded only.",
        "validation_summary": "{total} expectations, {failed} failed", "result": "Result",
        "passed": "passed", "failed": "failed", "suite": "suite", "expectation": "expectation", "column": "column",
        "arguments": "arguments", "observed": "observed", "validated_at": "validated",
        "validation_empty": "No validation results in this warehouse yet.",
    },
}


def page_name(page: str, lang: str) -> str:
    """'index', 'id' -> 'index.html'; 'index', 'en' -> 'index.en.html' (one folder, same relative links)."""
    return f"{page}.html" if lang == DEFAULT_LANG else f"{page}.{lang}.html"


def fmt_date(value, lang: str, with_time: bool = False) -> str:
    """2026-11-30T11:34:52 -> '30 November 2026' (with_time: '30 November 2026 11.34' / '11:34'); None -> ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    text = f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"
    if with_time and isinstance(value, datetime):
        text += f" {value:%H.%M}" if lang == "id" else f" {value:%H:%M}"
    return text
