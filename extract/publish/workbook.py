"""Excel workbooks of the fact marts for analysts (Bappeda, Inspektorat): one per province and one for all.

Each workbook: a first sheet "Baca saya" (what every column means: the dbt descriptions, read from the
warehouse's comments, extract.publish.dictionary), then one sheet per fact and one of the data-quality
issues. Headers are Indonesian (terms of docs/GLOSSARY.md), frozen, with an autofilter; every row links
to the report page it was read from (the portal URL with `#page=N`, else the local copy of the PDF).

Number formats: an .xlsx stores format codes in one invariant notation (`#,##0.00`: comma = grouping,
point = decimals) and Excel / LibreOffice show them with the reader's locale separators, so in an
Indonesian locale `#,##0` shows 1.871.557.000 and `#,##0.00` shows 95,22. A code written as `#.##0`
would mean "three decimals" to every spreadsheet program.
"""
from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from extract.fsutil import atomic_write
from extract.publish.dictionary import read_comments

HEADERS = {  # column -> Indonesian header
    "region_code": "Kode wilayah", "region_name": "Wilayah", "agency_name": "Perangkat daerah",
    "fiscal_year": "Tahun anggaran", "report_fiscal_year": "Tahun laporan", "level": "Tingkat",
    "goal_name": "Sasaran / tujuan", "indicator_name": "Indikator", "unit": "Satuan",
    "target_value": "Target", "realization_value": "Realisasi",
    "achievement_pct_reported": "Capaian tercetak (%)", "achievement_pct_computed": "Capaian dihitung (%)",
    "category_reported": "Kategori", "line_number": "Kode / nomor", "line_name": "Uraian",
    "budget_idr": "Anggaran (Rp)", "realization_idr": "Realisasi anggaran (Rp)",
    "absorption_pct_reported": "Penyerapan tercetak (%)", "absorption_pct_computed": "Penyerapan dihitung (%)",
    "plan_kind": "Jenis rencana", "baseline_year": "Tahun kondisi awal", "baseline_value": "Kondisi awal",
    "target_year": "Tahun target", "is_end_target": "Target akhir", "check_name": "Pemeriksaan",
    "severity": "Tingkat", "expected_value": "Nilai seharusnya", "found_value": "Nilai tercetak",
    "detail": "Keterangan", "source_page": "Halaman", "document_id": "Dokumen (sha256)",
}
SOURCE_HEADER = "Sumber (laporan)"
SHEETS = [  # (sheet title, mart, columns); region_name comes from dim_region
    ("Indikator kinerja", "fct_performance_indicator",
     ["region_code", "region_name", "agency_name", "fiscal_year", "level", "goal_name", "indicator_name", "unit",
      "target_value", "realization_value", "achievement_pct_reported", "achievement_pct_computed",
      "category_reported", "source_page", "document_id"]),
    ("Realisasi anggaran", "fct_budget_realization",
     ["region_code", "region_name", "agency_name", "fiscal_year", "level", "line_number", "line_name", "budget_idr",
      "realization_idr", "absorption_pct_reported", "absorption_pct_computed", "source_page", "document_id"]),
    ("Alokasi anggaran", "fct_budget_allocation",
     ["region_code", "region_name", "agency_name", "fiscal_year", "level", "line_number", "line_name", "budget_idr",
      "source_page", "document_id"]),
    ("Target rencana", "fct_plan_target",
     ["region_code", "region_name", "agency_name", "report_fiscal_year", "plan_kind", "level", "goal_name",
      "indicator_name", "unit", "baseline_year", "baseline_value", "target_year", "target_value", "is_end_target",
      "source_page", "document_id"]),
    ("Masalah kualitas data", "mart_data_quality_issues",
     ["region_code", "region_name", "fiscal_year", "check_name", "severity", "expected_value", "found_value",
      "detail", "source_page", "document_id"]),
]
README_SHEET = "Baca saya"
ALL_PROVINCES = "semua"
WHOLE_NUMBER, DECIMAL, PLAIN_INTEGER = "#,##0", "#,##0.00", "0"


def number_format(column: str) -> str | None:
    """Rupiah in whole numbers, other measures with two decimals, years and pages without grouping."""
    if column.endswith("_idr"):
        return WHOLE_NUMBER
    if column.endswith(("_pct_reported", "_pct_computed", "_value")):
        return DECIMAL
    if column.endswith(("_year", "_page")):
        return PLAIN_INTEGER
    return None


def write_workbooks(con, out_dir: Path, schema: str = "marts", province: str | None = None,
                    year: int | None = None, pdf_dir: Path | None = None) -> list[Path]:
    """One workbook for all provinces (unless `province` is given) and one per province with facts.

    `con` is a read-only connection to the warehouse; `pdf_dir` holds the local copies `<document_id>.pdf`
    linked when a document has no web address."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    descriptions = read_comments(con, schema)
    provinces = con.execute(
        f"SELECT DISTINCT r.province_code, r.province_name FROM {schema}.fct_performance_indicator f "
        f"JOIN {schema}.dim_region r USING (region_code) UNION SELECT DISTINCT r.province_code, r.province_name "
        f"FROM {schema}.fct_budget_realization b JOIN {schema}.dim_region r USING (region_code) ORDER BY 1").fetchall()
    wanted = [(code, name) for code, name in provinces if province in (None, code)] or \
        ([(province, province)] if province else [])
    targets = ([] if province else [(None, ALL_PROVINCES)]) + wanted
    written = []
    for code, name in targets:
        path = out_dir / workbook_name(code, name, year)
        book = build_workbook(con, schema, descriptions, code, year, pdf_dir)
        atomic_write(path, _to_bytes(book))
        path.chmod(0o644)  # served read-only next to the Parquet files
        written.append(path)
    return written


def export_workbooks(warehouse: Path, out_dir: Path, province: str | None = None, year: int | None = None,
                     pdf_dir: Path | None = None) -> list[Path]:
    """`lkjip export --format xlsx`: the workbooks of the published warehouse, opened read-only."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return write_workbooks(con, out_dir, province=province, year=year, pdf_dir=pdf_dir)


