"""A header whose cell padding sets it apart from its first row: a table of wide padding (4.9 pt)
and small type, whose header cells are centred vertically, so 'Alokasi' (the upper line of 'Alokasi
Anggaran') stands alone over the other header words. The rows lie a little more than 2.5 word heights
apart, the header's own lines closer. Any header line (two header words and no value: 'No Program
/Kegiatan Realisasi') keeps the block open, not only its first line, or the column-number line and the
first two rows fell out of the table. Values as printed in the Jepara seed, Tabel 3.17:
`PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA  1.871.557.000  1.782.123.052  95,22`
`Pelaksanaan Pelatihan berdasarkan Unit Kompetensi  1.859.057.000  1.770.074.052  95,21`"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_the_rows_under_a_padded_header_stay_in_its_table():
    """Jepara, LibreOffice 664 (Noto Serif 7, column rules, no caption, cells aligned to the top)."""
    tables = word_tables_near("jepara", "libreoffice", 664, "PROGRAM PELATIHAN KERJA")
    (table,) = [t for t in tables if any("Program /Kegiatan" in " ".join(r) for r in t.rows)]
    rows = [[" ".join(c.split()) for c in r if c.strip()] for r in table.rows]
    first = rows.index(["PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "1.871.557.000", "1.782.123.052",
                        "95,22"])
    assert rows[first + 1] == ["Pelaksanaan Pelatihan berdasarkan Unit Kompetensi", "1.859.057.000",
                               "1.770.074.052", "95,21"]
    assert ["1", "2", "3", "4"] in rows[:first]
