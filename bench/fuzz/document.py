"""The content rendered for one seed: a title block, and for each benchmark table its section
heading, a couple of the seed's paragraphs before and after it, the caption and the rows.

Tables are read from the seed text the way tests/seed_tables.table_lines reads them (the
tab-separated lines after the caption, the longest such block when the caption also appears in
the list of tables, blank lines inside a table skipped), but the raw cells keep their <i>..</i>
markers so that italic rows stay italic. Cell texts are never changed: numbers such as
1.871.557.000 or 95,22 stay strings exactly as printed.

Tables (bench/expected.py SEED_TABLES): Jepara Tabel 3.3 and 3.17, Jambi Tabel 3.3, 3.8, 3.9.

build_whole_document(seed) is the whole report instead: every heading, paragraph and table of the
seed in order, the benchmark tables among the others (WholeDocument).
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


# ---------------------------------------------------------------- the whole report

_CHAPTER_RE = re.compile(r"^BAB\s+[IVX]+$")
_TOC_HEADINGS = ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR LAMPIRAN")
_FRONT_HEADINGS = ("KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "LAMPIRAN", *_TOC_HEADINGS)
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_ROW_NUMBER_RE = re.compile(r"^(\d{1,3}|[IVX]{1,5}|[A-Z])\.?$")
MAX_CAPTION_LINES = 5
MAX_CAPTION_CHARS = 160
MAX_HEADER_ROWS = 3
OTHER = "other"               # family of a table that is not a benchmark table


@dataclass
class WholeDocument:
    """Every part of a seed in order. items: (kind, payload) with kind chapter (lines) |
    front (front-matter heading: KATA PENGANTAR, DAFTAR ISI, ...) | heading (text) | para (text) |
    toc (lines of a table of contents) | table (SeedTable; family indicator / budget for the
    benchmark tables of SEED_INFO, else OTHER)."""
    seed: str
    slug: str
    title: str
    author: str
    title_lines: list[str]
    items: list[tuple[str, object]]

    @property
    def tables(self) -> list[SeedTable]:
        return [payload for kind, payload in self.items if kind == "table"]

    @property
    def benchmark_tables(self) -> list[SeedTable]:
        return [t for t in self.tables if t.family != OTHER]


def _clean_cell(cell: str) -> str:
    """A non-benchmark cell limited to characters all font families have (<i> markers kept)."""
    return "".join(ch if (32 <= ord(ch) < 127 or ch in _SAFE_EXTRA) else " " for ch in cell).strip()


def header_rows(rows: list[list[str]]) -> int:
    """Header rows of a table that is not a benchmark table: the rows before the first body row,
    at most MAX_HEADER_ROWS. A body row has a numeric value cell (not a bare year, not a row
    number) or opens with a row number or group letter ("1", "2.", "IV", "A"); a column-numbering
    row ("1 2 3 4") is still header. A table without any body row has one header row."""
    from .layout import is_numeric

    for n, row in enumerate(rows):
        plain = [strip_markup(c) for c in row]
        filled = [c for c in plain if c]
        if len(filled) >= 3 and all(c.startswith(str(k + 1)) for k, c in enumerate(filled[:3])):
            continue   # column numbering ("1 2 3 ... 6 = (5-4)")
        if _ROW_NUMBER_RE.match(plain[0]) or any(is_numeric(c) and not _YEAR_RE.match(c) for c in filled):
            return min(n, MAX_HEADER_ROWS)
    return min(1, len(rows))


def _caption_lines(lines: list[str], i: int) -> list[str] | None:
    """The caption starting at line i when a table follows within a few short lines, else None."""
    caption = [lines[i].strip()]
    for line in lines[i + 1:i + 1 + 2 * MAX_CAPTION_LINES]:
        if "\t" in line:
            return caption
        s = line.strip()
        if not s:
            continue
        if len(caption) >= MAX_CAPTION_LINES or len(s) > MAX_CAPTION_CHARS or _CAPTION_RE.match(s):
            return None
        caption.append(s)
    return None


_NO_RE = re.compile(r"^no\.?$", re.I)


def _table_rows(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Like _rows_after, but a blank line followed by a row opening with "No" starts another
    table (the seeds print consecutive uncaptioned tables that way), unless that row repeats the
    table's first row: then the repeated leading rows (a header printed again after a page break
    of the original) are dropped."""
    rows: list[list[str]] = []
    i, blank = start + 1, False
    while i < len(lines):
        line = lines[i]
        if "\t" not in line:
            if line.strip() and rows:
                break
            blank, i = blank or bool(rows), i + 1
            continue
        row = [c.strip() for c in line.split("\t")]
        if blank and _NO_RE.match(row[0]):
            if row != rows[0]:
                break
            k = 0
            while i + k < len(lines) and k < len(rows) and [c.strip() for c in lines[i + k].split("\t")] == rows[k]:
                k += 1
            i, blank = i + k, False
            continue
        rows.append(row)
        blank, i = False, i + 1
    return rows, i


def _other_table(rows: list[list[str]], caption: list[str], line: int) -> SeedTable:
    rows = [[_clean_cell(c) for c in r] for r in rows]
    n = header_rows(rows)
    m = _CAPTION_RE.match(caption[0]) if caption else None
    key = m.group(0) if m else f"(no caption, line {line + 1})"
    return SeedTable(key, OTHER, caption, rows[:n], rows[n:], line=line)


def _text_item(lines: list[str], i: int) -> tuple[list[tuple[str, object]], int]:
    """Items of the non-table line i and the index of the next line to read."""
    s = lines[i].strip()
    if _CHAPTER_RE.match(s):
        j = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), len(lines))
        if j < len(lines) and "\t" not in lines[j] and not _SECTION_RE.match(lines[j].strip()):
            return [("chapter", [s, clean_prose(lines[j])])], j + 1
        return [("chapter", [s])], i + 1
    if s in _FRONT_HEADINGS:
        return [("front", s)], i + 1
    if _SECTION_RE.match(s) and len(s) < 200:
        return [("heading", clean_prose(s))], i + 1
    text = clean_prose(s)
    return ([("para", text)] if text else []), i + 1


@cache
def _build_whole(seed: str) -> WholeDocument:
    info, doc = SEED_INFO[seed], _build(seed)
    lines = seed_path(seed).read_text(encoding="utf-8").splitlines()
    bench = {t.line: t for t in doc.tables}
    start = next((i for i, line in enumerate(lines) if line.strip() == "KATA PENGANTAR"), 0)
    items: list[tuple[str, object]] = []
    last_text, i = None, start
    while i < len(lines):
        line, s = lines[i], lines[i].strip()
        if not s:
            i += 1
            continue
        caption = _caption_lines(lines, i) if "\t" not in line and _CAPTION_RE.match(s) else None
        if i in bench:
            items.append(("table", bench[i]))
            i = _rows_after(lines, i)[1]
        elif "\t" in line or caption:
            rows, end = _table_rows(lines, i if caption else i - 1)
            if caption is None and last_text in _TOC_HEADINGS:
                items.append(("toc", [clean_prose(" ".join(r)) for r in rows]))
            else:
                items.append(("table", _other_table(rows, caption or [], i)))
            i = end
        else:
            new, i = _text_item(lines, i)
            items += new
        last_text = s if "\t" not in line else None
    return WholeDocument(seed, info.slug, info.title, info.author, doc.title_lines, items)


def build_whole_document(seed: str) -> WholeDocument:
    """The whole seed report ('jepara' | 'jambi') in order; cached, treat as read-only."""
    from .variants import seed_name

    return _build_whole(seed_name(seed))
