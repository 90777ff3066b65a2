"""Rows of unruled tables whatever the cells' vertical alignment: bands by spacing and rules."""
from __future__ import annotations

from types import SimpleNamespace

from extract.model import Line, Word
from extract.pdf.cell_layout import cell_alignment
from extract.pdf.drawn_rules import Rule, page_rules
from extract.pdf.row_spacing import line_pitch, row_bands
from extract.pdf.unruled import block_to_table
from extract.pdf.word_blocks import table_blocks
from extract.pdf.word_rows import logical_rows

H = 10.0  # word height; wrapped lines of a cell follow 10.5 apart, rows 18 apart (cell padding)
PITCH, ROW = 10.5, 18.0


def line(y: float, *cells: tuple[float, str]) -> Line:
    """A line at baseline y with words starting at the given x (6 units per character)."""
    words = []
    for x, text in cells:
        for piece in text.split():
            words.append(Word(x, x + 6 * len(piece), y, y + H, piece))
            x += 6 * len(piece) + 3
    return Line(words)


def value(y: float, number: str, budget: str, real: str, name: str = "") -> Line:
    return line(y, (50, number), *([(80, name)] if name else []), (300, budget), (400, real))


def rows_of(lines: list[Line], rules: list[Rule] | None = None) -> list[list[str]]:
    cells = [[" ".join(w.text for w in ln.words if lo <= w.x0 < hi) for lo, hi in
              ((0, 70), (70, 290), (290, 390), (390, 600))] for ln in lines]
    return logical_rows(lines, cells, rules)


def bottom_aligned() -> list[Line]:
    """Names wrap above the line that holds the row's number and amounts (cells aligned to the bottom)."""
    y0 = 700
    r2 = y0 - PITCH - ROW
    return [
        line(y0, (80, "Penyusunan Dokumen")),
        value(y0 - PITCH, "1.", "24.865.300", "22.456.545", "Perencanaan Daerah"),
        line(r2, (80, "Koordinasi dan")),
        line(r2 - PITCH, (80, "Penyusunan Laporan")),
        value(r2 - 2 * PITCH, "2.", "12.849.390", "12.261.200", "Capaian Kinerja"),
        value(r2 - 2 * PITCH - ROW, "3.", "5.000.000", "4.775.000", "Job Fair"),
    ]


def test_bottom_aligned_names_join_the_value_line_below_them():
    assert rows_of(bottom_aligned()) == [
        ["1.", "Penyusunan Dokumen\nPerencanaan Daerah", "24.865.300", "22.456.545"],
        ["2.", "Koordinasi dan\nPenyusunan Laporan\nCapaian Kinerja", "12.849.390", "12.261.200"],
        ["3.", "Job Fair", "5.000.000", "4.775.000"],
    ]


def test_middle_aligned_value_line_half_a_pitch_between_the_name_lines():
    y0 = 700
    lines = [
        line(y0, (80, "Penyusunan Dokumen")),
        value(y0 - PITCH / 2, "1.", "24.865.300", "22.456.545"),
        line(y0 - PITCH, (80, "Perencanaan Daerah")),
        line(y0 - PITCH - ROW, (80, "Koordinasi dan")),
        line(y0 - 2 * PITCH - ROW, (80, "Penyusunan Laporan")),
        value(y0 - 2.5 * PITCH - ROW, "2.", "12.849.390", "12.261.200"),
        line(y0 - 3 * PITCH - ROW, (80, "Capaian Kinerja")),
        line(y0 - 4 * PITCH - ROW, (80, "SKPD")),
    ]
    assert line_pitch(lines) == PITCH  # the half steps to the value lines do not count
    assert rows_of(lines) == [
        ["1.", "Penyusunan Dokumen\nPerencanaan Daerah", "24.865.300", "22.456.545"],
        ["2.", "Koordinasi dan\nPenyusunan Laporan\nCapaian Kinerja\nSKPD", "12.849.390", "12.261.200"],
    ]


def test_row_number_on_a_later_line_of_its_cell_goes_to_the_front():
    y0 = 700
    lines = [line(y0, (50, "Koordinasi dan Penyusunan")),  # number and name share one column
             line(y0 - PITCH, (50, "2. Laporan Keuangan"), (300, "16.890.135"), (400, "16.452.500")),
             line(y0 - PITCH - ROW, (50, "3. Job Fair"), (300, "5.000.000"), (400, "4.775.000"))]
    cells = [["Koordinasi dan Penyusunan", "", ""], ["2. Laporan Keuangan", "16.890.135", "16.452.500"],
             ["3. Job Fair", "5.000.000", "4.775.000"]]
    assert [row[0] for row in logical_rows(lines, cells)] == [
        "2. Koordinasi dan Penyusunan\nLaporan Keuangan", "3. Job Fair"]


