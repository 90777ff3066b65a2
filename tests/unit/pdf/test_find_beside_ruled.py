"""An unruled table printed above or below a ruled one on the same page is read from the words outside the
ruled table (extract/pdf/find.py `_read_beside_grids`). ambon-diskominfo_2021_lakip.pdf prints each Perjanjian
Kinerja as a ruled table of targets with its 'Program | Anggaran | Keterangan' list below, without rules: p. 20
(two agreements, a list under each) and p. 47 (the 2022 agreement, two programs). Names and amounts as printed on
the page images."""
from __future__ import annotations

import pytest

from extract.extraction import _is_known_table, tables_to_frames
from extract.pdf.find import find_tables
from tests.paths import CORPUS

AMBON = CORPUS / "ambon-diskominfo_2021_lakip.pdf"


def _lines(page: int) -> list[tuple]:
    if not AMBON.exists():
        pytest.skip(f"not found: {AMBON}")
    tables = find_tables(AMBON, [page], stream_pages=[page], is_known=_is_known_table)
    assert any(t.flavor == "lattice" for t in tables)  # the ruled agreement is read as before
    lines = tables_to_frames("d1", tables)["budget_lines"]
    return list(zip(lines.line_name, lines.budget_idr, lines.level))


def test_the_program_list_under_a_ruled_agreement_is_read():
    assert _lines(47) == [("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6487226296.0, "program"),
                          ("Informasi dan Komunikasi Publik", 424773064.0, "program")]


def test_lists_above_and_below_a_ruled_table_are_read_each():
    lines = _lines(20)
    assert ("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6939921411.0, "program") in lines  # above
    assert ("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6635804517.0, "program") in lines  # below
    assert ("Penyelenggaraan Statistik Sektoral", 48999656.0, "program") in lines
