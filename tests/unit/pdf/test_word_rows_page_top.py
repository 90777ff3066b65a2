"""A table's rows carried to a page top, cells aligned to the bottom or the middle: the text lines
of the first row stand above its value line with no space between them. They are the row's own
lines, not a header, when they name fewer than two columns: a row's text may hold one header word
('capaian kinerja', 'PENGANGGARAN'). Values as printed in the seeds."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row_with(tables, value: str) -> list[str]:
    rows = [row for table in tables for row in table.rows if value in row]
    assert len(rows) == 1, rows
    return [" ".join(cell.split()) for cell in rows[0]]


def test_last_indicator_row_alone_at_a_page_top_is_one_row():
    """Jepara, reportlab 22 (no rules, cells aligned to the bottom): sasaran 7 of Tabel 3.3 opens a page."""
    tables = word_tables_near("jepara", "reportlab", 22, "mencapai target")
    row = _row_with(tables, "83,33")
    assert row[1:7] == ["Meningkatnya kualitas pelayanan PD", "Persentase capaian kinerja PD yang mencapai target",
                        "%", "80,00", "83,33", "104,16"]


def test_first_budget_row_at_a_page_top_keeps_its_first_lines():
    """Jambi, LibreOffice 9 (no rules, cells aligned to the bottom): Tabel 3.8 goes on at a page top
    with a kegiatan whose name wraps above its amounts."""
    tables = word_tables_near("jambi", "libreoffice", 9, "EVALUASI")
    row = _row_with(tables, "Rp 37,714,690.00")
    assert row[:5] == ["1.", "PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH",
                       "Rp 37,714,690.00", "Rp 34,717,745.00", "92.05"]


def test_first_kegiatan_at_a_page_top_keeps_its_first_lines():
    """Jepara, html 4 (cells aligned to the bottom): Tabel 3.17 goes on at a page top with a kegiatan
    whose name wraps above its amounts."""
    tables = word_tables_near("jepara", "html", 4, "Penyusunan Dokumen Perencanaan")
    row = _row_with(tables, "22.571.868")
    assert row[1:5] == ["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "25.000.000",
                        "22.571.868", "90,29"]
