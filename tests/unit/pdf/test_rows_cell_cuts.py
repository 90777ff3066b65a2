"""Rows of Jambi Tabel 3.9 (sasaran, indicator, kinerja and anggaran) where a sasaran cell merged over two
rows runs on beside both at the pitch of wrapped text and hides the padding between them; the indicator
column's cells show it (one cell ends, the next begins). Values as printed in the Jambi seed, Tabel 3.9:
`Persentase Penempatan Pencari Kerja Terdaftar  45.00  60.97  135.49`,
`Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29`."""
from __future__ import annotations

from tests.fuzz_variants import indicator_facts_of

FIRST = ("Persentase Penempatan Pencari Kerja Terdaftar", 45.0, 60.97, 135.49)
SECOND = ("Persentase Perusahaan Dgn Tata Kelola Yg Layak", 14.0, 16.0, 114.29)


def test_the_rest_of_a_cut_row_beside_a_merged_cell_is_that_rows():
    # jambi_html_711: cells aligned to the top, rows split; the first indicator's last lines 'Pencari
    # Kerja' / 'Terdaftar' open p. 8 beside the merged sasaran cell's lines: they were read as the next
    # indicator's first lines
    facts = indicator_facts_of("jambi", "html", 711)
    assert FIRST in facts and SECOND in facts


def test_two_rows_beside_a_merged_cell_are_two_rows():
    # jambi_libreoffice_332: cells aligned to the bottom; both indicators of sasaran 1 were read as one
    # band, split at the first value line as if cells were aligned to the top ('Persentase Penempatan
    # ... Terdaftar Persentase Perusahaan ... Kelola Yg' and 'Layak')
    facts = indicator_facts_of("jambi", "libreoffice", 332)
    assert FIRST in facts and SECOND in facts
