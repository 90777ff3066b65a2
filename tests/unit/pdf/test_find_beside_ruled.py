"""An unruled table printed above or below a ruled one on the same page is read from the words outside the
ruled table (extract/pdf/find.py `_read_beside_grids`). ambon-diskominfo_2021_lakip.pdf prints each Perjanjian
Kinerja as a ruled table of targets with its 'Program | Anggaran | Keterangan' list below, without rules: p. 20
(two agreements, a list under each) and p. 47 (the 2022 agreement, two programs). Names and amounts as printed on
the page images."""
from __future__ import annotations

import pytest

from extract.extraction import _is_known_table, tables_to_frames
from extract.pdf.find import find_tables
from tests.paths import CORPUS

AMBON = CORPUS / "ambon-diskominfo_2021_lakip.pdf"


def _lines(page: int) -> list[tuple]:
    if not AMBON.exists():
        pytest.skip(f"not found: {AMBON}")
    tables = find_tables(AMBON, [page], stream_pages=[page], is_known=_is_known_table)
    assert any(t.flavor == "lattice" for t in tables)  # the ruled agreement is read as before
    lines = tables_to_frames("d1", tables)["budget_lines"]
    return list(zip(lines.line_name, lines.budget_idr, lines.level))


def test_the_program_list_under_a_ruled_agreement_is_read():
    assert _lines(47) == [("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6487226296.0, "program"),
                          ("Informasi dan Komunikasi Publik", 424773064.0, "program")]


def test_lists_above_and_below_a_ruled_table_are_read_each():
    lines = _lines(20)
    assert ("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6939921411.0, "program") in lines  # above
    assert ("Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6635804517.0, "program") in lines  # below
    assert ("Penyelenggaraan Statistik Sektoral", 48999656.0, "program") in lines


def test_a_program_list_under_a_ruled_table_of_another_renderer(tmp_path):
    """The Jepara seed's agreement and its program list (samples/seeds, 'NO | PROGRAM | ANGGARAN | KETERANGAN'),
    drawn by reportlab on one page: the targets ruled, the list without rules."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from tests import seed_tables
    programs = seed_tables.allocation_lines(seed_tables.JEPARA, "NO\tPROGRAM\tANGGARAN", english=False)[:11]
    targets = [["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"],
               ["1", "Meningkatnya jumlah pencari kerja yang dilatih", "Persentase tenaga kerja siap kerja", "2,90 %"],
               ["2", "Meningkatnya jumlah pencari kerja yang siap kerja", "Tingkat Partisipasi angkatan Kerja",
                "70,30 %"]]
    listed = [["NO", "PROGRAM", "ANGGARAN", "KETERANGAN"]] + [
        [str(i), p.name, f"Rp. {p.budget_idr:,.0f}".replace(",", "."), "APBD II"] for i, p in enumerate(programs, 1)]
    pdf = tmp_path / "agreement.pdf"
    ruled = Table(targets)
    ruled.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTSIZE", (0, 0), (-1, -1), 8)]))
    plain = Table(listed)
    plain.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 8)]))
    story = [Paragraph("Perjanjian Kinerja Tahun 2024", getSampleStyleSheet()["Title"]), ruled, Spacer(1, 24), plain]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    tables = find_tables(pdf, [1], stream_pages=[1], is_known=_is_known_table)
    lines = tables_to_frames("d1", tables)["budget_lines"]
    assert list(zip(lines.line_name, lines.budget_idr)) == [(p.name, p.budget_idr) for p in programs]
    assert set(lines.level) == {"program"}


def test_a_short_amount_apart_from_its_currency_sign_and_a_header_over_the_numbering():
    """p. 51: 'Sub Kegiatan | Anggaran | Keterangan', two sub-kegiatan; the reader puts 'Sub' over the numbering
    column. p. 49: 'Rp. 43.711.622,-', a short amount, stands apart from its sign, in a column of its own."""
    assert _lines(51) == [("Penyediaan Bahan Logistik Kantor", 28711900.0, "sub_kegiatan"),
                          ("Penyediaan Barang Cetakan dan Penggandaan", 14999632.0, "sub_kegiatan")]
    assert ("Administrasi Umum Perangkat Daerah", 43711622.0, "kegiatan") in _lines(49)
