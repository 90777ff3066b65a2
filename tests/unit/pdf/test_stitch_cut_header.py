"""A table start whose header lost a line is still continued by the pages that repeat the header.

The word reader starts a table at its 'No' row: the upper line of a label wrapped over three
lines and centred against 'No' ('Program /' of Jambi Tabel 3.8, 'Realisasi' of Jepara Tabel 3.17)
stays above it, so the start names one header word less than its continuations. Layout-fuzz
renderings (bench/fuzz) read by the real readers; values asserted are printed in the seeds
(samples/seeds/*.txt)."""
from __future__ import annotations

from tests.unit.pdf.test_stitch import row_of, stitched, table_holding


def test_budget_start_without_its_first_header_line_takes_the_next_pages():
    """Jambi, LibreOffice 3 (landscape, no rules, header repeated): Tabel 3.8 starts on page 5 with
    its first two lines; pages 6 to 15 repeat the whole header."""
    tables = stitched("jambi", "libreoffice", 3)
    table = table_holding(tables, "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA")
    assert table is table_holding(tables, "Penyediaan Gaji dan Tunjangan ASN")
    assert table.page_start == 5 and table.page_end == 15
    assert row_of(table, "Penyediaan Gaji dan Tunjangan ASN")[-3:] == [
        "Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"]


def test_allocation_header_cut_above_realisasi_takes_the_next_pages():
    """Jepara, LibreOffice 22 (landscape, no rules, header repeated): the start of Tabel 3.17 reads
    'Anggaran' without the 'Realisasi' above it; page 6 on repeat the header whole."""
    tables = stitched("jepara", "libreoffice", 22)
    table = table_holding(tables, "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA")
    assert table is table_holding(tables, "Job Fair/ Bursa Kerja")
    assert row_of(table, "Job Fair/ Bursa Kerja")[-3:] == ["50.000.000", "49.962.800", "99,93"]
    assert row_of(table, "JUMLAH")[-3:] == ["5.140.052.105", "4.887.834.646", "95,05"]


def test_a_table_naming_other_words_still_starts_anew():
    """The tolerance is one word, and only when the start names all the others: Jambi's program
    indicator table (Tabel 3.3) and budget table (Tabel 3.8) stay apart in the same rendering."""
    tables = stitched("jambi", "libreoffice", 3)
    indicators = table_holding(tables, "Pertumbuhan wirausaha")
    assert indicators is not table_holding(tables, "Penyediaan Gaji dan Tunjangan ASN")
