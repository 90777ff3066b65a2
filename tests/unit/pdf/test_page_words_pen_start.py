"""A word starts where the pen starts its first glyph, also when that glyph's ink reaches further
left: DejaVu Serif draws the hook of a 'J' about a point left of its pen position, so 'Jumlah' stood
a point left of the indicator column's other lines and crossed the narrow strip (one cell padding
each side) between the goal and indicator columns, and the column-number row's gutter between '2'
and '3' was lost: goal and indicator names were read as one column (Jepara Tabel 3.3 rendered by
LibreOffice, bench/fuzz variant 153: landscape, no rules, cells aligned to the middle, goals merged,
page 4). As the seed prints them (samples/seeds, kabupaten-jepara, Tabel 3.3):
    4	Meningkatnya pemahaman masyarakat mengenai program transmigrasi	Jumlah masyarakat yang berminat
        ikut program transmigrasi	orang	13	13	100	Baik	Diskopuk mnakertrans
    5	Meningkatkan penerapan Regulasi Perkoperasian dan pelaksanaan SOM dan SOP koperasi
        Persentase koperasi aktif	%	47,00	55,75	118,62	Sangat Baik	Diskopuk mnakertrans
    7	Meningkatnya kualitas pelayanan PD	Persentase capaian kinerja PD yang mencapai target	%	80,00	83,33
        104,16	Sangat baik	Diskopuk mnakertrans"""
from __future__ import annotations

import pypdfium2 as pdfium

from extract.pdf.page_words import page_words
from tests.fuzz_variants import fuzz_pdf, word_tables_near


def _flat(cell: str) -> str:
    return " ".join(cell.split())


def test_a_hooked_first_glyph_starts_the_word_at_its_pen():
    pdf, _ = fuzz_pdf("jepara", "libreoffice", 153)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        words = page_words(doc[3])
    finally:
        doc.close()
    (jumlah,) = [w for w in words if w.text == "Jumlah"]
    column = [w.x0 for w in words if w.text in ("Persentase", "berminat", "Struktur")]
    assert all(abs(jumlah.x0 - x0) < 0.1 for x0 in column)


def test_goal_and_indicator_names_in_their_columns():
    tables = word_tables_near("jepara", "libreoffice", 153, "Jumlah masyarakat yang")
    rows = [[_flat(cell) for cell in row] for table in tables for row in table.rows]
    by_number = {row[0]: row for row in rows if row[0] in ("4", "5", "7")}
    assert by_number["4"][1:4] == ["Meningkatnya pemahaman masyarakat mengenai program transmigrasi",
                                   "Jumlah masyarakat yang berminat ikut program transmigrasi", "orang"]
    assert by_number["5"][1:3] == ["Meningkatkan penerapan Regulasi Perkoperasian dan pelaksanaan SOM dan SOP koperasi",
                                   "Persentase koperasi aktif"]
    assert by_number["7"][1:7] == ["Meningkatnya kualitas pelayanan PD",
                                   "Persentase capaian kinerja PD yang mencapai target", "%",
                                   "80,00", "83,33", "104,16"]