def workbook_name(province_code: str | None, province_name: str, year: int | None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", province_name.lower()).strip("-")
    stem = f"lkjip_{province_code}_{slug}" if province_code else f"lkjip_{slug}"
    return f"{stem}_{year}.xlsx" if year else f"{stem}.xlsx"


def build_workbook(con, schema: str, descriptions: dict, province: str | None, year: int | None,
                   pdf_dir: Path | None) -> Workbook:
    book = Workbook()
    _readme_sheet(book.active, descriptions)
    for title, mart, columns in SHEETS:
        header, rows = _rows(con, schema, mart, columns, province, year)
        _fact_sheet(book.create_sheet(title), header, rows, pdf_dir)
    return book


def _rows(con, schema: str, mart: str, columns: list[str], province: str | None, year: int | None):
    year_column = "report_fiscal_year" if "report_fiscal_year" in columns else "fiscal_year"
    select = ", ".join("r.region_name" if c == "region_name" else f"f.{c}" for c in columns)
    sql = (f"SELECT {select}, d.source_url FROM {schema}.{mart} f "
           f"LEFT JOIN {schema}.dim_region r USING (region_code) "
           f"LEFT JOIN {schema}.dim_document d USING (document_id) "
           f"WHERE (? IS NULL OR r.province_code = ?) AND (? IS NULL OR f.{year_column} = ?) ORDER BY ALL")
    return columns, con.execute(sql, [province, province, year, year]).fetchall()


def source_link(source_url: str | None, document_id: str, page: int | None, pdf_dir: Path | None) -> str | None:
    """The report page: the portal URL with #page=N, else the local copy of the PDF."""
    if source_url and source_url.startswith(("http://", "https://")):
        base = source_url.split("#", 1)[0]
    elif pdf_dir is not None and (Path(pdf_dir) / f"{document_id}.pdf").exists():
        base = (Path(pdf_dir) / f"{document_id}.pdf").absolute().as_uri()
    else:
        return None
    return f"{base}#page={page}" if page else base


def _fact_sheet(sheet, columns: list[str], rows: list[tuple], pdf_dir: Path | None) -> None:
    sheet.append([HEADERS[c] for c in columns] + [SOURCE_HEADER])
    formats = [number_format(c) for c in columns]
    page_at, document_at = columns.index("source_page"), columns.index("document_id")
    for row in rows:
        values, source_url = [_cell_value(v) for v in row[:-1]], row[-1]
        sheet.append(values + [None])
        excel_row = sheet.max_row
        for index, value in enumerate(values):
            cell = sheet.cell(excel_row, index + 1)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text from a report, never a formula
            elif formats[index] and value is not None:
                cell.number_format = formats[index]
        link = source_link(source_url, values[document_at], values[page_at], pdf_dir)
        if link:
            cell = sheet.cell(excel_row, len(columns) + 1, f"hal. {values[page_at]}" if values[page_at] else "PDF")
            cell.hyperlink, cell.style = link, "Hyperlink"
    _finish_table(sheet, [HEADERS[c] for c in columns] + [SOURCE_HEADER])


def _cell_value(value):
    """Text without the control characters a PDF's text layer can carry (an .xlsx cannot hold them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _readme_sheet(sheet, descriptions: dict) -> None:
    sheet.title = README_SHEET
    sheet.append(["Data kinerja instansi pemerintah (LKjIP) dari lkjip-warehouse. Setiap lembar adalah satu "
                  "tabel; kolom 'Sumber (laporan)' membuka halaman laporan tempat nilai itu dibaca."])
    sheet.append([])
    header = ["Lembar", "Kolom", "Nama kolom (warehouse)", "Penjelasan"]
    sheet.append(header)
    for title, mart, columns in SHEETS:
        doc = descriptions.get(mart, {"description": "", "columns": {}})
        sheet.append([title, "", f"marts.{mart}", doc["description"]])
        for column in columns:
            table = "dim_region" if column == "region_name" else mart
            text = descriptions.get(table, {"columns": {}})["columns"].get(column, "")
            sheet.append([title, HEADERS[column], column, text])
        sheet.append([title, SOURCE_HEADER, "", "Tautan ke halaman laporan (alamat portal dengan #page=N, "
                      "atau salinan PDF lokal)."])
    _finish_table(sheet, header, header_row=3)
    sheet.column_dimensions["D"].width = 100


def _finish_table(sheet, header: list[str], header_row: int = 1) -> None:
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    last = get_column_letter(len(header))
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(sheet.max_row, header_row)}"
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(title) + 2, 12), 40)


def _to_bytes(book: Workbook) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
