"""A number that opens a name's value line, followed by the number written out in brackets, stays where
it is printed: it is a count inside the name ('dalam' / '1 (satu) Daerah'), not the row number a cell
aligned to the bottom prints on its value line. Jepara Tabel 3.17 rendered by ReportLab (bench/fuzz,
variant 83: cells aligned to the bottom, page 6). The seed prints

      Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang Hanya
      Beroperasi dalam 1 (satu) Daerah Kab./Kota (Satu) Daerah Kabupaten/Kota  38.000.000  33.223.000  87,43
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_count_written_out_in_brackets_is_no_row_number():
    tables = word_tables_near("jepara", "reportlab", 83, "Pengesahan Peraturan Perusahaan")
    row = next(r for t in tables for r in t.rows if "33.223.000" in r)
    name = " ".join(row[1].split())
    assert name.startswith("Pengesahan Peraturan Perusahaan")
    assert "Beroperasi dalam 1 (satu) Daerah Kab./Kota" in name
