"""A column's cells are parted where that column's own words step by the cell padding: a cell merged
over two rows ('Sasaran Strategis'), aligned to the middle, sets its wrapped lines across that padding
at the pitch of wrapped text, and measured with its words the indicator column's two cells were one;
no band was cut and every line of the page was a row of its own, the last indicator lost. Jambi Tabel
3.9 rendered by reportlab (bench/fuzz, variant 148: no rules, 2 pt padding, 7.5 pt type, cells aligned
to the middle, the last two rows carried to page 9 under the repeated header). The seed prints

    2  Meningkatnya kualitas koperasi dan usaha mikro kecil menengah
       Persentase Koperasi Berkualitas  46.80  43.64  93.25  Rp 544,605,355  Rp 511,170,358  93.86
       Persentase UMKM Yg Tangguh dan Mandiri  8.00  12.03  150.40  Rp 1,412,380,417  Rp 1,290,523,409  91.37
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row(tables, value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if value in row)


def test_the_indicator_cells_own_padding_parts_the_rows_beside_a_merged_cell():
    tables = word_tables_near("jambi", "reportlab", 148, "UMKM Yg")
    koperasi, umkm = _row(tables, "46.80"), _row(tables, "8.00")
    assert " ".join(koperasi[2].split()) == "Persentase Koperasi Berkualitas"
    assert " ".join(umkm[2].split()) == "Persentase UMKM Yg Tangguh dan Mandiri"
    assert umkm[umkm.index("8.00"):] == ["8.00", "12.03", "150.40", "Rp 1,412,380,417", "Rp 1,290,523,409", "91.37"]


def test_a_merged_cell_between_the_two_value_lines_parts_no_rows(tmp_path):
    """The same knobs with a 1.5 pt padding: the merged 'Meningkatnya kualitas koperasi dan usaha mikro
    kecil menengah' now lies between the two value lines, reaching from 'Berkualitas' into 'UMKM Yg'
    without touching either row's values; running across the padding of the indicator column, it kept
    that padding from cutting the rows, and every line of page 10 was a row of its own."""
    import dataclasses

    import pypdfium2 as pdfium

    from bench.fuzz.render import render_variant
    from bench.fuzz.variants import make_variant
    from extract.pdf.unruled import read_word_tables

    knobs = dataclasses.replace(make_variant("jambi", "reportlab", 148), cell_padding=1.5)
    pdf = render_variant("jambi", knobs, tmp_path)
    pages = len(pdfium.PdfDocument(str(pdf)))
    tables = read_word_tables(pdf, [pages - 1, pages])
    assert " ".join(_row(tables, "46.80")[2].split()) == "Persentase Koperasi Berkualitas"
    assert " ".join(_row(tables, "8.00")[2].split()) == "Persentase UMKM Yg Tangguh dan Mandiri"
