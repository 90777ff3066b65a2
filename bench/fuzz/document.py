"""The content rendered for one seed: a title block, and for each benchmark table its section
heading, a couple of the seed's paragraphs before and after it, the caption and the rows.

Tables are read from the seed text the way tests/seed_tables.table_lines reads them (the
tab-separated lines after the caption, the longest such block when the caption also appears in
the list of tables, blank lines inside a table skipped), but the raw cells keep their <i>..</i>
markers so that italic rows stay italic. Cell texts are never changed: numbers such as
1.871.557.000 or 95,22 stay strings exactly as printed.

Tables (bench/expected.py SEED_TABLES): Jepara Tabel 3.3 and 3.17, Jambi Tabel 3.3, 3.8, 3.9.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_DIRS = [Path(os.environ["LKJIP_FUZZ_SEEDS"])] if os.environ.get("LKJIP_FUZZ_SEEDS") else []
SEED_DIRS += [ROOT / "samples" / "seeds", ROOT.parent / "shared" / "seeds"]


@dataclass(frozen=True)
class SeedInfo:
    file: str
    slug: str
    title: str            # PDF metadata title
    author: str
    tables: tuple         # (caption prefix, family, header row count)


SEED_INFO = {
    "jepara": SeedInfo(
        "lkjip_jepara_2024_diskopukmnakertrans.txt", "lkjip_jepara_2024",
        "LKjIP 2024 Dinas Koperasi UKM Tenaga Kerja dan Transmigrasi Kabupaten Jepara",
        "Dinas Koperasi UKM Tenaga Kerja dan Transmigrasi Kabupaten Jepara",
        (("Tabel 3.3", "indicator", 2), ("Tabel 3.17", "budget", 3)),
    ),
    "jambi": SeedInfo(
        "lkjip_kota-jambi_2025_disnakerkopukm.txt", "lkjip_kota-jambi_2025",
        "LKjIP 2025 Dinas Tenaga Kerja, Koperasi dan UKM Kota Jambi",
        "Dinas Tenaga Kerja, Koperasi dan UKM Kota Jambi",
        (("Tabel 3.3 :", "indicator", 1), ("Tabel 3.8 :", "budget", 2), ("Tabel 3.9 :", "indicator", 2)),
    ),
}

# Characters every font family of variants.FONT_FAMILIES has; prose and title lines are cleaned
# to these (the tables themselves are plain ASCII).
_SAFE_EXTRA = set("–—“”‘’•")
_SECTION_RE = re.compile(r"^\d+(\.\d+)+\.?\s+\S")
_CAPTION_RE = re.compile(r"^tabel\s+\d+(\.\d+)*", re.I)


@dataclass
class SeedTable:
    caption_prefix: str
    family: str                   # indicator | budget
    caption: list[str]            # caption lines as printed ("Tabel 3.17", "Realisasi Anggaran", ...)
    header: list[list[str]]       # raw cells of the header rows (incl. a column-numbering row)
    body: list[list[str]]         # raw cells of the body rows (<i>..</i> kept)
    heading: str | None = None    # section heading above the table in the seed
    before: list[str] = field(default_factory=list)   # seed paragraphs right before the caption
    after: list[str] = field(default_factory=list)    # seed paragraphs right after the table
    line: int = 0                 # line index of the caption in the seed

    @property
    def rows(self) -> list[list[str]]:
        return self.header + self.body

    @property
    def key(self) -> str:
        return self.caption_prefix.strip(" :")


@dataclass
class Document:
    seed: str                     # jepara | jambi
    slug: str
    title: str
    author: str
    title_lines: list[str]        # cover / title block
    chapter: list[str]            # e.g. ["BAB III", "AKUNTABILITAS KINERJA"]
    intro: list[str]              # paragraphs between the title block and the first table
    tables: list[SeedTable]       # in seed order
    pool: list[str]               # other seed paragraphs, for lead-in prose

    def filler(self, table_index: int, count: int, salt: int) -> list[str]:
        """`count` pool paragraphs, chosen deterministically from (table_index, salt)."""
        if not self.pool or count <= 0:
            return []
        start = (salt * 7919 + table_index * 104729) % len(self.pool)
        return [self.pool[(start + j) % len(self.pool)] for j in range(count)]


def seed_path(seed: str) -> Path:
    name = SEED_INFO[seed].file
    for d in SEED_DIRS:
        if (d / name).is_file():
            return d / name
    raise FileNotFoundError(f"{name} not found in {', '.join(map(str, SEED_DIRS))} (set LKJIP_FUZZ_SEEDS)")


def clean_prose(text: str) -> str:
    """Prose/title text limited to characters all font families have; markdown markers dropped."""
    text = text.replace("**", "").replace("$$", "")
    text = "".join(ch if (32 <= ord(ch) < 127 or ch in _SAFE_EXTRA) else " " for ch in text)
    return " ".join(text.split())


def strip_markup(cell: str) -> str:
    return re.sub(r"</?i>", "", cell).strip()


def _rows_after(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Raw rows after a caption (as tests/seed_tables._rows_after) and the index of the line after."""
    rows, seen = [], False
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            seen = True
            rows.append([c.strip() for c in line.split("\t")])
        elif line.strip() and seen:
            break
        i += 1
    return rows, i


