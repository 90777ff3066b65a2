"""Text cleaning shared by the fact parsers: cells joined and repaired, summary-row words."""
from __future__ import annotations

import logging
import re

from extract import reference

log = logging.getLogger(__name__)


# Indonesian particles and prepositions: lower-case inside names, and a line ending in one continues.
STOP_WORDS = frozenset({"dan", "serta", "atau", "di", "ke", "dari", "untuk", "yang", "pada", "bagi", "oleh"})
# A text ending in one of these continues on the next row (a row cut by a page break).
CONNECTOR_WORDS = STOP_WORDS | {"dengan", "melalui", "dalam", "terhadap", "atas", "&"}
# A text opening with one of these continues the row above: no name starts with a conjunction.
CONTINUING_WORDS = frozenset({"dan", "serta", "atau", "yang", "dengan", "melalui"})

# Rows that sum up a table rather than name an item: one spelling of each word, used by every parser.
TOTAL_WORDS = r"jumlah|total|grand total"
AVERAGE_WORDS = r"rata\s*[-–—]?\s*rata"
TOTAL_RE = re.compile(rf"^({TOTAL_WORDS})\b", re.IGNORECASE)
# The row closing the component rows of a composite indicator.
COMPOSITE_TOTAL_RE = re.compile(rf"^({TOTAL_WORDS}|{AVERAGE_WORDS})\b", re.IGNORECASE)
# Any row closing an indicator table, the grade rows included.
SUMMARY_RE = re.compile(rf"^({TOTAL_WORDS}|{AVERAGE_WORDS}|kategori|nilai)\b", re.IGNORECASE)


# Words of table headers in performance reports (indicator, budget, plan and scale tables). A row of
# them under the first header line is a further header line; a row of other words is data.
HEADER_WORDS = frozenset("""
    no nomor kode urut sasaran strategis strategi tujuan indikator kinerja utama iku ikk program kegiatan sub
    subkegiatan uraian nama satuan target realisasi capaian tingkat tahun th tw triwulan semester
    anggaran alokasi pagu penetapan perubahan murni apbd apbn dpa keuangan fisik serapan spj rp rupiah juta
    ribu ribuan jutaan miliar milyar kategori predikat kriteria keterangan ket sumber data rumus perhitungan
    formulasi formula definisi interpretasi efisiensi efektivitas efektifitas sisa selisih deviasi jumlah total
    nilai skala kondisi awal akhir renstra rpjmd rpd periode pk perjanjian dan atau s d sd per terhadap
    kumulatif rata ke penanggung jawab pj unit kerja opd perangkat daerah belanja rekening status
    dana sesudah sebelum setelah penyerapan hasil persen skpd organisasi instansi bertambah berkurang
    """.split())
# The header words that name a table's columns strongly enough to mark where a table starts; the
# word reader (extract/pdf/line_kinds.py) counts those that start a word of a line, each one of HEADER_WORDS.
TABLE_START_WORDS = ("indikator", "program", "kegiatan", "sasaran", "target", "realisasi", "anggaran",
                     "uraian", "satuan", "capaian", "kategori")


# Short words that legitimately start a wrapped line; any other short lower-case piece after a
# line break is the tail of a word split by a narrow column ("Triwula|nan", "memutakhirk|an").
FUNCTION_WORDS = STOP_WORDS | {"ini", "itu", "per", "se", "sd", "s/d", "dg", "yg", "tdk", "dll", "dsb", "dgn",
                              "thn", "org"}
SPLIT_WORD_RE = re.compile(r"(?<=[a-z])\n([a-z]{1,3})(?=$|[^a-z])")


# A line broken after the hyphen of a compound word: the next line goes on in lower case.
HYPHEN_BREAK_RE = re.compile(r"(?<=[A-Za-z]-)[ \t]*\n\s*(?=[A-Za-z])")
# A ligature (fi, fl) that a text layer gives a gap after its f: "Verif ikasi", "Sertif ikasi".
LIGATURE_GAP_RE = re.compile(r"\b([A-Za-z]+f) ([il][a-z]+)")
BROKEN_WORD_RE = re.compile(r"([A-Za-z]+)\n([A-Za-z]+)")


# Two words printed without their space ("ManajemenInformasi" in a text layer, "NilaiReformasi"
# from OCR), split when both are words of the nomenclature names (not an app name like "SimpelDesa").
JOINED_WORDS_RE = re.compile(r"\b([A-Za-z][a-z]{3,})([A-Z][a-z]{3,})\b")


def clean_cell(text: str) -> str:
    """One line of text: wrapped lines joined, words split by a narrow column rejoined."""
    text = SPLIT_WORD_RE.sub(lambda m: m.group(0) if m.group(1) in FUNCTION_WORDS else m.group(1), str(text))
    text = re.sub(r"\n(?=[,.;:)])", "", text)  # punctuation pushed onto the next line
    text = HYPHEN_BREAK_RE.sub("", text)  # "Hak-" / "hak", "perundang-" / "undangan": one word
    text = rejoin_broken_words(text)
    text = LIGATURE_GAP_RE.sub(_rejoin_known_word, text)
    text = JOINED_WORDS_RE.sub(_split_known_words, text)
    return " ".join(text.split())


def _split_known_words(match: re.Match) -> str:
    words = reference.nomenclature_words()
    first, second = match.group(1), match.group(2)
    return f"{first} {second}" if first.lower() in words and second.lower() in words else match.group(0)


def rejoin_broken_words(text: str) -> str:
    """Words a line break cut without a hyphen ('Per' / 'encanaan'), joined where known (_rejoin_known_word)."""
    return BROKEN_WORD_RE.sub(_rejoin_known_word, text)


def _rejoin_known_word(match: re.Match) -> str:
    """'Tri' + 'wulanan', 'K' + 'EPENTINGAN': a word broken at any letter by a column too narrow
    for it is joined when the whole is a word of the national program / kegiatan names and a
    piece is not."""
    head, tail = match.group(1), match.group(2)
    words = reference.nomenclature_words()
    whole = (head + tail).lower()
    if whole in words and (head.lower() not in words or tail.lower() not in words):
        return head + tail
    return match.group(0)


def holds_word(text: str, letters: int = 2) -> bool:
    """A run of at least `letters` letters, the currency mark 'Rp' aside: a word, not only numbers
    ('Rp 1,290,523,409.00 91.37': two values in one cell)."""
    return re.search(rf"[^\W\d_]{{{letters},}}", re.sub(r"\bRp\.?", "", text, flags=re.IGNORECASE)) is not None


def capitals_share(text: str) -> float:
    """Share of the text's letters set in capitals (0 without letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def in_capitals(text: str) -> bool:
    """Set in capitals, an abbreviation or a stray lower-case letter aside ('PROGRAM ... KAB/Kota')."""
    return capitals_share(text) > 0.8
