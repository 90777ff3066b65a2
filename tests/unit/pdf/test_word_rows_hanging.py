"""Rows of unruled tables in LibreOffice renderings whose font has no descent: each glyph has its
own box, so a word opening with a hanging letter ('pencaker', 'yang') has a box a descent deeper
than its line. The word sits on its line (page_words.seat): such a line is no taller than its
words, and the spacing of wrapped lines is measured on it. Values as printed in the seeds."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _rows_with(tables, value: str) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows if value in row]


def test_bottom_aligned_rows_at_a_page_bottom_keep_their_names():
    """Jambi, LibreOffice 10: Tabel 3.8's first two rows end a page, cells aligned to the bottom;
    most of their wrapped lines hold a word like 'pencaker' or 'yang'. Each row is one row."""
    tables = word_tables_near("jambi", "libreoffice", 10, "Dalam Negeri")
    (row,) = _rows_with(tables, "60.97")
    assert row[1:3] == ["Penempatan Tenaga Kerja", "Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri"]
    assert row[-3:] == ["51.00", "60.97", "119.55"]
    (row,) = _rows_with(tables, "71.90")
    assert row[2] == "Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya"
    assert row[-3:] == ["69.00", "71.90", "104.20"]


def test_top_aligned_rows_keep_their_wrapped_lines():
    """Jepara, LibreOffice 3: Tabel 3.2 (capaian IKU) at a page bottom, cells aligned to the top."""
    tables = word_tables_near("jepara", "libreoffice", 3, "Partisipasi")
    (row,) = _rows_with(tables, "2,73")
    assert row[1:7] == ["Meningkatnya jumlah pencari kerja yang dilatih berdasarkan klaster kompetensi dan"
                        " meningkatnya produktivitas tenaga kerja", "Persentase tenaga kerja siap kerja", "%",
                        "2,90", "2,73", "94,14"]
    (row,) = _rows_with(tables, "71,94")
    assert row[2:7] == ["Tingkat Partisipasi angkatan Kerja", "%", "70,30", "71,94", "102,33"]
