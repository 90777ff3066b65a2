"""A table whose header ends a page and whose body fills the next, header not repeated: the body
alone names no column, but it is the rest of a table that does. The word reader's reading stands
(camelot's network flavor, tried on pages of tables nobody can read, lost a wrapped name's last
line). Layout-fuzz renderings (bench/fuzz) read by the real readers; the values asserted are
printed in the seed (Jepara Tabel 3.3)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from extract.extraction import _is_known_table
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf


def tables_from_caption(seed: str, engine: str, number: int, caption: str):
    """The stitched tables of the page that prints `caption` and the page after it."""
    pdf, _ = fuzz_pdf(seed, engine, number)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = next(i + 1 for i in range(len(doc)) if caption in doc[i].get_textpage().get_text_range())
    finally:
        doc.close()
    pages = [page, page + 1]
    return stitch(find_tables(pdf, pages, stream_pages=pages, is_known=_is_known_table))


@pytest.mark.parametrize("engine, number", [("html", 95), ("reportlab", 99)])
def test_a_headless_body_after_a_header_at_a_page_bottom_keeps_its_words(engine, number):
    """Jepara, html 95 (horizontal rules) and reportlab 99 (no rules), landscape, header not repeated:
    the caption and header of Tabel 3.3 end a page. The seed's row 'Meningkatnya kualitas pelayanan
    PD | Persentase capaian kinerja PD yang mencapai target | % | ... 80 ...' prints 80,00 | 83,33 |
    104,16; its indicator name wraps over three lines, the last one alone on its line."""
    tables = tables_from_caption("jepara", engine, number, "Tabel 3.3")
    table = next(t for t in tables if t.caption.startswith("Tabel 3.3"))
    row = next(([" ".join(c.split()) for c in r] for r in table.rows if "80,00" in r), [])
    assert "Persentase capaian kinerja PD yang mencapai target" in row
    assert ["80,00", "83,33", "104,16"] == [c for c in row if c in ("80,00", "83,33", "104,16")]
