"""Amounts printed in thousands or millions come out in rupiah."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.budget import budget_lines
from extract.parse.families import classify


def _lines(header: list[str], rows: list[list[str]], caption: str = ""):
    table = RawTable("p0010_l0", 10, "lattice", [header, *rows], [10] * (len(rows) + 1), caption=caption)
    return budget_lines(table, classify(table.rows, caption), "id")


def test_a_header_in_thousands_of_rupiah_scales_the_amounts_not_the_percentage():
    lines = _lines(["No", "Program / Kegiatan", "Anggaran (Rp 000)", "Realisasi (Rp 000)", "%"],
                   [["1", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000", "188.752", "96,80"]])
    assert [(b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines] == \
        [(195_000_000, 188_752_000, 96.8)]
    assert lines[0].budget_raw == "195.000"  # the printed text stays as printed


def test_a_caption_in_millions_scales_every_amount():
    lines = _lines(["No", "Perangkat Daerah", "Pagu", "Realisasi", "%"],
                   [["1", "Dinas Kesehatan", "1.250,5", "1.100,25", "87,98"]],
                   caption="Tabel 3.20 Realisasi Anggaran per Perangkat Daerah (dalam juta rupiah)")
    assert (lines[0].budget_idr, lines[0].realization_idr) == (1_250_500_000, 1_100_250_000)


def test_amounts_without_a_unit_stay_as_printed():
    lines = _lines(["No", "Program / Kegiatan", "Anggaran", "Realisasi", "%"],
                   [["1", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000.000", "188.752.658", "96,80"]])
    assert lines[0].budget_idr == 195_000_000
