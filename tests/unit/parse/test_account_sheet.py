"""Account-coded budget sheets (Penjabaran LRA, Permendagri 13/2006 kode rekening).

Unit tests use rows shaped like camelot's network output of the Wonosobo sheet; the corpus tests
extract ../shared/corpus/wonosobo-diskominfo_2017_penjabaran-lra.pdf and assert values printed in it.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from extract.model import RawTable
from extract.parse import account_sheet as sheet
from extract.parse.families import BUDGET
from tests.paths import REPO

WONOSOBO = "wonosobo-diskominfo_2017_penjabaran-lra.pdf"

# The top of the Wonosobo sheet as the network flavor reads it: title block, a corner note,
# a header over five rows, column numbers, then coded rows (amounts of two columns stacked in one cell).
PREAMBLE = [
    ["", "", "", "", "", "Nomor", ""],
    ["", "", "", "PENJABARAN LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA DAERAH", "", "", ""],
    ["", "", "", "TAHUN ANGGARAN 2017", "", "", ""],
    ["KODE", "", "", "JUMLAH (Rp)", "", "BERTAMBAH / (BERKURANG)", ""],
    ["", "", "URAIAN", "", "", "", "PENJELASAN"],
    ["REKENING", "", "", "", "", "", ""],
    ["", "", "", "ANGGARAN SETELAH", "REALISASI", "(Rp)\n(%)", ""],
    ["", "", "", "PERUBAHAN", "", "", ""],
    ["1", "", "2", "3", "4", "5\n6", "7"],
]
BODY = [
    ["4", "", "PENDAPATAN", "22.000.000,00", "24.225.000,00", "2.225.000,00\n110,11", ""],
    ["5", "", "BELANJA", "5.623.321.866,00", "4.854.464.229,00", "-768.857.637,00\n86,33", ""],
    ["5 . 1", "", "BELANJA TIDAK LANGSUNG", "2.301.217.576,00", "1.690.733.525,00", "-610.484.051,00\n73,47", ""],
    ["5 . 1 . 00 . 00 . 1", "", "Belanja Pegawai", "2.301.217.576,00", "1.690.733.525,00",
     "-610.484.051,00\n73,47", ""],
    # from page 2 on the columns differ: code | uraian | anggaran | realisasi | Rp | % | penjelasan
    ["5 . 2", "BELANJA LANGSUNG", "3.322.104.290,00", "3.163.730.704,00", "-158.373.586,00", "95,23", ""],
    ["5 . 2 . 01", "Program Pelayanan Administrasi Perkantoran", "418.863.375,00", "397.525.953,00",
     "-21.337.422,00", "94,91", ""],
    ["5 . 2 . 01 . 02", "Penyediaan jasa komunikasi, sumber daya air dan", "49.515.000,00", "35.550.830,00",
     "-13.964.170,00", "71,80", ""],
    ["", "l\ni\nstrik", "", "", "", "", ""],
    ["5 . 2 . 01 . 02 . 2", "Belanja Barang dan Jasa", "49.515.000,00", "35.550.830,00", "-13.964.170,00",
     "71,80", ""],
    ["5 . 2 . 01 . 15", "Penyediaan bahan bacaan dan peraturan perundang-", "9.004.000,00", "9.004.000,00",
     "0,00", "100,00", ""],
    # next page: the clipped text of the cut row printed again above its last line
    ["", "Penyediaan bahan bacaan dan peraturan perundang-", "", "", "", "", ""],
    ["", "undangan", "", "", "", "", ""],
    ["5 . 2 . 01 . 15 . 2", "Belanja Barang dan Jasa", "9.004.000,00", "9.004.000,00", "0,00", "100,00", ""],
    ["", "SURPLUS / (DEFISIT)", "-5.601.321.866,00", "-4.830.239.229,00", "771.082.637,00", "86,23", ""],
]


def table_of(rows: list[list[str]], pages: list[int] | None = None) -> RawTable:
    return RawTable(table_id="p0001_n1", page_start=1, flavor="network", rows=rows,
                    row_pages=pages or [1] * len(rows))


def test_read_row_code_name_and_stacked_amounts():
    code, name, amounts = sheet.read_row(BODY[1])
    assert (code, name) == ("5", "BELANJA")
    assert amounts == ["5.623.321.866,00", "4.854.464.229,00", "-768.857.637,00", "86,33"]
    assert sheet.read_row(["5 . 2 . 15 . 09 . 2 . 03", "Belanja Jasa Kantor", "179.050.000,00"])[0] == "5.2.15.09.2.03"
    # a flavor that merges the code and uraian columns
    assert sheet.read_row(["5 . 2 . 15 Program X", "1.000,00"]) == ("5.2.15", "Program X", ["1.000,00"])
    # an amounts-only row is not a code, nor a grouped amount without decimals
    assert sheet.read_row(["", "3.180.000,00", "3.180.000,00"])[0] is None
    assert sheet.read_row(["3.180.000", "3.180.000"])[0] is None


def test_letters_split_off_their_word_are_rejoined():
    assert sheet.fix_split_glyphs("l\ni\nstrik") == "listrik"
    assert sheet.fix_split_glyphs("D\ni\ng\ni\ntalisasi arsip") == "Digitalisasi arsip"
    assert sheet.fix_split_glyphs("Belanja\nModal") == "Belanja\nModal"


@pytest.mark.parametrize("code, level", [
    ("5", "total"), ("5.1", "total"), ("5.2", "total"),
    ("5.2.15", "program"), ("5.2.15.09", "kegiatan"),
    ("5.2.15.09.2", None), ("5.2.15.09.2.03.01", None),  # jenis / obyek / rincian of a kegiatan
    ("5.1.00.00.1", None),  # belanja tidak langsung: no program
    ("5.2.1", None), ("5.2.1.01", None),  # plain account code: one-digit jenis, not a program
    ("4", None), ("4.1.00.00.2", None), ("6.1", None),  # pendapatan, pembiayaan
    ("5.02.01", None), (None, None),  # a Permendagri 90/2019 code is not an account code
])
def test_level_from_the_code(code, level):
    assert sheet.code_level(code) == level


def test_account_codes_against_other_numbering():
    assert sheet.is_account_code("5.2.15.09") and sheet.is_account_code("4")
    assert not sheet.is_account_code("5.01.02")  # national nomenclature (two-digit bidang)
    assert not sheet.is_account_code("2.16.02.2.01")


def test_layout_found_below_the_title_block():
    layout = sheet.sheet_layout(table_of(PREAMBLE + BODY))
    assert layout is not None and layout.family == BUDGET
    assert layout.header_rows == len(PREAMBLE)
    assert layout.labels[0] == "kode rekening" and layout.labels[2] == "uraian"
    assert layout.value_roles == ["budget", "realization", "difference", "absorption"]
    assert layout.fiscal_year == 2017


def test_value_roles_follow_the_header_order():
    assert sheet.value_roles(["kode", "uraian", "realisasi", "anggaran", "%"]) == ["realization", "budget",
                                                                                 "absorption"]
    assert sheet.value_roles(["anggaran sebelum perubahan", "anggaran setelah perubahan", "realisasi",
                              "lebih / (kurang)", "%"]) == ["other", "budget", "realization", "difference",
                                                            "absorption"]


def test_ordinary_budget_tables_are_not_account_sheets():
    jepara_like = [["No", "Program / Kegiatan", "Anggaran", "Realisasi", "%"],
                   ["1", "PROGRAM PELATIHAN KERJA", "1.871.557.000", "1.782.123.052", "95,22"],
                   ["2", "Kegiatan A", "1.000.000", "900.000", "90,00"],
                   ["5", "Kegiatan B", "2.000.000", "1.900.000", "95,00"]]
    assert sheet.sheet_layout(table_of(jepara_like)) is None
    nomenclature_coded = [["Kode", "Program", "Anggaran", "Realisasi"],
                          ["5.01.01", "PROGRAM PENUNJANG", "1.000.000", "900.000"],
                          ["5.01.01.2.01", "Perencanaan", "1.000.000", "900.000"]]
    assert sheet.sheet_layout(table_of(nomenclature_coded)) is None


def test_wrapped_uraian_and_page_break_repeat_are_joined():
    lines = sheet.sheet_rows(table_of(PREAMBLE + BODY), len(PREAMBLE))
    by_code = {line.code: line for line in lines}
    assert by_code["5.2.01.02"].name == "Penyediaan jasa komunikasi, sumber daya air dan listrik"
    assert by_code["5.2.01.15"].name == "Penyediaan bahan bacaan dan peraturan perundang-undangan"
    assert by_code["5.2.01.15.2"].name == "Belanja Barang dan Jasa"
    assert lines[-1].code is None and lines[-1].name == "SURPLUS / (DEFISIT)"


def test_amounts_on_the_line_below_the_code():
    rows = PREAMBLE + BODY[:2] + [["5 . 2 . 15", "", "Program Pengembangan Komunikasi, Informasi dan", "", "", ""],
                                  ["", "", "Media Massa", "646.900.000,00", "618.969.751,00", "-27.930.249,00\n95,68"]]
    line = sheet.sheet_rows(table_of(rows), len(PREAMBLE))[-1]
    assert line.code == "5.2.15"
    assert line.name == "Program Pengembangan Komunikasi, Informasi dan Media Massa"
    assert line.amounts == ["646.900.000,00", "618.969.751,00", "-27.930.249,00", "95,68"]


def test_budget_lines_keep_programs_kegiatan_and_totals_only():
    table = table_of(PREAMBLE + BODY)
    lines = sheet.sheet_lines(table, sheet.sheet_layout(table), None)
    assert [(b.line_number, b.level) for b in lines] == [
        ("5", "total"), ("5.1", "total"), ("5.2", "total"), ("5.2.01", "program"),
        ("5.2.01.02", "kegiatan"), ("5.2.01.15", "kegiatan")]
    belanja = lines[0]
    assert (belanja.budget_raw, belanja.realization_raw, belanja.absorption_raw) == (
        "5.623.321.866,00", "4.854.464.229,00", "86,33")
    assert (belanja.budget_idr, belanja.realization_idr, belanja.absorption_pct_reported) == (
        5_623_321_866, 4_854_464_229, pytest.approx(86.33))
    assert all(b.level_method == "account_code" and b.fiscal_year == 2017 for b in lines)
    program = lines[3]
    assert (program.budget_idr, program.realization_idr, program.absorption_pct_reported) == (
        418_863_375, 397_525_953, pytest.approx(94.91))


# ---------------------------------------------------------------- the Wonosobo corpus PDF


def _corpus_pdf() -> Path:
    for folder in (os.environ.get("LKJIP_CORPUS_DIR"), REPO.parent / "shared" / "corpus"):
        if folder and (Path(folder) / WONOSOBO).exists():
            return Path(folder) / WONOSOBO
    pytest.skip("corpus not available")


@pytest.fixture(scope="module")
def wonosobo(tmp_path_factory):
    import pandas as pd

    from extract.extraction import extract_document
    from extract.layout import output_dir

    pdf = _corpus_pdf()
    root = tmp_path_factory.mktemp("extracted")
    record = extract_document(pdf, root)
    lines = pd.read_parquet(output_dir(root, record["document_id"]) / "budget_lines.parquet")
    return pdf, record, lines, root


def _printed_codes(pdf: Path, parts: int) -> Counter:
    """Belanja langsung codes with `parts` parts as they stand in the PDF's text layer."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    pattern = r"^5 \. 2" + r" \. \d\d" * (parts - 2) + r"(?= [^.\d])"
    return Counter(re.sub(r"\s", "", m) for m in re.findall(pattern, text, re.MULTILINE))


