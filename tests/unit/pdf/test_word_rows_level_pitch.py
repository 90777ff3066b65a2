"""The pitch of wrapped text read on the levels of a line (row_spacing.line_pitch). A cell aligned to
the middle beside a cell of two lines sets its one line half a pitch off, and that line groups with
one of its neighbour's lines into a line of two levels. Where every wrapped cell of a block sits
beside such a cell, the pitch is found only on the levels: the name level of the two-level line and
the name's other line (LibreOffice, Jepara Tabel 3.17, unruled, cells aligned to the middle). As the
seed prints it (samples/seeds, kabupaten-jepara, Tabel 3.17):
    No  Program /Kegiatan  Alokasi Anggaran  Realisasi
                                             Anggaran  %
        PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA  1.871.557.000  1.782.123.052  95,22
        PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI  18.929.600  17.069.600  90,17
        <i>Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota</i>
        18.929.600  17.069.600  90,17"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

HEADER = ["No", "Program /Kegiatan", "Alokasi Anggaran", "Realisasi Anggaran", "%"]


def _clean(row: list[str]) -> list[str]:
    return [" ".join(cell.split()) for cell in row]


def test_header_lines_around_a_centred_cell_are_one_row_over_evenly_spaced_rows():
    """LibreOffice 57 (names on one line, so the body's lines are all a row pitch apart): the header's
    lines ('Realisasi Alokasi' / 'No Program /Kegiatan Anggaran' / 'Anggaran %') were rows of their
    own, the first was then dropped and the table's start no longer matched its continuation's header."""
    tables = word_tables_near("jepara", "libreoffice", 57, "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS")
    start = next(t for t in tables if any("PROGRAM PELATIHAN KERJA" in c for row in t.rows for c in row))
    assert _clean(start.rows[0]) == HEADER
    assert ["", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "1.871.557.000", "1.782.123.052",
            "95,22"] in [_clean(row) for row in start.rows]


def test_an_italic_name_of_two_lines_stays_in_its_row_under_a_program():
    """LibreOffice 45 (page 8): the kegiatan's first line went to the program row above it, its second
    line kept the values alone."""
    tables = word_tables_near("jepara", "libreoffice", 45, "PROGRAM PEMBANGUNAN KAWASAN")
    rows = [_clean(row) for table in tables for row in table.rows]
    assert ["", "PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI", "18.929.600", "17.069.600", "90,17"] in rows
    assert ["", "Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota",
            "18.929.600", "17.069.600", "90,17"] in rows


def test_a_name_under_a_line_of_two_levels_stays_in_its_row():
    """Jambi Tabel 3.9 rendered by LibreOffice (bench/fuzz, variant 41: rules between rows, cells
    aligned to the middle, a merged 'Sasaran Strategis'). The seed prints 'Persentase UMKM Yg Tangguh
    dan Mandiri  8.00  12.03  150.40'. The row number '2' and the merged cell's 'koperasi dan' sit a
    little above the name's first line 'Persentase': the line sits at that upper level, and with the
    pitch read level by level its step to 'UMKM Yg' passed a line and a quarter, though each column
    goes on at the pitch of wrapped text; 'Persentase' was cut off its row."""
    tables = word_tables_near("jambi", "libreoffice", 41, "Alokasi Anggaran dan Realisasi Belanja")
    row = next(r for t in tables for r in t.rows if "8.00" in r)
    assert " ".join(row[2].split()) == "Persentase UMKM Yg Tangguh dan Mandiri"
