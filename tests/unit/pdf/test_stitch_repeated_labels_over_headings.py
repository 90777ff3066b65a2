"""A continuation that repeats the start's column-label rows is the same table even when the
start's header test also counted the headings spanning the table under them ('Misi Pertama',
'Sasaran ke-1'), which the continuation does not repeat. A real report of ../shared/corpus read
by the real readers (camelot lattice); the values asserted are printed on its pages 38-39."""
from __future__ import annotations

import pytest

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.paths import CORPUS
from tests.unit.pdf.test_stitch import table_holding

DISPERINDAG = CORPUS / "jabar-disperindag_2016_lkip.pdf"


@pytest.mark.skipif(not DISPERINDAG.exists(), reason=f"corpus file not found: {DISPERINDAG}")
def test_repeated_label_rows_continue_the_table_and_the_cut_name_joins():
    """Jawa Barat Disperindag, LKIP 2016: Tabel 3.4 ends p. 38 with '2 | Jumlah kerjasama | Buah | 3 |
    5 | 60 | Dinas'; p. 39 prints the two label rows again, then 'perdagangan | Indag', the rest of
    that row, then 'Sasaran ke-2 ...'."""
    tables = stitch(find_tables(DISPERINDAG, [38, 39]))
    table = table_holding(tables, "Pertumbuhan Industri")
    assert table.caption.startswith("Tabel 3.4")
    assert table is table_holding(tables, "Terkendalinya inflasi")
    rows = [[" ".join(c.split()) for c in r] for r in table.rows]
    assert ["2", "Jumlah kerjasama perdagangan", "Buah", "3", "5", "60", "Dinas Indag"] in [r[:7] for r in rows]
    assert sum(1 for r in rows if r[0] == "No") == 1  # the repeated header is dropped
