"""A gutter starts where the text of the column on its left ends, wrapped lines included: the goal
column of Jepara Tabel 3.3 (LibreOffice, bench/fuzz variant 155: Letter landscape, horizontal rules,
cells aligned to the top, 4.6 pt padding, page 3) holds lines as wide as 'berdasarkan klaster', set on
lines of their own, while its value lines end at 'pencari'; the gutter search, on value lines, put
the border far left of the wrapped lines' ends, and the 'di' of 'sarana-sarana HI di', on the row's
value line, stood nearer the indicator column ('Persentase perusahaan yang di menerapkan ...').
As the seed prints it (samples/seeds, kabupaten-jepara, Tabel 3.3):
    3	Meningkatnya jumlah dan fungsi sarana-sarana HI di perusahaan	Persentase perusahaan yang
        menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, Struktur skala upah dan terdaftar
        bpjs ketenagakerjaan)	%	59,62	65,44	109,76	Sangat Baik	Diskopuk mnakertrans"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_word_reaching_into_the_strip_stays_with_its_column():
    tables = word_tables_near("jepara", "libreoffice", 155, "sarana-sarana HI")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    (row,) = [row for row in rows if row[0] == "3" and "59,62" in row]
    assert row[1:7] == ["Meningkatnya jumlah dan fungsi sarana-sarana HI di perusahaan",
                        "Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, "
                        "Struktur skala upah dan terdaftar bpjs ketenagakerjaan)", "%", "59,62", "65,44", "109,76"]
