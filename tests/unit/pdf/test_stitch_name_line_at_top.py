"""A continuation that opens with the first line of a wrapped name: cells aligned to the bottom set
the row's number and values on its last line, so a word-aligned continuation's first row is that
name line alone. Its header words ('Capaian', 'Realisasi') make no header: text in one column names
no columns. Layout-fuzz rendering (bench/fuzz) read by the real readers; values asserted are printed
in the seed (Jepara Tabel 3.17)."""
from __future__ import annotations

from extract.parse.families import BUDGET, classify
from extract.pdf.columns import header_words
from tests.unit.pdf.test_stitch import row_of, stitched, table_holding


def test_a_name_line_at_the_page_top_is_no_header():
    """Jepara, libreoffice 88 (horizontal rules, header not repeated, cells aligned to the bottom):
    page 7 opens with 'Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi',
    over '24 | Kinerja SKPD | 1.000.000 | 845.400 | 84,54'. Seed line: '24  Koordinasi dan Penyusunan
    Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD  1.000.000  845.400  84,54'. Taken for
    a header of other words, it started a table of its own: pages 7-8 were lost, left unknown."""
    tables = stitched("jepara", "libreoffice", 88)
    table = table_holding(tables, "Job Fair/ Bursa Kerja")
    assert set(table.row_pages) == {5, 6, 7, 8}
    assert classify(table.rows, table.caption).family == BUDGET
    assert row_of(table, "Kinerja SKPD") == ["24", "Kinerja SKPD", "1.000.000", "845.400", "84,54"]
    index = next(i for i, r in enumerate(table.rows) if "Kinerja SKPD" in r)
    assert " ".join(table.rows[index - 1][1].split()).endswith("Laporan Capaian Kinerja dan Ikhtisar Realisasi")
    jasa = row_of(table, "Penyediaan Jasa Pelayanan Umum Kantor")
    assert jasa == ["34", "Penyediaan Jasa Pelayanan Umum Kantor", "531.065.000", "420.466.000", "79,17"]


def test_header_rows_over_values_name_two_columns_or_more():
    name_line = [["", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi", "", ""],
                 ["24", "Kinerja SKPD", "1.000.000", "845.400"]]
    assert header_words(name_line) == set()
    header = [["No", "Program /Kegiatan", "Alokasi Anggaran", "Realisasi Anggaran"],
              ["1", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000.000", "188.752.658"]]
    assert {"program", "kegiatan", "alokasi", "anggaran", "realisasi"} <= header_words(header)


def test_rows_at_a_continuations_top_left_of_every_value_name_no_column():
    """The rest of the last row of Jepara Tabel 3.3 cut by a page break, above the summary rows
    (seed: '7  Meningkatnya kualitas pelayanan PD | Persentase capaian kinerja PD yang mencapai target |
    % | 80,00 | 83,33 | 104,16' and 'Rata-rata capaian kinerja 104,90 %'). It names 'capaian' and
    'target' but no value column: no header, so the continuation is not another table's start."""
    rest = [["", "pelayanan PD", "capaian kinerja\nPD yang\nmencapai target", "", "", "", "", ""],
            ["", "Rata-rata capaian kinerja", "", "", "", "", "104,90 %", ""]]
    assert header_words(rest, continuation=True) == set()
    repeated = [["NO", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian", ""],
                ["", "Rata-rata capaian kinerja", "", "", "", "", "104,90 %", ""]]
    assert {"sasaran", "indikator", "target", "realisasi"} <= header_words(repeated, continuation=True)