def test_rules_part_rows_that_spacing_does_not():
    y0 = 700
    lines = [line(y0, (80, "Penyusunan Dokumen")), value(y0 - PITCH, "1.", "24.865.300", "22.456.545"),
             line(y0 - 2 * PITCH, (80, "Koordinasi dan")), value(y0 - 3 * PITCH, "2.", "12.849.390", "12.261.200")]
    assert row_bands(lines, []) is None  # evenly spaced: spacing tells nothing
    rules = [Rule(y0 - 1.5 * PITCH + H / 2, 40, 500), Rule(y0 - 3.5 * PITCH + H / 2, 40, 500)]
    assert row_bands(lines, rules) == [[0, 1], [2, 3]]
    assert rows_of(lines, rules)[0] == ["1.", "Penyusunan Dokumen", "24.865.300", "22.456.545"]


def test_a_short_rule_under_one_cell_parts_nothing():
    y0 = 700
    lines = [line(y0, (80, "Penyusunan Dokumen")), value(y0 - PITCH, "1.", "24.865.300", "22.456.545")]
    assert row_bands(lines, [Rule(y0 - PITCH / 2, 80, 150)]) is None


def test_rows_not_set_apart_follow_the_alignment_of_the_table():
    """A band holding two value lines is cut so that each keeps the name lines above it when the
    other rows show names aligned to the bottom."""
    rows = bottom_aligned()
    y = rows[-1].bottom - ROW
    rows += [line(y, (80, "Pelayanan antar")), value(y - PITCH, "4.", "7.500.000", "7.384.000", "Kerja"),
             line(y - 2 * PITCH, (80, "Pembinaan Lembaga")), value(y - 3 * PITCH, "5.", "3.000.000", "2.000.000")]
    result = rows_of(rows)
    assert result[-2:] == [["4.", "Pelayanan antar\nKerja", "7.500.000", "7.384.000"],
                           ["5.", "Pembinaan Lembaga", "3.000.000", "2.000.000"]]


def test_alignment_is_where_the_single_value_line_of_a_band_sits():
    assert cell_alignment([[0, 1], [2, 3, 4]], [False, True, False, False, True]) == "bottom"
    assert cell_alignment([[0, 1, 2]], [False, True, False]) == "middle"
    assert cell_alignment([[0], [1]], [True, True]) == "top"


def test_bottom_aligned_table_keeps_header_apart_and_first_row_whole():
    y0 = 740
    block = [line(y0, (50, "No"), (80, "Program / Kegiatan"), (300, "Anggaran"), (400, "Realisasi")),
             *[Line([Word(w.x0, w.x1, w.bottom - 22, w.top - 22, w.text) for w in ln.words])
               for ln in bottom_aligned()]]
    table = block_to_table(block, page=1)
    assert table is not None
    assert table.rows[0] == ["No", "Program / Kegiatan", "Anggaran", "Realisasi"]
    assert table.rows[1] == ["1.", "Penyusunan Dokumen\nPerencanaan Daerah", "24.865.300", "22.456.545"]


def test_middle_aligned_header_lines_are_one_header_row():
    y0 = 740
    block = [line(y0, (300, "Alokasi"), (400, "Realisasi")),
             line(y0 - PITCH / 2, (50, "No"), (80, "Program / Kegiatan")),
             line(y0 - PITCH, (300, "Anggaran"), (400, "Anggaran")),
             value(y0 - PITCH - ROW, "1.", "24.865.300", "22.456.545", "Job Fair"),
             value(y0 - PITCH - 2 * ROW, "2.", "12.849.390", "12.261.200", "Pelayanan antar Kerja")]
    table = block_to_table(block, page=1)
    assert table is not None
    assert table.rows[0] == ["No", "Program / Kegiatan", "Alokasi\nAnggaran", "Realisasi\nAnggaran"]
    assert len(table.rows) == 3


def test_page_rules_join_the_pieces_drawn_per_cell():
    def path(left, bottom, right, top):
        return SimpleNamespace(get_bounds=lambda: (left, bottom, right, top))
    page = SimpleNamespace(get_objects=lambda **_: [
        path(50, 600, 100, 600.7), path(100, 600, 300, 600.7), path(300, 600.1, 500, 600.8),
        path(50, 400, 60, 480),  # a box, not a rule
    ])
    rules = page_rules(page)
    assert len(rules) == 1 and (rules[0].x0, rules[0].x1) == (50, 500)


def test_a_header_cell_half_a_line_above_the_first_tabular_line_stays_in_the_block():
    """After prose, short lines above a table are a caption and are left out; one closer than a
    line height is a header cell aligned to the bottom ('Realisasi' over 'Anggaran')."""
    prose = line(800, (50, "Realisasi anggaran untuk pelaksanaan program kegiatan tahun ini dapat dilihat berikut"))
    caption = line(770, (50, "Tabel 3.17"))
    over = line(750, (400, "Realisasi"))
    header = line(750 - PITCH / 2, (50, "No"), (80, "Program / Kegiatan"), (300, "Anggaran"))
    under = line(750 - PITCH, (400, "Anggaran"))
    body = [value(720, "1.", "24.865.300", "22.456.545", "Job Fair"),
            value(700, "2.", "12.849.390", "12.261.200", "Pelayanan antar Kerja")]
    blocks = table_blocks([prose, caption, over, header, under, *body], body_x0=50, body_x1=50 + prose.x1 - prose.x0)
    assert len(blocks) == 1 and blocks[0][0] is over
