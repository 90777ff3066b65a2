"""A table's last rows at the top of a page, without a header: Jepara's Tabel 3.3 (Capaian Kinerja
Sasaran) rendered by reportlab (bench/fuzz), unruled, cells aligned to the bottom. Asserted are
the cells the seed prints (samples/seeds, kabupaten-jepara: sasaran 7 'Meningkatnya kualitas
pelayanan PD', indicator 'Persentase capaian kinerja PD yang mencapai target', % 80,00 83,33
104,16 'Sangat baik')."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _flat(cell: str) -> str:
    return " ".join(cell.split())


def test_a_row_name_with_one_header_word_above_its_values_is_no_header():
    """reportlab 22: row 7 opens a page; its names' first lines stand above its values (aligned to
    the bottom) and hold 'capaian', a header word. One header word is a row's text, not a header:
    the lines are row 7's."""
    tables = word_tables_near("jepara", "reportlab", 22, "mencapai")
    row = next(row for t in tables for row in t.rows if "83,33" in row)
    assert row[0] == "7"
    assert [_flat(c) for c in row[1:3]] == ["Meningkatnya kualitas pelayanan PD",
                                            "Persentase capaian kinerja PD yang mencapai target"]
    assert row[3:7] == ["%", "80,00", "83,33", "104,16"]
