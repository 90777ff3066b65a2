"""A table's body is never taken for a preamble: the word reader may end a block with the prose line
under the table, and a line naming header words ('Kegiatan-kegiatan ... program ...') below rows
holding values is that prose, not the table's header. Layout-fuzz renderings (bench/fuzz) read by
the real readers; values asserted are printed in the seed (Jambi Tabel 3.3)."""
from __future__ import annotations

from tests.unit.pdf.test_stitch import row_of, stitched, table_holding


def test_rows_above_a_prose_line_naming_header_words_stay():
    """Jambi, HTML 19 (horizontal rules, header not repeated): Tabel 3.3 carries rows 2 to 6 to
    page 3, where the sentence 'Kegiatan-kegiatan yang dilaksanakan untuk menunjang program ...'
    follows them. They stay, and join the start on page 2."""
    tables = stitched("jambi", "html", 19)
    table = table_holding(tables, "Pelatihan Kerja")
    assert table is table_holding(tables, "Perlindungan Hak-hak Pekerja")
    assert table.page_start == 2 and table.page_end == 3
    hubungan = next(r for r in table.rows if r[0] == "3")
    assert hubungan[-3:] == ["15.00", "16.47", "109.80"]
    assert row_of(table, "6")[-3:] == ["52.64", "62.42", "118.58"]


def test_the_sentence_under_a_table_is_no_row():
    """Jambi, HTML 19 and LibreOffice 19: a short paragraph right under a table ('Kegiatan-kegiatan
    yang dilaksanakan ... BAB I.' under Tabel 3.3, 'Sesuai dengan kategori skala peringkat ...' under
    Tabel 3.8) is read by word alignment as one more line of the table; it is not kept as a row."""
    table = table_holding(stitched("jambi", "html", 19), "Pelatihan Kerja")
    assert [" ".join(c.split()) for c in table.rows[-1]][-3:] == ["52.64", "62.42", "118.58"]
    budget = table_holding(stitched("jambi", "libreoffice", 19), "Penyusunan Basis Data")
    assert [" ".join(c.split()) for c in budget.rows[-1] if c.strip()] == [
        "Total", "Rp 10,036,268,000.00", "Rp 8,767,409,001.00", "87.36"]
