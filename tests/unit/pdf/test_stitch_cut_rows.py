"""A row cut by a page break above its values: cells aligned to the middle print the first lines of
a long name at the page bottom, the rest with the amounts at the next page top. Stitching joins
them into one row. Layout-fuzz renderings (bench/fuzz) read by the real readers; values asserted
are printed in the seed (Jambi Tabel 3.8)."""
from __future__ import annotations

from tests.unit.pdf.test_stitch import stitched, table_holding

NAME = "PENCEGAHAN DAN PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL, MOGOK KERJA DAN PENUTUPAN PERUSAHAAN"


def _row_named(table, name: str) -> list[str]:
    return next([" ".join(c.split()) for c in r] for r in table.rows if any(" ".join(c.split()) == name for c in r))


def test_first_lines_of_a_name_at_a_page_bottom_join_the_rest_below():
    """Jambi, reportlab 23 (horizontal rules, rows split at page breaks): 'PENCEGAHAN DAN /
    PENYELESAIAN' ends page 6, the rest of the kegiatan's name and its amounts open page 7."""
    table = table_holding(stitched("jambi", "reportlab", 23), "Pelaksanaan Operasional")
    row = _row_named(table, NAME)
    assert row[-3:] == ["Rp 886,478,597.50", "Rp 813,454,341.00", "91.76"]
    assert table.row_pages[[[" ".join(c.split()) for c in r] for r in table.rows].index(row)] == 7


def _cells(row: list[str]) -> list[str]:
    return [" ".join(c.split()) for c in row]


def test_rest_of_a_ruled_row_at_the_next_page_top_joins_it():
    """Jambi, LibreOffice 21 (grid rules, rows split at page breaks, cells aligned to the top): the
    grid cuts row 4 of Tabel 3.3 and kegiatan 7 of Tabel 3.8 at a page end; the rest of their
    names opens the next page, a grid row of its own, and joins them."""
    tables = stitched("jambi", "libreoffice", 21)
    indicators = table_holding(tables, "Pertumbuhan wirausaha")
    row = next(_cells(r) for r in indicators.rows if r[0].strip() == "4")
    assert row[1:3] == ["Pendidikan dan Latihan Perkoperasian",
                        "Persentase koperasi yang diberikan dukungan fasilitasi pelatihan"]
    assert row[-3:] == ["32.90", "61.00", "185.41"]
    budget = table_holding(tables, "Penyediaan Jasa Surat Menyurat")
    row = next(_cells(r) for r in budget.rows if "PENYEDIAAN JASA PENUNJANG" in " ".join(r))
    assert "PENYEDIAAN JASA PENUNJANG URUSAN PEMERINTAH DAERAH" in row
    assert row[-3:] == ["Rp 164,821,857.00", "Rp 159,451,671.00", "96.74"]


def test_a_name_cut_after_a_word_joins_its_rest_on_the_next_page():
    """Jambi, reportlab 19 (grid rules, rows split): a sub-kegiatan name cut after 'akses' continues
    on the next page, a grid row of its own."""
    tables = stitched("jambi", "reportlab", 19)
    budget = table_holding(tables, "Penyediaan Jasa Surat Menyurat")
    name = ("Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, "
            "Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha")
    row = next(_cells(r) for r in budget.rows if "Peningkatan Produktivitas" in " ".join(r))
    assert name in row
    assert row[-3:] == ["Rp 48,613,469.00", "Rp 47,523,216.00", "97.76"]
