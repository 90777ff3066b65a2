"""A program name wrapped one word per line in a narrow column (Jambi's budget table, Tabel 3.9,
rendered unruled by reportlab, bench/fuzz variant 24): its long words cross the strip between the
name's short lines and the kegiatan numbers set under it, so that strip is no gutter. Asserted are
the cells the seed prints (samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt lines 1185-1193)."""
from __future__ import annotations

import pytest

from extract.pdf.unruled import read_word_tables
from tests.fuzz_variants import word_tables_near
from tests.paths import CORPUS

WONOSOBO = CORPUS / "wonosobo-diskominfo_2017_penjabaran-lra.pdf"


def _row(value: str) -> list[str]:
    tables = word_tables_near("jambi", "reportlab", 24, "PERLINDUNGAN")
    return next(row for t in tables for row in t.rows if value in row)


def test_long_words_of_a_wrapped_name_keep_their_column_whole():
    """'PEMBERDAYAAN' and 'PERLINDUNGAN' reach past the strip that 'PROGRAM', 'DAN' and
    'KOPERASI' leave clear; the name stays one cell in reading order."""
    row = _row("Rp 463,640,941.00")
    assert row[0] == "2"
    assert " ".join(row[1].split()) == "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI"
    assert row[-3:] == ["Rp 463,640,941.00", "Rp 431,017,338.00", "92.96"]


def test_kegiatan_numbers_set_under_the_name_share_its_column():
    """The kegiatan number '1.' stands under the program name (not a column of its own), and the
    kegiatan name keeps its own column."""
    row = _row("Rp 80,964,414.00")
    assert " ".join(row[1].split()) == "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN"
    kegiatan = next(r for r in word_tables_near("jambi", "reportlab", 24, "PERLINDUNGAN")[0].rows
                    if r[2].startswith("PENDIDIKAN DAN LATIHAN"))
    assert kegiatan[:2] == ["", "1."]


@pytest.mark.skipif(not WONOSOBO.exists(), reason=f"corpus file not found: {WONOSOBO}")
def test_a_word_reaching_past_the_table_lines_is_read_within_their_span():
    """A page cut off at its left edge (a scanned sheet's margin notes: 'PENJELASAN' beside '7' and
    'Perda Kab. Wonosobo Nomor 4 Tahun 2011', wonosobo penjabaran LRA p. 13) holds a one-word line
    reaching past the lines around it; the page holds no table, and reading it raised IndexError."""
    assert read_word_tables(WONOSOBO, [13]) == []
