"""The word reader on real page geometry of the layout fuzzer (bench/fuzz): value columns the gutter
search cannot see, and rows whose cells are aligned to the middle. Asserted are the cells the page
images show, printed in the seeds (Jambi Tabel 3.8, Jepara Tabel 3.3)."""
from __future__ import annotations

import pytest

from tests.fuzz_variants import word_tables_near


def _tables(seed: str, engine: str, number: int, needle: str):
    return word_tables_near(seed, engine, number, needle)


def _row(tables, value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if value in row)


@pytest.mark.parametrize("engine,number", [("reportlab", 16), ("libreoffice", 27), ("libreoffice", 6)])
def test_amounts_beside_a_narrow_name_are_their_own_column(engine, number):
    """Jambi Tabel 3.8's first rows are set one column left of the rest: their anggaran is
    right-aligned in the column where the later rows print their sub-kegiatan names, so no gutter
    runs beside it. The amounts sharing a right edge get their own column; the names stay whole."""
    tables = _tables("jambi", engine, number, "6,847,986,125.50")
    program = _row(tables, "Rp 6,847,986,125.50")
    assert program[program.index("Rp 6,847,986,125.50") + 1:][:2] == ["Rp 5,826,197,900.00", "85.08"]
    assert not any("Rp" in cell for cell in program[:program.index("Rp 6,847,986,125.50")])
    kegiatan = _row(tables, "Rp 37,714,690.00")
    assert kegiatan[kegiatan.index("Rp 37,714,690.00") + 1] == "Rp 34,717,745.00"
    assert _row(tables, "Rp 5,551,547,000.00")[1].startswith("Penyediaan Gaji dan Tunjangan")


def test_centred_amounts_a_word_space_apart_are_two_columns():
    """reportlab 10: horizontal rules, numbers centred; the UMKM program's two amounts stand a
    word space apart, the other rows leave a wide gap between the same columns."""
    tables = _tables("jambi", "reportlab", 10, "1,412,380,417.00")
    umkm = _row(tables, "Rp 1,412,380,417.00")
    assert umkm[umkm.index("Rp 1,412,380,417.00") + 1:] == ["Rp 1,290,523,409.00", "91.37"]
    koperasi = _row(tables, "Rp 463,640,941.00")
    assert koperasi[koperasi.index("Rp 463,640,941.00") + 1:] == ["Rp 431,017,338.00", "92.96"]


def test_middle_aligned_rows_keep_their_names_apart():
    """reportlab 9: no rules, cells aligned to the middle, the table's first row cut by the page
    break. A row's one-line values sit between the lines of its wrapped names, a little lower than
    the two-line cells beside them; each indicator's name stays with its own values."""
    tables = _tables("jepara", "reportlab", 9, "Sasaran Strategis")
    tpak = _row(tables, "70,30")
    assert tpak[2:7] == ["Tingkat Partisipasi\nangkatan Kerja", "%", "70,30", "71,94", "102,33"]
    assert _row(tables, "13")[1:3] == ["Meningkatnya\npemahaman\nmasyarakat\nmengenai program\ntransmigrasi",
                                      "Jumlah masyarakat\nyang berminat ikut\nprogram\ntransmigrasi"]
    assert _row(tables, "47,00")[2] == "Persentase koperasi\naktif"


def test_paragraph_end_above_a_header_at_a_page_top_is_no_row():
    """html 8: the table's header opens a page under the last lines of the paragraph that leads to
    it ('realisasi sebesar Rp. 4.467.134.288,-, ...'); those are no rest of a cut row and must not
    become header cells ('realisasi' over the No column)."""
    tables = _tables("jepara", "html", 8, "dibawah ini")
    table = next(t for t in tables if any("1.871.557.000" in row for row in t.rows))
    assert table.rows[0][:3] == ["No", "Program /Kegiatan", "Alokasi Anggaran"]
    assert not any("sebesar" in cell for row in table.rows for cell in row)
    assert _row(tables, "1.871.557.000")[-2:] == ["1.782.123.052", "95,22"]