def _line(lines, code: str, name_start: str = "") -> dict:
    rows = lines[(lines.line_number == code) & lines.line_name.str.startswith(name_start)]
    assert len(rows) == 1, (code, name_start, rows)
    return rows.iloc[0].to_dict()


@pytest.mark.slow
def test_wonosobo_sheet_loads_ok(wonosobo):
    _, record, lines, _ = wonosobo
    assert record["status"] == "ok", record["status_reason"]
    assert set(lines.level_method) == {"account_code"} and set(lines.fiscal_year) == {2017}


@pytest.mark.slow
def test_wonosobo_printed_values(wonosobo):
    _, _, lines, _ = wonosobo
    belanja = _line(lines, "5")
    assert (belanja["level"], belanja["line_name"]) == ("total", "BELANJA")
    assert (belanja["budget_raw"], belanja["realization_raw"], belanja["absorption_raw"]) == (
        "5.623.321.866,00", "4.854.464.229,00", "86,33")
    assert belanja["budget_idr"] == 5_623_321_866 and belanja["realization_idr"] == 4_854_464_229
    program = _line(lines, "5.2.15", "Program Pengembangan Komunikasi")
    assert program["level"] == "program" and program["source_page"] == 6
    assert program["line_name"] == "Program Pengembangan Komunikasi, Informasi dan Media Massa"
    assert (program["budget_idr"], program["realization_idr"]) == (646_900_000, 618_969_751)
    assert program["absorption_pct_reported"] == pytest.approx(95.68)
    kegiatan = _line(lines, "5.2.15.09")
    assert kegiatan["level"] == "kegiatan"
    assert kegiatan["line_name"] == "Fasilitasi Operasional Lembaga Penyiaran Publik Lokal Radio Pesona FM"
    assert (kegiatan["budget_idr"], kegiatan["realization_idr"]) == (250_000_000, 244_007_351)
    cut_by_page_break = _line(lines, "5.2.01.15")
    assert cut_by_page_break["line_name"] == "Penyediaan bahan bacaan dan peraturan perundang-undangan"
    langsung = _line(lines, "5.2")
    assert (langsung["budget_idr"], langsung["realization_idr"]) == (3_322_104_290, 3_163_730_704)


