"""Tables of kinds the warehouse does not model, named by their content: recognised, never loaded as facts.

A report prints more than its indicators and budget: statistics of its region by kab/kota, its staff
by rank or schooling, the scores of its SAKIP evaluation, its revenue against target, its office goods. Left `unknown`
they hide the tables that are lost facts; named, a reader of `raw.tables` knows what they hold. Each
rule reads the header words and the content of the columns, and only tables no fact family claimed
come here (`families.classify`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract import reference
from extract.numerals import looks_numeric, parse_number
from extract.parse.names import NUMBERING_RE

REGIONAL_STATISTICS = "regional_statistics"  # one row per kab/kota (or province): the region's figures
STAFF = "staff"  # head counts of the agency's staff by golongan, education, position, sex
EVALUATION_SCORES = "evaluation_scores"  # weights and scores of an evaluation's components (SAKIP, APIP)
REVENUE_REALIZATION = "revenue_realization"  # pendapatan / pembiayaan against its target: income, not spending
ASSETS = "assets"  # the agency's goods and facilities (barang, sarana dan prasarana) with their counts
FAMILIES = (REGIONAL_STATISTICS, STAFF, EVALUATION_SCORES, REVENUE_REALIZATION, ASSETS)

MIN_ROWS = 3
MAX_COUNT = 100_000  # a head count or a count of goods; rupiah amounts are larger
# An evaluation prints each component (perencanaan, pengukuran, pelaporan, evaluasi kinerja) with its weight.
EVALUATION_RE = re.compile(r"\bkomponen\b.*\bbobot\b|\bbobot\b.*\bkomponen\b")
# Head counts by golongan / pangkat / eselon, of PNS / ASN / pegawai.
STAFF_RE = re.compile(r"\bgolongan\b|\bpangkat\b|\beselon\b|\bpegawai\b|\bpns\b|\basn\b|\baparatur\b")
ASSET_RE = re.compile(r"\bbarang\b|\baset\b|\bsarana\b|\bprasarana\b|\binventaris\b")
REVENUE_RE = re.compile(r"\bpendapatan\b|\bpembiayaan\b|\bpenerimaan\b|\bretribusi\b|\bpajak\b")
REGION_PREFIX_RE = re.compile(r"^(?:kabupaten|kab|kota|provinsi|propinsi|prov)\b\.?\s*")


def unmodelled_family(rows: list[list[str]], labels: list[str], heading: str, amount_columns: int) -> str | None:
    """The family of a table no fact family claimed, from its header words (`labels`, caption and title in
    `heading`) and its data `rows`; `amount_columns` counts its columns of rupiah magnitudes. None: unknown."""
    text = " ".join([*labels, heading.lower()])
    if EVALUATION_RE.search(text):
        return EVALUATION_SCORES
    if REVENUE_RE.search(text) and "belanja" not in text and amount_columns \
            and re.search(r"target|anggaran|pagu", text) and "realisasi" in text:
        return REVENUE_REALIZATION
    values = value_columns(rows)
    if values and is_region_column(rows, name_column(rows)):
        return REGIONAL_STATISTICS
    counts = bool(values) and not amount_columns and _are_counts([c for col in values for c in _column(rows, col)])
    if counts and ASSET_RE.search(text):  # before staff: "Sarana Penunjang Kinerja Pegawai" are goods
        return ASSETS
    if counts and STAFF_RE.search(text):
        return STAFF
    return None


def name_column(rows: list[list[str]]) -> int | None:
    """The column naming the rows: the first whose filled cells are mostly words, not numbers."""
    n_cols = max((len(r) for r in rows), default=0)
    for col in range(n_cols):
        cells = _column(rows, col)
        words = sum(bool(re.search(r"[A-Za-z]{3}", c)) and not looks_numeric(c) for c in cells)
        if words >= MIN_ROWS and 2 * words >= len(cells):
            return col
    return None


def is_region_column(rows: list[list[str]], col: int | None) -> bool:
    """The rows are regions: at least MIN_ROWS of the name column's cells, and at least half, name a kab/kota or
    province ("Kab Bogor", "KOTA BANDUNG", "Nias", "SUMATERA UTARA"); a total row or a header may share it."""
    cells = _column(rows, col) if col is not None else []
    regions = sum(is_region_name(c) for c in cells)
    return regions >= MIN_ROWS and 2 * regions >= len(cells)


def value_columns(rows: list[list[str]]) -> list[int]:
    """Columns of figures: at least MIN_ROWS numbers making at least half of the filled cells, not a row
    numbering."""
    n_cols = max((len(r) for r in rows), default=0)
    out = []
    for col in range(n_cols):
        cells = _column(rows, col)
        numbers = [parse_number(c) for c in cells if looks_numeric(c)]
        if len(numbers) >= MIN_ROWS and 2 * len(numbers) >= len(cells) and not _is_numbering(numbers):
            out.append(col)
    return out


def _is_numbering(numbers: list[float | None]) -> bool:
    """Row numbers: each mostly one more than the one above (a row cut off or a sub-row may skip one)."""
    steps = [b - a for a, b in zip(numbers, numbers[1:]) if a is not None and b is not None]
    return bool(steps) and 5 * sum(step == 1 for step in steps) >= 4 * len(steps)


def _column(rows: list[list[str]], col: int) -> list[str]:
    return [r[col] for r in rows if col < len(r) and r[col].strip()]


def is_region_name(text: str) -> bool:
    """'Kab. Nias', 'KOTA MEDAN', '01. Nias' (a list numbered by the regions' codes)."""
    name = REGION_PREFIX_RE.sub("", NUMBERING_RE.sub("", " ".join(text.lower().split()), count=1)).strip(" .")
    return name in region_names() or name.replace(" ", "") in region_names()


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Bare names of every kabupaten, kota and province of the reference seeds, as printed and without spaces."""
    names = [re.sub(r"^(kabupaten|kota)\s+", "", r["regency_name"].lower()) for r in reference.regencies()]
    names += [r["province_name"].lower() for r in reference.provinces()]
    names += [(r.get("bps_name") or "").lower() for r in (*reference.regencies(), *reference.provinces())]
    names = [" ".join(n.split()) for n in names if n.strip()]
    return frozenset(names + [n.replace(" ", "") for n in names])


def _are_counts(cells: list[str]) -> bool:
    """Counts of people or things: whole numbers below rupiah magnitudes, without a percent sign or decimals (a
    shortfall may be negative)."""
    cells = [c for c in cells if looks_numeric(c)]
    values = [parse_number(c) for c in cells]
    return len(cells) >= MIN_ROWS and all(v is not None and abs(v) < MAX_COUNT and v == int(v) and "%" not in c
                                              and not re.search(r"\d[.,]\d{1,2}$", c) for v, c in zip(values, cells))
