"""A header's first line alone at a page bottom, its other lines over the rows on the next page:
Jepara Tabel 3.17 rendered unruled and without caption by LibreOffice (bench/fuzz, variant 473).
The lone line names its columns 'No | Program /Kegiatan | Alokasi | Realisasi': two of its cells open
with a word that marks a table's start, the other two with words only a header uses ('No', 'Alokasi').
Asserted are the cells the seed prints (samples/seeds, Jepara Tabel 3.17: 'Alokasi Anggaran',
'Realisasi Anggaran', PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA 1.871.557.000
1.782.123.052 95,22)."""
from __future__ import annotations

from extract.model import Line, Word
from extract.pdf.word_blocks import lone_header
from tests.fuzz_variants import squash, word_tables_near


def test_the_first_header_line_alone_at_a_page_bottom_heads_the_rows_on_the_next_page():
    tables = word_tables_near("jepara", "libreoffice", 473, "Program /Kegiatan", before=True)
    table = next(t for t in tables if any("1.871.557.000" in row for row in t.rows))
    assert [squash(cell) for cell in table.rows[0][:4]] == ["No", "Program /Kegiatan", "Alokasi", "Realisasi"]
    assert [squash(cell) for cell in table.rows[1][2:5]] == ["Anggaran", "Anggaran", "%"]
    row = next(row for row in table.rows if "1.871.557.000" in row)
    assert squash(row[1]) == "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA"
    assert row[2:] == ["1.871.557.000", "1.782.123.052", "95,22"]


def test_a_cut_rows_name_lines_alone_are_no_lone_header():
    """The first lines of a row the page break cut name header words too ('Program', 'Kegiatan'), but
    a cell opening with a connective ('dan') is a wrapped name's, not a column's."""
    def line(*cells: tuple[float, str]) -> Line:
        return Line([Word(x, x + 6.0 * len(text), 690.0, 700.0, text) for x, text in cells])

    name = [line((60, "Program"), (120, "Peningkatan"), (200, "dan"), (400, "Kegiatan"))]
    assert not lone_header(name)
    assert lone_header([line((60, "No"), (120, "Program"), (200, "Pagu"), (400, "Kegiatan"))])
