"""Rows a page break cut, their rest printed at the next page's top under the repeated header, in a
layout-fuzz rendering (bench/fuzz) of the Jambi seed report read by the real readers: Chromium,
unruled, cells aligned to the top, rows split across pages, rows 15.75 or 16.5 pt apart and wrapped
lines 12.75 or 13.5 pt (whole pixels). The names and values asserted are printed in the seed
(samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt):
    2  Penempatan Tenaga Kerja  Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri  ...  51.00  60.97  119.55
    1.  Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional
        atau Lapangan  Rp 285,506,784.00  Rp 257,023,584.00  90.02
    2.  Pemeliharaan Peralatan dan Mesin Lainnya  Rp 66,600,000.00  Rp 64,850,200.00  97.37
    BIDANG PENTA
    1.  PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA  Rp 192,094,130.00  Rp 176,975,629.00  92.13
"""
from __future__ import annotations

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf, word_tables_near
from tests.unit.pdf.test_stitch import table_holding


def _rows(tables) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]


def _texts(row: list[str]) -> list[str]:
    return [cell for cell in row if cell]


def test_text_above_a_top_aligned_row_is_a_row_of_its_own():
    """jambi_html_93 p. 7: the rest of the name cut at page 6's bottom ('Perizinan Kendaraan Dinas' /
    'Operasional atau Lapangan') and the heading 'BIDANG PENTA' stand a row's padding above the next
    value line but less than the band cut: they were read into the rows below them."""
    rows = _rows(word_tables_near("jambi", "html", 93, "Perizinan Kendaraan"))
    assert ["Perizinan Kendaraan Dinas Operasional atau Lapangan"] in [_texts(r) for r in rows]
    assert ["2.", "Pemeliharaan Peralatan dan Mesin Lainnya", "Rp 66,600,000.00", "Rp 64,850,200.00",
            "97.37"] in [_texts(r) for r in rows]
    heading = next(i for i, row in enumerate(rows) if "BIDANG PENTA" in " ".join(row))
    assert " ".join(_texts(rows[heading])) == "BIDANG PENTA"
    assert _texts(rows[heading + 1])[-3:] == ["Rp 192,094,130.00", "Rp 176,975,629.00", "92.13"]


def test_rest_of_a_row_under_a_repeated_header_is_body():
    """jambi_html_93 p. 4: 'Negeri' / 'terdaftar}} \\times 100$' right under the repeated header of
    Tabel 3.3 were read as more header; their words made the page another table, not stitched."""
    pdf, _ = fuzz_pdf("jambi", "html", 93)
    table = table_holding(stitch(find_tables(pdf, [], stream_pages=[3, 4])), "Pertumbuhan wirausaha")
    rows = [_texts(r) for r in _rows([table])]
    assert rows[0][0] == "No" and sum(r[0] == "No" for r in rows) == 1
    rest = rows.index(["Negeri", "terdaftar}} \\times 100$"])
    assert rows[rest - 1][-3:] == ["51.00", "60.97", "119.55"]
    assert rows[rest + 1][-3:] == ["15.00", "16.47", "109.80"]


def test_heading_close_above_a_top_aligned_row_is_apart():
    """jambi_html_79 (Liberation Sans Narrow 10.5 pt, unruled, cells aligned to the top, padding 1.6 pt):
    'BIDANG PENTA' a row's padding above the program row but under the band cut; read into its name."""
    rows = _rows(word_tables_near("jambi", "html", 79, "BIDANG PENTA"))
    heading = next(i for i, row in enumerate(rows) if "BIDANG PENTA" in " ".join(row))
    assert " ".join(_texts(rows[heading])) == "BIDANG PENTA"
    assert _texts(rows[heading + 1])[-3:] == ["Rp 192,094,130.00", "Rp 176,975,629.00", "92.13"]
