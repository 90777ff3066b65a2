"""Indicator names as printed -> the standard indicator catalog (seed std_indicator_catalog.csv).

A printed name is normalised (numbering, footnote marks, glued words, brackets, spelling variants, region
names and agency qualifiers removed) and compared with every catalog name, variant and abbreviation:
weighted token overlap (rare words weigh more) and character similarity (rapidfuzz). The measure its head
word names (a count, a share, a score) and its printed unit must fit the catalog unit; the agency's urusan
adds a little evidence. Below THRESHOLD the row stays unmatched and goes to review with its best candidates.
Run inside `dbt build` by the Python model int_indicator_matches, and by bench/matching.py.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from extract import reference

CATALOG_SEED = "std_indicator_catalog.csv"
THRESHOLD = 0.78      # below: unmatched (review mart)
REVIEW_BELOW = 0.85   # matched, but listed for review
URUSAN_BONUS = 0.03   # the agency's urusan is the catalog entry's urusan
ABBREVIATION_SCORE = 0.95
CORRECTION_CUTOFF = 88  # rapidfuzz ratio from a misspelt word to a catalog word ('Privalensi', 'masyakarakat')
CONTAINED_MIN_WORDS = 5  # a catalog text of this many specific words printed whole inside a longer name ...
CONTAINED_SCORE = 0.9    # ... scores this (the rest of the name qualifies it: place, frequency, standard)

# Common spellings, shorthands and synonyms of Indonesian report writing, to the catalog's words.
SPELLING = {
    "persentasi": "persentase", "prosentase": "persentase", "presentase": "persentase", "prosentasi": "persentase",
    "resiko": "risiko", "ratio": "rasio", "indek": "indeks", "index": "indeks", "dgn": "dengan", "dg": "dengan",
    "yg": "yang", "utk": "untuk", "thd": "terhadap", "jml": "jumlah", "ketentraman": "ketenteraman",
    "survey": "survei", "prilaku": "perilaku", "berprilaku": "berperilaku", "usia": "umur", "kab": "kabupaten",
}
STOP_WORDS = frozenset("yang dan di ke dari pada dengan terhadap oleh untuk dalam serta telah sudah the of per "
                       "tahun".split())
# Words that say what is measured or which way it should move, not which quantity: they weigh little.
GENERIC_WORDS = frozenset("persentase jumlah cakupan angka tingkat rasio nilai indeks capaian rata skor level "
                          "predikat proporsi hasil peningkatan penurunan meningkatnya menurunnya meningkat menurun "
                          "terkendalinya kabupaten kota provinsi daerah wilayah".split())
GENERIC_WEIGHT = 0.25
# The agency itself as a qualifier ("Nilai SKM PD", "Indeks RB Perangkat Daerah"): the same quantity.
AGENCY_QUALIFIER = re.compile(r"\b(?:perangkat daerah|opd|skpd|pd)\b")
# Head words by the measure they name; a count is never a share or a score, a share never a score.
HEAD_KIND = {"jumlah": "count", "banyaknya": "count", "persentase": "share", "proporsi": "share",
             "cakupan": "share", "indeks": "score", "nilai": "score", "skor": "score", "predikat": "score",
             "level": "score", "maturitas": "score", "opini": "score"}
UNIT_KIND = {"%": "share", "persen": "share", "indeks": "score", "nilai": "score", "skor": "score",
             "poin": "score", "predikat": "score", "level": "score", "orang": "count", "unit": "count",
             "dokumen": "count", "buah": "count", "kali": "count", "kegiatan": "count", "desa": "count",
             "perusahaan": "count", "kk": "count", "laporan": "count", "paket": "count"}
INCOMPATIBLE = {("count", "share"), ("count", "score"), ("count", "rate"), ("share", "score")}


@dataclass(frozen=True)
class Normalized:
    text: str                      # lower-case words joined by one space
    abbreviations: tuple[str, ...]  # upper-case shorthands printed in brackets or inline ("IPM", "TFR")
    head: str | None               # measure kind named by the first word: count, share, score


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    unit: str
    polarity: str
    urusan: frozenset[str]
    texts: tuple[tuple[str, str], ...]  # (normalised text, method if it matches exactly)
    abbreviations: frozenset[str]


@dataclass(frozen=True)
class Candidate:
    code: str
    score: float


@dataclass(frozen=True)
class Match:
    name_printed: str
    name_normalized: str
    indicator_code: str | None
    score: float
    method: str | None
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)  # the 3 best, matched or not


def _strip_print_marks(name: str) -> str:
    """Numbering, footnote marks and glued words of the printed name removed."""
    text = name.replace("_", " ").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)                     # 'ManajemenInformasi'
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-zA-Z][.)]|[ivxIVX]+\.)\s+", "", text)  # '1.1 ', 'a. '
    text = re.sub(r"\s+/\s*([A-Z][A-Za-z0-9-]*[A-Z0-9])(?=\s*(?:\(|\*|$))", r" (\1)", text)  # 'Gender / IPG'
    return re.sub(r"(?:\s*[*\u00b9\u00b2\u00b3\u2020]+\)?)+\s*$", "", text).strip(" :.;,")


def _abbreviation(text: str) -> str | None:
    t = text.strip()
    return t if re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]", t) and sum(c.isupper() for c in t) >= 2 else None


def _words(text: str) -> list[str]:
    words = re.findall(r"[a-z]+|\d+", text.lower().replace(".", ""))
    return [SPELLING.get(w, w) for w in words]


@lru_cache(maxsize=1)
def _region_names() -> tuple[str, ...]:
    """Region names (without 'Kabupaten', 'Kota', 'Provinsi'), longest first: never part of an indicator."""
    names = {r["province_name"] for r in reference.provinces()}
    names |= {re.sub(r"^(Kabupaten|Kota|Kab\.)\s+", "", r["regency_name"]) for r in reference.regencies()}
    normalised = {" ".join(_words(n)) for n in names}
    return tuple(sorted((n for n in normalised if len(n) >= 4), key=len, reverse=True))


def drop_region_names(text: str) -> str:
    """The words without region names ('... penduduk kota tangerang selatan ...', '... inflasi jawa barat')."""
    padded = f" {text} "
    for region in _region_names():
        if f" {region} " in padded:
            padded = re.sub(rf" (?:(?:kabupaten|kota|provinsi|kab) )?{re.escape(region)}(?= )", "", padded)
    return " ".join(padded.split())


def _inline_abbreviations(main: str) -> list[str]:
    """Upper-case shorthands in the name itself, when the rest only says what is measured ('Nilai IKM OPD',
    'IPM'): in a longer name ('Jumlah unit usaha IKM') a shorthand may stand for something else."""
    tokens = re.findall(r"[A-Za-z0-9-]+", main)
    found = [t for t in tokens if _abbreviation(t) and t.isupper()]
    if len(found) == len(tokens) == 1:
        return found
    rest = AGENCY_QUALIFIER.sub(" ", " ".join(w for w in _words(main) if w.upper() not in found)).split()
    if main.isupper() or not all(w in GENERIC_WORDS or w in STOP_WORDS for w in rest):
        return []
    return found


def normalize(name: str) -> Normalized:
    """The printed name as comparable words, with the abbreviations it prints."""
    text = _strip_print_marks(name or "")
    brackets = re.findall(r"\(([^()]*)\)", text)
    main = re.sub(r"\([^()]*\)?", " ", text)
    abbreviations = [a for a in (_abbreviation(b) for b in brackets) if a] + _inline_abbreviations(main)
    words = [w for w in _words(main) if w not in STOP_WORDS]
    joined = AGENCY_QUALIFIER.sub(" ", " ".join(words))
    joined = drop_region_names(" ".join(joined.split()))
    first = joined.split(" ", 1)[0] if joined else None
    return Normalized(" ".join(joined.split()), tuple(dict.fromkeys(abbreviations)), HEAD_KIND.get(first))


def unit_kind(unit: str | None) -> str | None:
    """The measure a printed or catalog unit names: count, share, score, or None (a quantity or unknown)."""
    u = (unit or "").strip().lower()
    if u.startswith("%"):
        return "share"
    if u.startswith("per "):
        return "rate"      # 'per 1.000 kelahiran hidup': a count divided by a population
    return UNIT_KIND.get(u.split(" ", 1)[0]) if u else None


class Catalog:
    """The catalog entries with the vocabulary weights and indexes the matcher needs."""

    def __init__(self, rows: list[dict[str, str]]):
        self.entries = [self._entry(r) for r in rows]
        self.by_code = {e.code: e for e in self.entries}
        self.exact = {}
        for e in self.entries:
            for text, method in e.texts:
                self.exact.setdefault(text, (e.code, method))
        owners = Counter(a for e in self.entries for a in e.abbreviations)
        self.abbreviation = {a: e.code for e in self.entries for a in e.abbreviations if owners[a] == 1}
        self.texts = [(text, e.code) for e in self.entries for text, _ in e.texts]
        self._weigh_words()

    def _weigh_words(self) -> None:
        """Inverse document frequency over the entries: a word of one entry weighs most, a word never seen in
        the catalog as much ('jamban', 'berkualitas' make another indicator), generic words little."""
        df = Counter(w for e in self.entries for w in {w for t, _ in e.texts for w in t.split()})
        n = len(self.entries)
        self.weight = {w: GENERIC_WEIGHT if w in GENERIC_WORDS else math.log((n + 1) / (c + 0.5))
                       for w, c in df.items()}
        self.unknown_weight = math.log((n + 1) / 0.5)
        self.vocabulary = sorted(w for w in df if len(w) >= 4)

    @staticmethod
    def _entry(row: dict[str, str]) -> Entry:
        variants = [v for v in (row.get("name_variants") or "").split("|") if v.strip()]
        abbreviations = {a.strip() for a in (row.get("abbreviations") or "").split("|") if a.strip()}
        texts = {normalize(row["indicator_name"]).text: "exact_name"}
        for v in variants:
            nv = normalize(v)
            texts.setdefault(nv.text, "variant")
            abbreviations |= set(nv.abbreviations)
        abbreviations |= set(normalize(row["indicator_name"]).abbreviations)
        abbreviations.discard("SPM")  # every SPM entry carries it
        urusan = frozenset(c.strip() for c in (row.get("bidang_urusan_code") or "").split("|") if c.strip())
        return Entry(row["indicator_code"], row["indicator_name"], row.get("unit") or "", row.get("polarity") or "",
                     urusan, tuple(texts.items()), frozenset(abbreviations))

    def correct(self, text: str) -> str:
        """Misspelt words (6+ letters, not in the catalog's vocabulary) replaced by the nearest catalog word."""
        out = []
        for w in text.split():
            if len(w) >= 6 and w not in self.weight:
                best = process.extractOne(w, self.vocabulary, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
                w = best[0] if best else w
            out.append(w)
        return " ".join(out)

    def w(self, word: str) -> float:
        return self.weight.get(word, self.unknown_weight)


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return Catalog(reference.read_seed(CATALOG_SEED))


def _token_score(catalog: Catalog, printed: set[str], text: set[str]) -> float:
    """Weighted Dice of the two word sets (a rare shared word counts more than 'persentase')."""
    common = sum(catalog.w(x) for x in printed & text)
    total = sum(catalog.w(x) for x in printed) + sum(catalog.w(x) for x in text)
    return 2 * common / total if total else 0.0


def _similarity(catalog: Catalog, printed: str, text: str) -> float:
    p, t = set(printed.split()), set(text.split())
    tokens = _token_score(catalog, p, t)
    chars = fuzz.token_sort_ratio(printed, text) / 100
    contained = len(t - GENERIC_WORDS) >= CONTAINED_MIN_WORDS and t <= p
    return max(0.6 * tokens + 0.4 * chars, CONTAINED_SCORE if contained else 0.0)


def compatible(printed: Normalized, printed_unit: str | None, entry: Entry, text: str | None = None) -> bool:
    """False when the printed name (its head word, else its printed unit) measures another kind of thing than
    the catalog entry: a count is not a share, a rate or a score, a share not a score; unless the catalog text
    (any of the entry's, when none is given) starts with the same head word. The head word wins over the unit
    label, as reports print an index in '%' ('Indeks Pembangunan Gender' 90,88 persen)."""
    kind = printed.head or unit_kind(printed_unit)
    texts = [text] if text is not None else [t for t, _ in entry.texts]
    heads = {HEAD_KIND.get(t.split(" ", 1)[0]) for t in texts if t}
    return not (kind and kind not in heads and (kind, unit_kind(entry.unit)) in INCOMPATIBLE)


def _scores(catalog: Catalog, printed: Normalized, text: str, unit: str | None,
            urusan: frozenset[str]) -> dict[str, tuple[float, str]]:
    """Best (score, method) per catalog code."""
    fits = {e.code for e in catalog.entries if compatible(printed, unit, e)}
    best: dict[str, tuple[float, str]] = {}
    for abbreviation in printed.abbreviations:
        code = catalog.abbreviation.get(abbreviation)
        if code in fits:
            best[code] = (ABBREVIATION_SCORE, "abbreviation")
    for entry_text, code in catalog.texts:
        entry = catalog.by_code[code]
        if code not in fits or not compatible(printed, unit, entry, entry_text):
            continue
        score = _similarity(catalog, text, entry_text)
        score += URUSAN_BONUS if entry.urusan & urusan else 0.0
        if score > best.get(code, (0.0, ""))[0]:
            best[code] = (min(score, 0.99), "fuzzy")
    return best


def match(name: str, unit: str | None = None, urusan: frozenset[str] | set[str] = frozenset(),
          catalog: Catalog | None = None) -> Match:
    """The catalog entry a printed indicator name stands for, with a score in 0..1 and the method."""
    catalog = catalog or default_catalog()
    printed = normalize(name)
    text = catalog.correct(printed.text)
    exact = catalog.exact.get(text)
    if exact and compatible(printed, unit, catalog.by_code[exact[0]], text):
        return Match(name, text, exact[0], 1.0, exact[1], (Candidate(exact[0], 1.0),))
    ranked = sorted(_scores(catalog, printed, text, unit, frozenset(urusan)).items(),
                    key=lambda kv: kv[1][0], reverse=True)
    candidates = tuple(Candidate(code, round(s, 4)) for code, (s, _) in ranked[:3])
    if not ranked or ranked[0][1][0] < THRESHOLD:
        return Match(name, text, None, candidates[0].score if candidates else 0.0, None, candidates)
    code, (score, method) = ranked[0]
    return Match(name, text, code, round(score, 4), method, candidates)


def series_key(name: str, catalog: Catalog | None = None) -> str:
    """The normalised name that keys an indicator series within an agency across years."""
    return (catalog or default_catalog()).correct(normalize(name).text)
