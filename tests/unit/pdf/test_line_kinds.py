"""Header words are counted where they start a word of a line: a row's name may hold one inside a
longer word. Texts as Jambi's seed prints them (samples/seeds, kota-jambi: the kegiatan
'PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH'; Tabel 3.9's header)."""
from __future__ import annotations

from extract.pdf.line_kinds import header_words_in


def test_a_header_word_inside_a_longer_word_is_none():
    assert header_words_in("PERENCANAAN, PENGANGGARAN, DAN EVALUASI KINERJA PERANGKAT DAERAH") == 0


def test_header_words_joined_by_marks_each_count():
    assert header_words_in("Indikator Sasaran Target/Realisasi Capaian(%)") == 5
