"""Unruled tables from word positions: blocks, gutters, columns and wrapped rows."""
from __future__ import annotations

from extract.model import Line, Word
from extract.pdf.gutters import column_of, gutters, merge_headless_columns
from extract.pdf.unruled import block_to_table
from extract.pdf.word_blocks import table_blocks
from extract.pdf.word_rows import logical_rows

H = 10.0  # line height of the synthetic page


def line(y: float, *cells: tuple[float, str]) -> Line:
    """A line at baseline y with words starting at the given x (6 units per character)."""
    words = []
    for x, text in cells:
        for piece in text.split():
            words.append(Word(x, x + 6 * len(piece), y, y + H, piece))
            x += 6 * len(piece) + 3  # a space inside a cell is much narrower than a gutter
    return Line(words)


def budget_block() -> list[Line]:
    return [
        line(700, (50, "No"), (80, "Program / Kegiatan"), (300, "Anggaran"), (400, "Realisasi")),
        line(680, (50, "1"), (80, "PROGRAM PENEMPATAN"), (300, "195.000.000"), (400, "188.752.658")),
        line(670, (80, "TENAGA KERJA")),  # wrapped line of the name, at tight line spacing
        line(650, (50, "2"), (80, "Job Fair"), (300, "50.000.000"), (400, "49.962.800")),
    ]


def test_gutters_separate_the_columns_of_the_body():
    strips = gutters(budget_block()[1:], H)
    assert len(strips) == 3
    (a, b), (c, d), (e, f) = strips
    assert a < 80 <= b and c < 300 <= d and e < 400 <= f


def test_block_becomes_rows_with_wrapped_lines_joined():
    table = block_to_table(budget_block(), page=3)
    assert table is not None and len(table.col_bounds) == 4
    assert table.rows == [
        ["No", "Program / Kegiatan", "Anggaran", "Realisasi"],
        ["1", "PROGRAM PENEMPATAN\nTENAGA KERJA", "195.000.000", "188.752.658"],
        ["2", "Job Fair", "50.000.000", "49.962.800"],
    ]


def test_a_new_number_in_a_filled_column_starts_a_row_even_without_extra_space():
    lines = [line(700, (50, "1"), (300, "10")), line(690, (50, "2"), (300, "20"))]
    rows = logical_rows(lines, [["1", "10"], ["2", "20"]])
    assert rows == [["1", "10"], ["2", "20"]]


def test_prose_ends_a_block_and_headings_above_a_table_are_left_out():
    prose = line(760, (50, "Capaian kinerja untuk indikator ini sebesar 93.26% dari realisasi 43.64% terhadap target"))
    heading = line(730, (50, "Tabel 3.3 Pengukuran Kinerja"))
    blocks = table_blocks([prose, heading] + budget_block(), body_x0=50, body_x1=50 + prose.x1 - prose.x0)
    assert len(blocks) == 1
    assert blocks[0][0].words[0].text == "No"


def test_lines_at_the_top_of_a_page_before_the_table_are_the_rest_of_a_cut_row():
    cut = line(695, (80, "PEMANGKU KEPENTINGAN"))
    blocks = table_blocks([cut] + budget_block()[1:], body_x0=50, body_x1=500)
    assert blocks[0][0] is cut


def test_a_word_in_a_gutter_goes_to_the_nearest_column():
    columns = [(0, 20), (50, 70)]
    assert column_of(Word(44, 48, 0, H, "13"), columns) == 1
    assert column_of(Word(22, 26, 0, H, "13"), columns) == 0


def test_a_column_without_header_under_a_neighbours_header_word_is_merged():
    # left-aligned '13' under 'Realisasi' whose other values are right-aligned
    columns = [(300, 320), (330, 345), (350, 380)]
    header = [Word(300, 318, 0, H, "Target"), Word(335, 380, 0, H, "Realisasi")]
    assert merge_headless_columns(columns, header) == [(300, 320), (330, 380)]


def test_evenly_spaced_single_line_rows_stay_apart():
    lines = [line(700, (50, "1"), (80, "Persentase"), (300, "80")),
             line(690, (80, "SASARAN KEDUA")),
             line(680, (50, "2"), (80, "Jumlah"), (300, "85"))]
    cells = [["1", "Persentase", "80"], ["", "SASARAN KEDUA", ""], ["2", "Jumlah", "85"]]
    assert logical_rows(lines, cells) == cells
