"""A budget table whose part on the next page was not joined to its start opens with the last sub-kegiatan
of a kegiatan printed on the page before (budget_levels._split): the levels were left to the default, every
line a kegiatan, because no rule may decide a block whose first line is no kegiatan. From the first
kegiatan on, the letter case decides (kegiatan in capitals); the lines before it are sub-kegiatan."""
from __future__ import annotations

from extract.extraction import _extract
from extract.parse.budget_levels import assign_levels
from extract.parse.records import BudgetLine
from tests.fuzz_variants import fuzz_pdf, squash
from tests.seed_tables import JAMBI, budget_lines


def _line(name: str, number: str | None = "1.") -> BudgetLine:
    return BudgetLine(table_id="t", row_index=0, source_page=1, line_number=number, level="", level_method="",
                      line_name=name, budget_raw="", budget_idr=None, realization_raw="", realization_idr=None,
                      absorption_raw="", absorption_pct_reported=None, fiscal_year=None)


def test_lines_before_the_first_kegiatan_of_a_table_are_sub_kegiatan():
    lines = [_line("Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"),
             _line("ADMINISTRASI BARANG MILIK DAERAH PADA PERANGKAT DAERAH"),
             _line("Penatausahaan Barang Milik Daerah pada SKPD"),
             _line("PROGRAM PENEMPATAN TENAGA KERJA"),
             _line("Job Fair"),
             _line("PELAYANAN ANTARKERJA DI DAERAH KABUPATEN / KOTA")]
    assign_levels(lines)
    assert [line.level for line in lines] == ["sub_kegiatan", "kegiatan", "sub_kegiatan", "program",
                                              "kegiatan", "kegiatan"]


def test_kegiatan_named_with_and_without_the_word_stay_kegiatan_above_the_first_program_line():
    """jabar-dinkes 2016 p. 82 (page image): the program rows print no amount, so no program line opens the
    list; some kegiatan are named 'Kegiatan ...', most are not. The keyword tells no sub-kegiatan here."""
    lines = [_line("Peningkatan Perilaku Hidup Bersih dan Sehat (PHBS)", None),
             _line("Peningkatan Pemberdayaan Masyarakat Bidang Kesehatan", None),
             _line("Kegiatan Promosi Kesehatan RS Pameungpeuk", None),
             _line("Pengawasan Kualitas Kesehatan Lingkungan di Sasaran Prioritas Provinsi", None),
             _line("Kegiatan Gerakan Penyelamatan Masa Depan (Gema Mapan) Melalui Program Kesehatan Anak Usia "
                   "Sekolah dan Remaja", None),
             _line("Pencegahan Kurang Gizi", None)]
    assign_levels(lines)
    assert {line.level for line in lines} == {"kegiatan"}


def test_jambi_tabel_3_8_continued_under_a_header_of_other_columns():
    """jambi_html_583 (held out at the fifteenth stop, budget 0.72): unruled, the header repeated on p. 4,
    whose sub-kegiatan names sit under 'Anggaran' as the seed's rows of six cells print them; the part
    is read on its own and opens with two sub-kegiatan of 'ADMINISTRASI KEUANGAN PERANGKAT DAERAH'."""
    sub_kegiatan = [line.name for line in budget_lines(JAMBI, "Tabel 3.8 :", english=True)
                    if not line.name.isupper() and line.name != "Total"]  # kegiatan, programs in capitals
    pdf, _ = fuzz_pdf("jambi", "html", 583)
    _, frames = _extract(pdf, "t")
    levels = {squash(name): level for name, level in zip(frames["budget_lines"].line_name,
                                                         frames["budget_lines"].level)}
    assert "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD" in sub_kegiatan
    assert {name: levels.get(name) for name in sub_kegiatan} == {name: "sub_kegiatan" for name in sub_kegiatan}
