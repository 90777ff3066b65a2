"""A grid ruled between its columns alone: lattice stacks its printed rows into one cell per
column, so the page is read by the word reader. Values as printed: provsu 2021 Tabel 2.2 (page
image of p. 18) and the seeds (Jambi Tabel 3.3 and 3.8) in renderings with column rules alone."""
from __future__ import annotations

import pytest

from extract.pdf.find import LATTICE_LAYOUT, find_tables
from extract.pdf.inventory import read_inventory
from extract.pdf.ruled import read_camelot, stacks_rows
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf, vertical_pdf
from tests.paths import CORPUS

PROVSU = CORPUS / "provsu_2021_lakip.pdf"
BP3AKB = CORPUS / "jabar-bp3akb_2016_lkip.pdf"
GROBOGAN = CORPUS / "kab-grobogan-dpupr_2021_lkjip.pdf"


def _lattice(pdf, page):
    if not pdf.exists():
        pytest.skip(f"not found: {pdf}")
    return read_camelot(pdf, [page], flavor="lattice", engine="vector", split_text=True, layout_kwargs=LATTICE_LAYOUT)


def _rows(tables) -> list[list[str]]:
    return [[" ".join(c.split()) for c in row] for table in tables for row in table.rows]


def test_a_plan_ruled_between_columns_is_read_by_its_lines():
    """provsu p. 18, Tabel 2.2: rules between the columns, none between the 14 indicators."""
    assert [stacks_rows(t) for t in _lattice(PROVSU, 18)] == [True]
    rows = _rows(find_tables(PROVSU, [18], stream_pages=[18]))
    assert ["2", "Skor Pola Pangan Harapan (PPH)", "Skor", "90,4", "92,3", "94,3", "96,3", "98,1"] in \
        [row[1:] for row in rows]
    assert ["10", "Total Fertility Rate (TFR)", "Nilai", "2,86", "2,84", "2,82", "2,8", "2,78"] in \
        [row[1:] for row in rows]


def test_two_value_lines_in_a_cell_are_no_stacked_rows():
    """bp3akb p. 60: a ruled indicator table whose cells hold two values stays a grid."""
    tables = _lattice(BP3AKB, 60)
    assert tables and not any(stacks_rows(t) for t in tables)


def test_a_ruled_group_of_bulleted_indicators_stays_a_grid():
    """kab-grobogan-dpupr 2021 p. 49: the sasaran '1. Mewujudkan organisasi ...' has a ruled row of
    its own, and the ruled row under it holds the kegiatan a.-e. with their bulleted indicators and
    values line by line ('70 %', '100%', ... under TARGET). Rules between rows: the fact reader
    splits the bullets (12 of 12 labelled facts); read by the word reader, it gave 2."""
    tables = _lattice(GROBOGAN, 49)
    assert tables and not any(stacks_rows(t) for t in tables)


@pytest.mark.parametrize("engine, number", [("html", 0), ("reportlab", 1)])
def test_seed_tables_ruled_between_columns(engine, number):
    """Jambi with column rules alone (reportlab 1: the section rows span the columns and break
    their rules). Read as grids, Tabel 3.3 gave no indicator and Tabel 3.8 under half its lines."""
    pdf = vertical_pdf("jambi", engine, number)
    inventory = read_inventory(pdf)
    rows = _rows(stitch(find_tables(pdf, inventory.text_pages, stream_pages=inventory.text_pages)))
    assert any(row[-3:] == ["52.64", "62.42", "118.58"] and any("Pertumbuhan wirausaha" in c for c in row)
               for row in rows)
    assert any(row[-3:] == ["Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"]
               and any("Penyediaan Gaji dan Tunjangan ASN" in c for c in row) for row in rows)


def test_row_numbers_stacked_in_the_no_column_name_no_row():
    """jambi_libreoffice_631 (column rules alone, Tabel 3.9's header cut by the page break): on p. 8 lattice
    reads a grid row holding the No column's '1' and '2' one per line over the body whose values stack
    ('45.00 / 14.00 / 46.80 / 8.00' under Target). Stacked row numbers name no row, so the page is read by
    its lines: every sasaran indicator of the seed with its values (3 of 4 were lost)."""
    pdf, _ = fuzz_pdf("jambi", "libreoffice", 631)
    tables = [t for t in read_camelot(pdf, [8], flavor="lattice", engine="vector", split_text=True,
                                      layout_kwargs=LATTICE_LAYOUT) if t.rows]
    assert any("1\n2" in "\n".join(c.split()) for t in tables for row in t.rows[:-1] for c in row)
    assert [stacks_rows(t) for t in tables] == [True]
    inventory = read_inventory(pdf)
    rows = _rows(stitch(find_tables(pdf, inventory.text_pages, stream_pages=inventory.text_pages)))
    for name, values in [("Penempatan Pencari Kerja Terdaftar", ["45.00", "60.97", "135.49"]),
                         ("Dgn Tata Kelola Yg Layak", ["14.00", "16.00", "114.29"]),
                         ("Koperasi Berkualitas", ["46.80", "43.64", "93.25"]),
                         ("Tangguh dan Mandiri", ["8.00", "12.03", "150.40"])]:
        assert any(any(name in c for c in row) and row[-6:-3] == values for row in rows), name
