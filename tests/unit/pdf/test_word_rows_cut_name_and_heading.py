"""At the top of a page that continues a table without repeating its header, the last words of a name
that the page break cut and the row under them were read as one row (word_rows.text_runs): a heading
'BIDANG UMKM' set across the number column, or the seed's own row 'PARA PEMANGKU KEPENTINGAN'. The
name lost its last words, or took the next row's. Jambi Tabel 3.8 through LibreOffice: variants 540
(development, 0.98 since the fourteenth stop), 581 and 598 (held out at the fifteenth stop, both 0.98); and
through ReportLab, 318 (development, 0.98 before this stop). The names and amounts as the seed prints them."""
from __future__ import annotations

import pytest

from extract.extraction import _extract
from tests.fuzz_variants import fuzz_pdf, squash
from tests.seed_tables import JAMBI, budget_lines


@pytest.mark.parametrize("engine, number", [("libreoffice", 540), ("libreoffice", 581), ("libreoffice", 598),
                                            ("reportlab", 318)])
def test_the_rest_of_a_cut_name_and_the_row_under_it_are_two_rows(engine, number):
    printed = {(line.name, line.budget_idr, line.realization_idr)
               for line in budget_lines(JAMBI, "Tabel 3.8 :", english=True)}
    assert len(printed) == 61
    pdf, _ = fuzz_pdf("jambi", engine, number)
    _, frames = _extract(pdf, "t")
    lines = frames["budget_lines"]
    read = {(squash(name), budget, realization) for name, budget, realization
            in zip(lines.line_name, lines.budget_idr, lines.realization_idr)}
    assert printed <= read