@pytest.mark.slow
def test_wonosobo_every_program_and_kegiatan_and_nothing_below(wonosobo):
    pdf, _, lines, _ = wonosobo
    assert Counter(lines[lines.level == "program"].line_number) == _printed_codes(pdf, 3)
    assert Counter(lines[lines.level == "kegiatan"].line_number) == _printed_codes(pdf, 4)
    assert set(lines[lines.level == "total"].line_number) == {"5", "5.1", "5.2"}


@pytest.mark.slow
def test_wonosobo_hierarchy_adds_up(wonosobo):
    """Each program's kegiatan add up to it, and the programs to BELANJA LANGSUNG, as printed."""
    _, _, lines, _ = wonosobo
    program_rows = lines[lines.level == "program"].sort_values("row_index")
    bounds = list(program_rows.row_index) + [lines.row_index.max() + 1]
    for (_, program), end in zip(program_rows.iterrows(), bounds[1:]):
        kegiatan = lines[(lines.level == "kegiatan") & lines.row_index.between(program.row_index, end - 1)]
        assert len(kegiatan) > 0
        assert kegiatan.budget_idr.sum() == program.budget_idr
        assert kegiatan.realization_idr.sum() == program.realization_idr
    langsung = _line(lines, "5.2")
    assert program_rows.budget_idr.sum() == langsung["budget_idr"]
    assert program_rows.realization_idr.sum() == langsung["realization_idr"]


@pytest.mark.slow
def test_wonosobo_warehouse_has_no_data_quality_issue(wonosobo, tmp_path):
    """Loaded and built with dbt: the document is 'ok' and no check flags it (5 BELANJA also
    covers belanja tidak langsung, so only 5.2 is compared with the program sum)."""
    import duckdb

    from extract.layout import output_dir
    from extract.warehouse.dbt_runner import run_dbt_build
    from extract.warehouse.load import DocumentInput, build_raw

    _, record, _, root = wonosobo
    db = tmp_path / "lkjip.duckdb"
    build_raw(db, [DocumentInput(record, output_dir(root, record["document_id"]))], [])
    result = run_dbt_build(db)
    assert result.success, result.log_tail
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select status from marts.dim_document").fetchall() == [("ok",)]
        assert con.execute("select check_name, detail from marts.mart_data_quality_issues").fetchall() == []
        compared = con.execute("select line_name from intermediate.int_data_quality__budget_totals").fetchall()
        assert compared == [("BELANJA LANGSUNG",)]
