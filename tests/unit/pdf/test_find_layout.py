"""camelot's lattice as extraction runs it (extract/pdf/find.py LATTICE_LAYOUT: no hierarchical grouping
of text boxes) reads the same tables as camelot's default layout analysis: lattice reads text lines, which
the grouping only puts in another order. Checked on a dense budget sheet, where the grouping costs
seconds a page (Grobogan's RFK fisik, page 1: thousands of text boxes), and on the ruled Jepara sample."""
from __future__ import annotations

import pytest

from extract.pdf.find import LATTICE_LAYOUT
from extract.pdf.ruled import read_camelot
from tests.paths import CORPUS, SAMPLE_PDFS

SHEET = CORPUS / "kab-grobogan-dpupr_2020_rfk-fisik-des.pdf"


def _tables(pdf, pages, **layout):
    return [(t.table_id, t.rows, t.top, t.bottom, t.col_bounds)
            for t in read_camelot(pdf, pages, flavor="lattice", engine="vector", split_text=True, **layout)]


@pytest.mark.parametrize("pdf, pages", [(SHEET, [1]), (SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf", [20, 21, 27])],
                         ids=["grobogan-rfk-fisik", "jepara-ruled"])
def test_lattice_without_box_grouping_reads_the_same_cells(pdf, pages):
    if not pdf.exists():
        pytest.skip(f"not found: {pdf}")
    fast = _tables(pdf, pages, layout_kwargs=LATTICE_LAYOUT)
    assert fast and all(rows for _, rows, *_ in fast)
    assert fast == _tables(pdf, pages)
