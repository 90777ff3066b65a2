"""Tables that run over pages, stitched by geometry: layout-fuzz renderings of the seed tables
(bench/fuzz) read by the real readers (camelot, the word reader), then `stitch`. The values
asserted are printed in the seeds (Jambi Tabel 3.9, Jepara Tabel 3.17)."""
from __future__ import annotations

from extract.model import RawTable
from extract.pdf.find import find_tables
from extract.pdf.inventory import read_inventory
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf


def stitched(seed: str, engine: str, number: int) -> list[RawTable]:
    pdf, _ = fuzz_pdf(seed, engine, number)
    inventory = read_inventory(pdf)
    return stitch(find_tables(pdf, inventory.text_pages, stream_pages=inventory.text_pages))


def table_holding(tables: list[RawTable], text: str) -> RawTable:
    return next(t for t in tables if any(text in " ".join(c.split()) for r in t.rows for c in r))


def row_of(table: RawTable, name: str) -> list[str]:
    return next([" ".join(c.split()) for c in r] for r in table.rows if any(name == " ".join(c.split()) for c in r))


def test_a_continuation_with_a_column_in_the_gaps_of_the_start_gives_its_columns():
    """Jambi, reportlab 29 (no rules): the start of Tabel 3.9 at a page bottom shows no sub-kegiatan
    indent; the next pages print it as a column of its own. The finer grid is kept: names and
    amounts stay in their own cells."""
    table = table_holding(stitched("jambi", "reportlab", 29), "Penyediaan Gaji dan Tunjangan ASN")
    assert len(table.row_pages) == len(table.rows) and set(table.row_pages) == {3, 4, 5, 6}
    gaji = row_of(table, "Penyediaan Gaji dan Tunjangan ASN")
    assert gaji[-3:] == ["Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"]
    program = row_of(table, "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA")
    assert program[-3:] == ["Rp 6,847,986,125.50", "Rp 5,826,197,900.00", "85.08"]


def test_blocks_of_one_table_with_other_column_widths_are_one_table():
    """Jambi, LibreOffice 2 (no rules, header not repeated): the renderer sets the first rows of each
    part of Tabel 3.9 with narrow name cells, the rest wide; the word reader returns the parts
    as blocks on one page. They join in column order, and so do the pages after them."""
    tables = stitched("jambi", "libreoffice", 2)
    table = table_holding(tables, "ADMINISTRASI KEUANGAN PERANGKAT DAERAH")
    assert table is table_holding(tables, "Penyediaan Jasa Surat Menyurat")
    assert table is table_holding(tables, "Rp 10,036,268,000.00")  # the Total row on the last page
    assert row_of(table, "ADMINISTRASI KEUANGAN PERANGKAT DAERAH")[-3:] == [
        "Rp 5,781,103,415.43", "Rp 4,839,258,433.00", "83.71"]
    assert row_of(table, "Penyediaan Gaji dan Tunjangan ASN")[-3:] == [
        "Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"]
    assert row_of(table, "Fasilitasi Kunjungan Tamu")[-3:] == ["Rp 11,660,000.00", "Rp 11,306,500.00", "96.97"]


def test_a_header_cut_by_a_page_break_joins_its_body():
    """Jepara, LibreOffice 24 (horizontal rules): the caption of Tabel 3.17 and the first line of its
    header end page 7; 'Anggaran | Anggaran | %' and the body are on page 8 on."""
    table = table_holding(stitched("jepara", "libreoffice", 24), "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS")
    assert table.caption.startswith("Tabel 3.17 Realisasi Anggaran")
    assert [" ".join(c.split()) for c in table.rows[0]] == ["No", "Program /Kegiatan", "Alokasi", "Realisasi", ""]
    assert table.rows[1][2:] == ["Anggaran", "Anggaran", "%"]
    assert row_of(table, "JUMLAH")[-3:] == ["5.140.052.105", "4.887.834.646", "95,05"]
