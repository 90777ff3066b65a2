"""A ruled row cut by a page break below its values, on a page that repeats the header: reportlab
drew no rule between the repeated header and the rest of the row, so camelot read both in one grid
row ('Indikator program / Ditempatkan di Dalam / Negeri'). Each cell of that row opens with the
start's header cell, and some hold more lines: the header and the rest are two rows, the header is
seen repeated and the rest joins its row (stitch._split_header_from_tail). Values as printed in the
seed (samples/seeds, kota-jambi, Tabel 3.3):
    1  Pelatihan Kerja dan Produktivitas Tenaga Kerja
       Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya  ...  69.00  71.90  104.20
    2  Penempatan Tenaga Kerja  Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri  ...  51.00  60.97  119.55
(one line each in the seed, cells tab-separated)."""
from __future__ import annotations

import dataclasses

from bench.fuzz.render import render_variant
from bench.fuzz.variants import make_variant
from extract.pdf.find import find_tables
from extract.pdf.inventory import read_inventory
from extract.pdf.stitch import stitch
from tests.unit.pdf.test_stitch import stitched, table_holding

NAME = "Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri"


def _program_row(tables, value: str) -> list[str]:
    table = table_holding(tables, "Pertumbuhan")
    (row,) = [[" ".join(c.split()) for c in r] for r in table.rows if value in r]
    return row


def test_rest_of_a_row_in_the_repeated_header_s_grid_row_joins_it():
    """Jambi, reportlab 59 (full grid, header repeated, rows split, cells aligned to the top)."""
    row = _program_row(stitched("jambi", "reportlab", 59), "60.97")
    assert row[1:3] == ["Penempatan Tenaga Kerja", NAME]
    assert row[-3:] == ["51.00", "60.97", "119.55"]


def test_rest_of_a_row_in_the_repeated_header_s_grid_row_joins_it_in_another_font(tmp_path):
    """The same layout set in DejaVu Serif: the page break cuts program 1 after 'Tenaga Kerja di /
    Sektor Prioritas yang'."""
    variant = dataclasses.replace(make_variant("jambi", "reportlab", 59), number=900, font="DejaVu Serif")
    render_variant("jambi", variant, tmp_path, engine="reportlab")
    pdf = tmp_path / "jambi_reportlab_900.pdf"
    inventory = read_inventory(pdf)
    row = _program_row(stitch(find_tables(pdf, inventory.text_pages, stream_pages=inventory.text_pages)), "71.90")
    assert row[1:3] == ["Pelatihan Kerja dan Produktivitas Tenaga Kerja",
                        "Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya"]
    assert row[-3:] == ["69.00", "71.90", "104.20"]
