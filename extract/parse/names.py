"""Indicator and budget-line names as printed -> clean names (the one place for name cleaning).

Reports print a name with its row numbering ("1.", "a.", "1-", "1.2", "IV."), a bullet ("•", "-"),
footnote marks ("IDG*", "Nilai^1", "Gender²"), a drop capital split from its word by the text
layer ("P ersentase", "R atio"), letters spaced out for emphasis ("J U M L A H") or underscores for
spaces ("Angka_keberhasilan", a text-layer artefact). The clean name drops all of them; the records
keep the printed text beside it (`*_name_raw`, parse/records.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract import reference
from extract.text import STOP_WORDS

# The marks in front of one name, stripped (also what makes a row a sub-item, parse/indicators.py).
# Not ITEM_START_RE there: that one splits one cell's lines into several names.
BULLET_RE = re.compile(r"^[•·●▪■◦○►➢✓*\-–—]+\s*")
# Row numbering ahead of a name: "1.", "1)", "(1)", "1-", "1.2", "1.2.", "5 . 2 . 15", "a.", "b)",
# "(c)", "IV.", and a bare "1 " before a capitalised word. Groups after the first have one or two
# digits: "1.000 Desa" is a number, not numbering.
NUMBERING_RE = re.compile(r"""^(?:
      \(?\d{1,3}(?:\s?\.\s?\d{1,2})+\.?\s+       # 1.2 / 1.2. / 5 . 2 . 15
    | \(?\d{1,3}\s?(?:[.)](?!\d)|-(?=\s))\s*       # 1. / 1) / 1- (not "1.000 Desa", "3-5 tahun")
    | \(\d{1,3}\)\s*                                # (1)
    | \(?[a-zA-Z][.)]\s+ | \([a-zA-Z]\)\s+         # a. / b) / (c)
    | [IVX]{1,5}[.)]\s+                             # IV.
    | \d{1,2}\s+(?=[A-Z][a-z])                      # 1 Persentase
    )""", re.VERBOSE)
FOOTNOTE_RE = re.compile(r"(?<=\S)(?:\*+\)?|\^\d*|[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+)(?=\s|$|[),;:])")
DROP_CAPITAL_RE = re.compile(r"^([A-Z]) ([a-z]{2,})\b")
LETTER_SPACED_RE = re.compile(r"\b[A-Za-z](?: [A-Za-z]){2,}\b")
TRAILING_RE = re.compile(r"[\s:;,.]+$")


def clean_name(printed: str | None) -> str:
    """The name without numbering, bullets, footnote marks, split or spaced letters."""
    text = re.sub(r"(?<=\S)_+(?=\w)", " ", str(printed or ""))  # a text layer's "Angka_keberhasilan"
    text = LETTER_SPACED_RE.sub(lambda m: _unspaced(m.group(0)), text)
    text = " ".join(text.split())
    previous = None
    while previous != text:  # "1. a. • Persentase": numbering and bullets nest
        previous = text
        text = NUMBERING_RE.sub("", BULLET_RE.sub("", text), count=1).strip()
    text = FOOTNOTE_RE.sub("", text)
    text = DROP_CAPITAL_RE.sub(_drop_capital, text)
    return TRAILING_RE.sub("", " ".join(text.split())) or " ".join(str(printed or "").split())


class PrintedName:
    """A record whose name field (`name_field`) is cleaned when it is made, the printed text kept in
    `<name_field>_raw`; a record read back with its raw name set is left as it is."""
    name_field = "indicator_name"

    def __post_init__(self) -> None:
        raw_field = f"{self.name_field}_raw"
        if getattr(self, raw_field) is None:
            printed = getattr(self, self.name_field)
            setattr(self, raw_field, printed)
            setattr(self, self.name_field, clean_name(printed))


def sub_item_name(parent: str, item: str) -> str:
    """'Jumlah produksi :' and '- Daging' -> 'Jumlah produksi - Daging'."""
    return f"{clean_name(parent)} - {clean_name(item)}"


LEVEL_WORD_RE = re.compile(r"^(?:sub[ -]?kegiatan|kegiatan|program)\s+")
LEVEL_WORDS = frozenset({"sub", "kegiatan", "program"})


def is_standard_name(printed: str, start: bool = False) -> bool:
    """A program / kegiatan / sub-kegiatan name of the national nomenclature (Permendagri 90/2019), as
    printed with or without its numbering, level word ("Kegiatan ..."), capitals and punctuation; with
    `start`, also the first words of one (a report may leave off "di Daerah Kabupaten/Kota")."""
    key = _name_key(printed)
    return bool(key) and key in (_standard_starts() if start else _standard_names())


def has_standard_words(printed: str) -> bool:
    """Whether the printed words, in some order, are those of a nomenclature name: the cheap test before
    trying the orders of a name's lines."""
    return _word_bag(_name_key(printed)) in _standard_bags()


@lru_cache(maxsize=1)
def _standard_bags() -> frozenset[str]:
    return frozenset(_word_bag(name) for name in _standard_names())


def _word_bag(key: str) -> str:
    return " ".join(sorted(w for w in key.split() if w not in LEVEL_WORDS))


@lru_cache(maxsize=1)
def _standard_names() -> frozenset[str]:
    return frozenset(_name_key(name) for name in reference.nomenclature_names())


@lru_cache(maxsize=1)
def _standard_starts() -> frozenset[str]:
    return frozenset(" ".join(words[:n]) for name in _standard_names() if (words := name.split())
                     for n in range(1, len(words) + 1))


def _name_key(text: str) -> str:
    """Words in lower case without punctuation, level word and the suffix -an of long words (reports print
    "Urusan Pemerintah Daerah" for the nomenclature's "Urusan Pemerintahan Daerah")."""
    words = " ".join(re.findall(r"[a-z0-9]+", clean_name(text).lower()))
    return re.sub(r"(?<=[a-z]{6})an\b", "", LEVEL_WORD_RE.sub("", words))


def _drop_capital(match: re.Match) -> str:
    """'P ersentase' -> 'Persentase'; 'A dan B' keeps its word."""
    return match.group(0) if match.group(2) in STOP_WORDS else match.group(1) + match.group(2)


def _unspaced(text: str) -> str:
    """'J U M L A H' -> 'JUMLAH'. Spaced words run together once their double spaces are gone
    ('T O T A L B E L A N J A'): split where both halves are words of the nomenclature."""
    joined = text.replace(" ", "")
    words = reference.nomenclature_words()
    if joined.lower() in words:
        return joined
    for cut in range(2, len(joined) - 1):
        if joined[:cut].lower() in words and joined[cut:].lower() in words:
            return f"{joined[:cut]} {joined[cut:]}"
    return joined
