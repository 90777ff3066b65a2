"""Rows of unruled tables where some words carry the font's whole box: LibreOffice gives every glyph
of its italic face (the kegiatan names of Jepara's Tabel 3.17) a box from the font's descent to
above its ascent, so such a word's box bottom lies a descent below its baseline. A line of such
words only is placed by its words' middles (row_spacing.baselines): a kegiatan name's second line
follows its first at the pitch of wrapped text and stays in its row. Values as printed in the seed
(samples/seeds, kabupaten-jepara, Tabel 3.17):
    <i>Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah</i>  25.000.000  22.571.868  90,29
    19  Penyusunan Dokumen Perencanaan Perangkat Daerah  4.000.000  3.924.000  98,10
    <i>Administrasi Kepegawaian Perangkat Daerah</i>  10.000.000  7.500.000  75,00
    <i>Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota</i>  18.929.600  17.069.600  90,17
    49  Penampungan Kabupaten/Kota  10.740.000  8.880.000  82,68"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row_with(tables, value: str, name_start: str = "") -> list[str]:
    """The row holding the value whose cell after the numbering starts with `name_start`."""
    (row,) = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows
              if value in row and row[1].startswith(name_start)]
    return row


def test_top_aligned_name_lines_stay_in_their_row_not_the_next():
    """LibreOffice 30 (unruled, cells aligned to the top, values centred): a kegiatan name's last
    line went to the numbered sub-kegiatan row below it."""
    tables = word_tables_near("jepara", "libreoffice", 30, "Dokumen Perencanaan Perangkat")
    tables += word_tables_near("jepara", "libreoffice", 30, "Penampungan")
    assert _row_with(tables, "22.571.868")[1:] == [
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "25.000.000", "22.571.868", "90,29"]
    assert _row_with(tables, "3.924.000") == [
        "19", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "4.000.000", "3.924.000", "98,10"]
    assert _row_with(tables, "17.069.600", "Penataan")[1:] == [
        "Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota",
        "18.929.600", "17.069.600", "90,17"]
    assert _row_with(tables, "8.880.000") == ["49", "Penampungan Kabupaten/Kota", "10.740.000", "8.880.000", "82,68"]


def test_top_aligned_name_lines_join_their_row():
    """LibreOffice 3 (unruled, cells aligned to the top, values to the right): a kegiatan name's
    second line was a row of its own, without values."""
    tables = word_tables_near("jepara", "libreoffice", 3, "Penganggaran, dan")
    assert _row_with(tables, "22.571.868")[1:] == [
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "25.000.000", "22.571.868", "90,29"]
    assert _row_with(tables, "7.500.000", "Administrasi")[1:] == [
        "Administrasi Kepegawaian Perangkat Daerah", "10.000.000", "7.500.000", "75,00"]