def _is_prose(line: str) -> bool:
    s = line.strip()
    return bool(s) and "\t" not in line and not _CAPTION_RE.match(s) and not _SECTION_RE.match(s) \
        and not re.match(r"^BAB\s+[IVX]+$", s) and len(s) >= 40


def read_table(lines: list[str], prefix: str, family: str, nhead: int) -> SeedTable:
    starts = [i for i, line in enumerate(lines) if line.strip().startswith(prefix)]
    if not starts:
        raise ValueError(f"caption {prefix!r} not found")
    best = max(starts, key=lambda s: len(_rows_after(lines, s)[0]))
    rows, end = _rows_after(lines, best)
    caption = [lines[best].strip()]
    for line in lines[best + 1:best + 8]:
        if "\t" in line:
            break
        if line.strip():
            caption.append(line.strip())
    # seed paragraphs before the caption (back to the section heading or another table)
    before, heading = [], None
    for line in reversed(lines[max(0, best - 25):best]):
        s = line.strip()
        if "\t" in line or _CAPTION_RE.match(s) or re.match(r"^BAB\s+[IVX]+$", s):
            break
        if _SECTION_RE.match(s) and len(s) < 200:
            heading = clean_prose(s)
            break
        if _is_prose(line) and len(before) < 2:
            before.insert(0, clean_prose(s))
    after = []
    for line in lines[end:end + 12]:
        s = line.strip()
        if "\t" in line or _CAPTION_RE.match(s) or _SECTION_RE.match(s) or re.match(r"^BAB\s+[IVX]+$", s):
            break
        if _is_prose(line):
            after.append(clean_prose(s))
            if len(after) == 2:
                break
    return SeedTable(prefix, family, caption, rows[:nhead], rows[nhead:], heading, before, after, best)


@cache
def _build(seed: str) -> Document:
    info = SEED_INFO[seed]
    lines = seed_path(seed).read_text(encoding="utf-8").splitlines()
    try:
        k = next(i for i, line in enumerate(lines) if line.strip() == "KATA PENGANTAR")
    except StopIteration:
        k = 0
    title_lines = [t for t in (clean_prose(line) for line in lines[:k]) if t]
    chapter: list[str] = []
    for i, line in enumerate(lines):
        if line.strip() == "BAB III":
            nxt = next((x.strip() for x in lines[i + 1:i + 6] if x.strip()), "")
            chapter = ["BAB III", clean_prose(nxt)] if nxt and "\t" not in nxt else ["BAB III"]
    tables = [read_table(lines, p, fam, nh) for p, fam, nh in info.tables]
    tables.sort(key=lambda t: t.line)
    for prev, t in zip(tables, tables[1:]):  # paragraphs between two tables: printed once
        prev.after = [p for p in prev.after if p not in t.before]
    used = {p for t in tables for p in t.before + t.after}
    try:
        body_start = max(i for i, line in enumerate(lines) if line.strip() == "BAB I")
    except ValueError:
        body_start = k
    pool = []
    for line in lines[body_start:]:
        if _is_prose(line) and len(line.strip()) >= 100:
            p = clean_prose(line)
            if p not in used and p not in pool:
                pool.append(p)
    intro = pool[:2]
    return Document(seed, info.slug, info.title, info.author, title_lines, chapter, intro, tables, pool[2:])


def build_document(seed: str) -> Document:
    """The content of one seed ('jepara' | 'jambi'); cached, treat as read-only."""
    from .variants import seed_name

    return _build(seed_name(seed))
