"""A table's header cut by a page break: the start at a page bottom holds the first header row
(and the empty top of the second, when the break cuts through it); the second's labels open the
next page. They are the rest of the
header, not a repeated one. Layout-fuzz renderings (bench/fuzz) read by the real readers; values
asserted are printed in the seed (Jambi Tabel 3.9)."""
from __future__ import annotations

from extract.parse.families import INDICATOR, classify
from tests.unit.pdf.test_stitch import stitched, table_holding


def test_the_rest_of_a_cut_header_row_is_header_not_a_repeat():
    """Jambi, reportlab 75 (grid rules, rows split, header not repeated): 'No | Sasaran Strategis |
    Indikator Sasaran | Kinerja | Anggaran' ends page 14, 'Target (%) | Realisasi (%) | Capaian (%)'
    opens page 15 above the seed's rows, e.g. 'Persentase Koperasi Berkualitas 46.80 43.64 93.25
    Rp 544,605,355 Rp 511,170,358 93.86'. Dropped as a repeated header, it left the table unknown."""
    table = table_holding(stitched("jambi", "reportlab", 75), "Meningkatnya kualitas")
    assert [" ".join(c.split()) for c in table.rows[1][3:6]] == ["Target (%)", "Realisasi (%)", "Capaian (%)"]
    assert classify(table.rows, table.caption).family == INDICATOR
    row = next([" ".join(c.split()) for c in r] for r in table.rows if "Koperasi" in r[2])
    assert row[3:6] == ["46.80", "43.64", "93.25"]


def test_a_header_cut_between_its_rows_continues_on_the_next_page():
    """Jambi, libreoffice 402 (grid rules, header not repeated, landscape): the page break falls
    between the header's rows. 'No | Sasaran Strategis | Indikator Sasaran | Kinerja | Anggaran'
    alone ends page 8; 'Target (%) | Realisasi (%) | Capaian (%) | Target | Realisasi | Capaian (%)'
    opens page 9 in sub-columns of 'Kinerja' and 'Anggaran', above the rows. Read as two tables,
    the four sasaran indicators were lost (indicators 0.60)."""
    table = table_holding(stitched("jambi", "libreoffice", 402), "Meningkatnya kualitas")
    assert [" ".join(c.split()) for c in table.rows[0][:3]] == ["No", "Sasaran Strategis", "Indikator Sasaran"]
    assert [" ".join(c.split()) for c in table.rows[1][3:6]] == ["Target (%)", "Realisasi (%)", "Capaian (%)"]
    assert classify(table.rows, table.caption).family == INDICATOR
    row = next([" ".join(c.split()) for c in r] for r in table.rows if "Koperasi" in r[2])
    assert row[3:] == ["46.80", "43.64", "93.25", "Rp 544,605,355", "Rp 511,170,358", "93.86"]
