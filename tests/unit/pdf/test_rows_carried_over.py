"""Rows a page break carries over, in layout-fuzz renderings (bench/fuzz) of Jambi's Tabel 3.8 read by
the real readers: the rest of a ruled row after the blank lower part of its box, a row kept in the
previous page's column widths above a part set to its own, and a running footer just below a table.
The values asserted are printed in the seed (samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt):
  1. PENDIDIKAN DAN LATIHAN PERKOPERASIAN BAGI KOPERASI YANG WILAYAH KEANGGOTAAN DALAM DAERAH
     KABUPATEN/KOTA  Rp 80,964,414.00  Rp 80,153,020.00  99.00
  1. PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN,
     PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN  Rp 1,412,380,417.00  Rp 1,290,523,409.00  91.37
  PARA PEMANGKU KEPENTINGAN
"""
from __future__ import annotations

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from extract.pdf.unruled import read_word_tables
from tests.fuzz_variants import fuzz_pdf, word_tables_near
from tests.unit.pdf.test_stitch import table_holding

AMOUNTS = ["Rp 1,412,380,417.00", "Rp 1,290,523,409.00", "91.37"]


def _flat(row: list[str]) -> list[str]:
    return [" ".join(c.split()) for c in row]


def test_rest_of_a_ruled_row_joins_it_over_the_blank_end_of_its_box():
    """Jambi, html 32 (grid rules, rows split, cells aligned to the top): the grid ends pages 6 and 7
    with an empty row, the blank lower part of a kegiatan's box; its rest ('YANG WILAYAH ...',
    'KOORDINASI DENGAN PARA ...') opens the next page and joins the kegiatan, not the empty row."""
    pdf, _ = fuzz_pdf("jambi", "html", 32)
    table = table_holding(stitch(find_tables(pdf, [6, 7, 8], stream_pages=[6, 7, 8])), "Job Fair")
    rows = [_flat(r) for r in table.rows]
    cooperative = next(r for r in rows if any(c.startswith("PENDIDIKAN DAN LATIHAN") for c in r))
    assert cooperative[2] == ("PENDIDIKAN DAN LATIHAN PERKOPERASIAN BAGI KOPERASI YANG WILAYAH "
                              "KEANGGOTAAN DALAM DAERAH KABUPATEN/KOTA")
    assert cooperative[-3:] == ["Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"]
    micro = next(r for r in rows if any(c.startswith("PEMBERDAYAAN USAHA MIKRO") for c in r))
    assert micro[2].endswith("PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN PARA PEMANGKU KEPENTINGAN")
    assert micro[-3:] == AMOUNTS
    assert not any(all(not c for c in r) for r in rows)


def test_a_row_kept_in_the_previous_page_widths_is_read_with_its_columns():
    """Jambi, reportlab 10 (horizontal rules, each page's part set to its own widths): page 9 opens
    with the kegiatan in page 8's wider columns, its amounts right of where the narrower columns
    below end. That row takes page 8's columns, each amount in its own cell; the rest of the page
    keeps its own columns."""
    tables = word_tables_near("jambi", "reportlab", 10, "PEMANGKU", before=True)
    row = next(_flat(r) for t in tables for r in t.rows if any(c.startswith("1. PEMBERDAYAAN USAHA MIKRO") for c in r))
    assert row[-3:] == AMOUNTS
    below = next(_flat(r) for t in tables for r in t.rows if any("Pemberdayaan Kelembagaan" in c for c in r))
    assert below[-3:] == ["Rp 1,115,908,029.00", "Rp 1,015,308,724.00", "90.98"]


def test_a_running_footer_a_line_below_a_table_is_no_row():
    """Jambi, reportlab 39 (pp. 4, 5, 7) and reportlab 2 (p. 4), unruled: the table runs down to a line
    height above the footer 'LKjIP 2025 Dinas Tenaga Kerja, Koperasi dan UKM Kota Jambi <page>',
    which every neighbouring page prints at the same place: a footer, not a budget row."""
    for number, pages in ((39, [4, 5, 7]), (2, [4])):
        pdf, _ = fuzz_pdf("jambi", "reportlab", number)
        cells = [c for t in read_word_tables(pdf, pages) for r in t.rows for c in r]
        assert any("Rp " in c for c in cells)
        assert not any("LKjIP" in c or "Kota Jambi" in c for c in cells)
