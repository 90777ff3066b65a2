"""Expected facts read from the seed text (samples/seeds/*.txt), independently of extract/.

Builds on tests/seed_tables.py (tab-separated table rows under a caption). A fact is a tuple

    (family, region_code, fiscal_year, level, name, v1, v2, v3)

indicator: v1..v3 = target, realisasi, capaian (%); budget: anggaran, realisasi (Rp), % realisasi.
Names are normalised with `norm_name`, numbers rounded to 2 decimals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests import seed_tables

INDICATOR, BUDGET = "indicator", "budget"


def norm_name(text: str) -> str:
    return " ".join(str(text).replace("<i>", "").replace("</i>", "").split()).lower().rstrip(" .:;,")


def norm_value(value) -> float | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except TypeError:
        return None
    return round(float(value), 2)


def fact(family, region, year, level, name, *values) -> tuple:
    return (family, region, int(year) if year is not None else None, level, norm_name(name),
            *(norm_value(v) for v in values))


@dataclass(frozen=True)
class SeedTable:
    seed: Path
    slug: str           # file name prefix of the renderings, e.g. lkjip_jepara_2024
    region: str
    year: int
    english: bool       # number format of the seed
    caption: str        # caption prefix as printed ("Tabel 3.3 ")
    family: str
    level: str | None = None                 # indicator tables: sasaran / program
    columns: tuple[int, int, int, int] | None = None  # indicator: (name, target, realisasi, capaian) cell indexes


_JEPARA = (seed_tables.JEPARA, "lkjip_jepara_2024", "33.20", 2024, False)
_JAMBI = (seed_tables.JAMBI, "lkjip_kota-jambi_2025", "15.71", 2025, True)
SEED_TABLES = [
    SeedTable(*_JEPARA, "Tabel 3.3", INDICATOR, "sasaran", (2, 4, 5, 6)),
    SeedTable(*_JEPARA, "Tabel 3.17", BUDGET),
    SeedTable(*_JAMBI, "Tabel 3.9 :", INDICATOR, "sasaran", (2, 3, 4, 5)),
    SeedTable(*_JAMBI, "Tabel 3.3 :", INDICATOR, "program", (2, 4, 5, 6)),
    SeedTable(*_JAMBI, "Tabel 3.8 :", BUDGET),
]


def _number(cell: str, english: bool) -> float | None:
    text = cell.replace("%", "").strip()
    if not re.fullmatch(r"(Rp\.? ?)?[\d.,]+", text) or not any(ch.isdigit() for ch in text):
        return None
    return seed_tables._number(text, english)


def indicator_facts(t: SeedTable) -> list[tuple]:
    name_col, target_col, real_col, ach_col = t.columns
    out = []
    for cells in seed_tables.table_lines(t.seed, t.caption):
        if len(cells) <= ach_col or not re.search(r"[A-Za-z]", cells[name_col]):
            continue
        target, real, ach = (_number(cells[c], t.english) for c in (target_col, real_col, ach_col))
        if real is None or ach is None:
            continue  # header and column-number rows
        out.append(fact(INDICATOR, t.region, t.year, t.level, cells[name_col], target, real, ach))
    return out


def budget_facts(t: SeedTable) -> list[tuple]:
    """Rows with two amounts and a percentage (the rule of tests/seed_tables.budget_lines, which
    this mirrors, keeping the row numbering). The level from the seed's own conventions:
    PROGRAM ... and JUMLAH/Total by name; Jepara numbers only its sub-kegiatan, Jambi writes its
    kegiatan in capitals."""
    lines: list[list] = []  # [name, numbered, budget, realization, pct]
    for cells in seed_tables.table_lines(t.seed, t.caption):
        amounts = [c for c in cells if seed_tables._is_amount(c)]
        texts = [c for c in cells if c and not seed_tables._is_amount(c)
                 and not re.fullmatch(r"\d+\.?|\d+ \d+|[%0-9 ]+", c)]
        if len(amounts) >= 3:
            numbered = bool(cells and re.fullmatch(r"\d{1,3}\.?", cells[0].strip()))
            lines.append([" ".join(texts), numbered] + [seed_tables._number(a, t.english) for a in amounts[:3]])
        elif texts and lines and not amounts and not texts[0].startswith("BIDANG"):
            lines[-1][0] += " " + " ".join(texts)
    out = []
    for name, numbered, budget, realization, pct in lines:
        if re.match(r"^(jumlah|total)\b", name, re.I):
            level = "total"
        elif name.upper().startswith("PROGRAM"):
            level = "program"
        elif t.english:
            letters = [c for c in name if c.isalpha()]
            level = "kegiatan" if sum(c.isupper() for c in letters) / max(1, len(letters)) > 0.8 else "sub_kegiatan"
        else:
            level = "sub_kegiatan" if numbered else "kegiatan"
        out.append(fact(BUDGET, t.region, t.year, level, name, budget, realization, pct))
    return out


def expected_for(slug: str) -> dict[str, list[tuple]]:
    """{'indicator': [...], 'budget': [...]} for one seed (by rendering slug)."""
    result: dict[str, list[tuple]] = {INDICATOR: [], BUDGET: []}
    for t in SEED_TABLES:
        if t.slug == slug:
            result[t.family] += indicator_facts(t) if t.family == INDICATOR else budget_facts(t)
    return result


def captions_for(slug: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {INDICATOR: [], BUDGET: []}
    for t in SEED_TABLES:
        if t.slug == slug:
            result[t.family].append(t.caption.strip(" :"))
    return result
