"""Captions and preambles of word-aligned tables."""
from __future__ import annotations

from extract.model import RawTable
from extract.pdf.captions import trim_preamble


def _table(rows):
    return RawTable("p0005_w1", 5, "words", [list(r) for r in rows], [5] * len(rows))


def test_the_upper_line_of_a_two_line_label_stays_in_the_header():
    # Jepara Tabel 3.17 rendered with its header labels centred: 'No' and 'Program /Kegiatan' sit
    # between the two lines of 'Alokasi / Anggaran' and 'Realisasi / Anggaran'.
    table = _table([
        ["Tabel 3.17 Realisasi Anggaran", "", "", "", ""],
        ["", "", "Alokasi", "Realisasi", ""],
        ["No", "Program /Kegiatan", "", "", ""],
        ["", "", "Anggaran", "Anggaran", "%"],
        ["", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "1.871.557.000", "1.782.123.052", "95,22"],
    ])
    trim_preamble(table)
    assert table.rows[0] == ["", "", "Alokasi", "Realisasi", ""]
    assert table.caption == "Tabel 3.17 Realisasi Anggaran"


def test_a_sentence_above_the_header_is_not_part_of_it():
    table = _table([
        ["Realisasi anggaran program pada tahun 2024 adalah sebagai berikut", "", "", "", ""],
        ["No", "Program /Kegiatan", "Alokasi Anggaran", "Realisasi Anggaran", "%"],
        ["1", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000.000", "188.752.658", "96,80"],
    ])
    trim_preamble(table)
    assert table.rows[0][0] == "No" and len(table.rows) == 2
