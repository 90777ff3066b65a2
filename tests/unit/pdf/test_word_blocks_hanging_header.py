"""A header cell wrapped onto two lines above a one-line header ('Target' over '%' beside 'Indikator
program'), in a LibreOffice rendering whose font has no descent: 'program' opens with a hanging
glyph, so its box reaches a descent below the header line. Lines are compared on their seats
(page_words.seat), so the upper line stays in the header and the table reads as a known indicator
table. Values as printed in the Jambi seed, Tabel 3.3:
`No	Program	Indikator program	Rumus Perhitungan	Target %	Realisasi %	Capaian %`
`4	Pendidikan dan Latihan Perkoperasian	Persentase koperasi yang diberikan dukungan fasilitasi pelatihan
...	32.90	61.00	185.41`
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _flat(row: list[str]) -> list[str]:
    return [" ".join(cell.split()) for cell in row]


def test_upper_line_of_a_header_cell_beside_a_hanging_word_stays_in_the_header():
    """Jambi, LibreOffice 41 (Noto Sans 8, horizontal rules, cells aligned to the middle): the header
    keeps 'Target %' on the page the table starts and on its continuation page."""
    tables = word_tables_near("jambi", "libreoffice", 41, "Rumus Perhitungan")
    headers = [_flat(t.rows[0]) for t in tables if "Rumus Perhitungan" in _flat(t.rows[0])]
    assert len(headers) == 2
    for header in headers:
        assert header == ["No", "Program", "Indikator program", "Rumus Perhitungan", "Target %", "Realisasi %",
                          "Capaian %"]
    (row,) = [_flat(r) for t in tables for r in t.rows if "185.41" in r]
    assert row[2] == "Persentase koperasi yang diberikan dukungan fasilitasi pelatihan"
    assert row[-3:] == ["32.90", "61.00", "185.41"]
