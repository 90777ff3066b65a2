"""Engine-independent table layout: a grid of cells (spans, styles, alignment) and column
widths in points, measured with the variant's TrueType fonts so every engine sizes its columns
the same way. Cell texts are the seed's; the knobs only move them between cells:

* align_values: short rows are padded before their trailing values instead of at the end
  (Jambi Tabel 3.8 mixes 5- and 6-cell rows; padded at the end the amounts are ragged, as the
  seed prints them).
* join_continuations: in budget tables a row holding only the rest of the previous line's name
  (Jambi: "Ikhtisar Realisasi Kinerja SKPD", "PARA PEMANGKU KEPENTINGAN") is joined to that name
  with a space, the way bench/expected.py and tests/seed_tables.budget_lines read it.
* merge_cells: header group cells span their sub-columns, header cells with nothing below span
  the header rows, a text cell followed by empty cells spans them (section rows such as
  "BIDANG SEKRETARIAT", "JUMLAH", "Rata-rata capaian kinerja"); in indicator tables leading
  empty cells are merged into the cell above (Jambi Tabel 3.9 "No" / "Sasaran Strategis").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import fonts
from .document import OTHER, SeedTable, WholeDocument
from .variants import Variant

MM = 72.0 / 25.4
NUMERIC_RE = re.compile(r"^(Rp\.?\s*)?[-+]?[\d.,]*\d[\d.,]*\s*%?$|^-$")
INDEX_RE = re.compile(r"^\d{1,3}\.?$")
WIDTH_SAFETY = 3.0   # pt added to every column: metric / hinting differences between engines
MIN_TABLE_FONT = 5.5


@dataclass
class Cell:
    text: str
    bold: bool = False
    italic: bool = False
    numeric: bool = False         # amount / percentage: kept on one line, aligned per variant
    index: bool = False           # row number ("1", "12.")
    header: bool = False
    colspan: int = 1
    rowspan: int = 1
    covered: bool = False         # inside another cell's span: engines draw nothing here

    @property
    def align(self) -> str:
        return "center" if self.header or self.index else "left"


@dataclass
class Grid:
    rows: list[list[Cell]]
    nhead: int                    # header rows (repeated when the variant says so)
    ncols: int
    widths: list[float] = field(default_factory=list)   # points
    font_size: float = 9.0        # table font size after shrink-to-fit
    padding: float = 3.0          # left/right cell padding, pt
    caption: list[str] = field(default_factory=list)
    key: str = ""

    @property
    def width(self) -> float:
        return sum(self.widths)

    def describe(self) -> dict:
        return {"table": self.key, "rows": len(self.rows), "header_rows": self.nhead, "columns": self.ncols,
                "font_size": self.font_size, "widths_pt": [round(w, 1) for w in self.widths],
                "spans": sum(1 for r in self.rows for c in r if c.colspan > 1 or c.rowspan > 1)}


def is_numeric(text: str) -> bool:
    return bool(NUMERIC_RE.match(text.strip())) and len(text) <= 26 and not INDEX_RE.match(text.strip())


def _is_amount(cell: str) -> bool:   # tests/seed_tables._is_amount
    if re.fullmatch(r"\d{1,2}\.?", cell):
        return False
    return bool(re.fullmatch(r"(Rp\.? ?)?[\d.,]+", cell)) and any(ch.isdigit() for ch in cell) and (
        "," in cell or "." in cell or len(cell) > 3)


def _plain(cell: str) -> str:
    return re.sub(r"</?i>", "", cell).strip()


def _is_numbering_row(row: list[str]) -> bool:
    vals = [c for c in (x.strip() for x in row) if c]
    return len(vals) >= 3 and all(v.isdigit() for v in vals)


def _join_continuations(body: list[list[str]]) -> list[list[str]]:
    """Rows without amounts that continue the name of the last row with amounts (the rule of
    tests/seed_tables.budget_lines) are appended to that row's name cell."""
    out: list[list[str]] = []
    last_amount_row = None
    for row in body:
        plain = [_plain(c) for c in row]
        amounts = [c for c in plain if _is_amount(c)]
        texts = [c for c in plain if c and not _is_amount(c) and not re.fullmatch(r"\d+\.?|\d+ \d+|[%0-9 ]+", c)]
        if len(amounts) >= 3:
            out.append(list(row))
            last_amount_row = out[-1]
            continue
        if texts and not amounts and last_amount_row is not None and not texts[0].startswith("BIDANG"):
            target = max(i for i, c in enumerate(last_amount_row)
                         if _plain(c) and not _is_amount(_plain(c)) and re.search(r"[A-Za-z]", _plain(c)))
            cell = last_amount_row[target]
            m = re.fullmatch(r"<i>(.*)</i>", cell.strip())
            joined = _plain(cell) + " " + " ".join(texts)
            last_amount_row[target] = f"<i>{joined}</i>" if m else joined
            continue
        out.append(list(row))
    return out


def _trailing_values(row: list[str]) -> int:
    n = 0
    for c in reversed(row):
        if is_numeric(_plain(c)):
            n += 1
        else:
            break
    return n


def _pad_rows(rows: list[list[str]], ncols: int, align_values: bool, nhead: int) -> list[list[str]]:
    runs = Counter(_trailing_values(r) for r in rows[nhead:] if _trailing_values(r))
    tv = runs.most_common(1)[0][0] if runs else 0
    out = []
    for r in rows:
        missing = ncols - len(r)
        if missing <= 0:
            out.append(list(r))
        elif align_values and tv and len(r) - tv >= 1:
            pos = len(r) - tv
            out.append(list(r[:pos]) + [""] * missing + list(r[pos:]))
        else:
            out.append(list(r) + [""] * missing)
    return out


def _cell(raw: str, header: bool) -> Cell:
    s = raw.strip()
    italic = bold = False
    m = re.fullmatch(r"<i>(.*)</i>", s)
    if m:
        s, italic = m.group(1).strip(), True
    m = re.fullmatch(r"\*\*(.*)\*\*", s)
    if m:
        s, bold = m.group(1).strip(), True
    s = re.sub(r"</?i>", "", s)
    return Cell(s, bold=bold or header, italic=italic, header=header,
                numeric=not header and is_numeric(s), index=not header and bool(INDEX_RE.match(s)))


def _merge(rows: list[list[Cell]], nhead: int, family: str) -> None:
    ncols = len(rows[0])
    label_rows = [r for r in range(nhead) if not _is_numbering_row([c.text for c in rows[r]])]

    def span(r, c, rs, cs):
        rows[r][c].rowspan, rows[r][c].colspan = rs, cs
        for rr in range(r, r + rs):
            for cc in range(c, c + cs):
                if (rr, cc) != (r, c):
                    rows[rr][cc].covered = True

    # header: group cells over their empty right neighbours, cells with nothing below over the label rows
    for i, r in enumerate(label_rows):
        c = 0
        while c < ncols:
            cell = rows[r][c]
            if not cell.text or cell.covered:
                c += 1
                continue
            k = 0
            while c + 1 + k < ncols and not rows[r][c + 1 + k].text and not rows[r][c + 1 + k].covered:
                k += 1
            below = label_rows[i + 1:]
            rs = 1
            if below and all(not rows[b][cc].text and not rows[b][cc].covered
                             for b in below for cc in range(c, c + k + 1)):
                rs = 1 + len(below)
            if k or rs > 1:
                span(r, c, rs, k + 1)
            c += k + 1
    # numbering row: follow the column groups of the label row above
    for r in range(nhead):
        if r in label_rows or not label_rows:
            continue
        above = rows[label_rows[-1]]
        for c in range(ncols):
            cs = above[c].colspan if not above[c].covered else 1
            if cs > 1 and rows[r][c].text and all(not rows[r][cc].text for cc in range(c + 1, c + cs)):
                span(r, c, 1, cs)
    # body
    for r in range(nhead, len(rows)):
        row = rows[r]
        if family == "indicator" and r > nhead:
            first = next((c for c in range(ncols) if row[c].text), ncols)
            for c in range(min(first, ncols - 1)):
                # extend the span of the cell above (origin found by walking up)
                rr = r - 1
                while rr >= nhead and rows[rr][c].covered and rows[rr][c].colspan == 1:
                    rr -= 1
                origin = rows[rr][c] if rr >= nhead else None
                if origin is None or origin.covered or not origin.text or origin.colspan != 1 \
                        or rr + origin.rowspan != r:
                    break
                origin.rowspan += 1
                row[c].covered = True
        c = 0
        while c < ncols:
            cell = row[c]
            if cell.covered or not cell.text or cell.numeric or not re.search(r"[A-Za-z]", cell.text):
                c += 1
                continue
            k = 0
            while c + 1 + k < ncols and not row[c + 1 + k].text and not row[c + 1 + k].covered:
                k += 1
            if k:
                span(r, c, 1, k + 1)
            c += k + 1


def build_grid(table: SeedTable, v: Variant) -> Grid:
    nhead = len(table.header)
    body = _join_continuations(table.body) if (v.join_continuations and table.family == "budget") else table.body
    raw = table.header + body
    ncols = max(len(r) for r in raw)
    raw = _pad_rows(raw, ncols, v.align_values, nhead)
    rows = [[_cell(c, ri < nhead) for c in r] for ri, r in enumerate(raw)]
    if v.merge_cells:
        _merge(rows, nhead, table.family)
    return Grid(rows, nhead, ncols, caption=list(table.caption), key=table.key)


def _measure(grid: Grid, family: str, size: float):
    """Per column: (minimum width, one-line width, is a text column) in points, without padding."""
    n = grid.ncols
    minw, natw = [0.0] * n, [0.0] * n
    lengths: list[list[float]] = [[] for _ in range(n)]   # one-line widths of body text cells
    votes = [[0, 0] for _ in range(n)]   # numeric, text
    for ri, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell.covered or not cell.text or cell.colspan > 1:
                continue
            full = fonts.text_width(cell.text, family, size, cell.bold, cell.italic)
            if cell.numeric or cell.index:
                minw[c] = max(minw[c], full)
            else:
                longest = max(fonts.text_width(w, family, size, cell.bold, cell.italic) for w in cell.text.split())
                minw[c] = max(minw[c], longest)
            natw[c] = max(natw[c], full)
            if ri >= grid.nhead:
                votes[c][0 if cell.numeric or cell.index else 1] += 1
                if not (cell.numeric or cell.index):
                    lengths[c].append(full)
    text_col = [t > num for num, t in votes]
    p75 = [sorted(ls)[int(0.75 * (len(ls) - 1))] if ls else 0.0 for ls in lengths]
    return minw, natw, text_col, p75


def fit_columns(grid: Grid, v: Variant, avail: float) -> Grid:
    """Choose the table font size (shrunk until the unbreakable content fits `avail`) and the
    column widths: at least the widest word / number, then spare width shared out by each
    column's one-line need times the variant's jitter. With wrap_names the long text columns
    only get `name_squeeze` of the one-line width of their 75th-percentile cell, so most long
    names wrap (and the spare width goes to the other columns)."""
    pad = v.cell_padding
    extra = 2 * pad + WIDTH_SAFETY
    size = v.table_font_size
    while True:
        minw, natw, text_col, p75 = _measure(grid, v.font, size)
        base = [m + extra for m in minw]
        if sum(base) <= avail or size <= MIN_TABLE_FONT:
            break
        size -= 0.5
    want = [max(b, n + extra) for b, n in zip(base, natw)]
    long_text = [text_col[c] and natw[c] > 12 * size for c in range(grid.ncols)]
    if v.wrap_names:   # narrower than most of the column's texts (its 75th percentile one-line width)
        want = [max(base[c], (p75[c] + extra) * v.name_squeeze) if long_text[c] else want[c]
                for c in range(grid.ncols)]
    jitter = [v.column_jitter[c % len(v.column_jitter)] for c in range(grid.ncols)]
    total = min(avail, sum(want))
    if v.full_width:
        total = avail
    spare = max(0.0, total - sum(base))
    need = [(want[c] - base[c]) * jitter[c] for c in range(grid.ncols)]
    widths = list(base)
    if sum(want) >= total:
        # not everything fits on one line: share the spare width by need
        s = sum(need)
        for c in range(grid.ncols):
            widths[c] += spare * (need[c] / s if s else 1.0 / grid.ncols)
    else:
        widths = list(want)
        rest = total - sum(want)
        # stretch: with wrap_names the name columns stay narrow and the others grow
        grow = [0.0 if (v.wrap_names and long_text[c]) else jitter[c] * (natw[c] + 1.0) for c in range(grid.ncols)]
        s = sum(grow) or 1.0
        for c in range(grid.ncols):
            widths[c] += rest * grow[c] / s
    grid.widths, grid.font_size, grid.padding = widths, size, pad
    return grid


def text_area(v: Variant) -> tuple[float, float]:
    """Width and height of the text block in points."""
    w, h = v.page_size_mm
    top, right, bottom, left = v.margins_mm
    return (w - left - right) * MM, (h - top - bottom) * MM


def layout_tables(doc, v: Variant) -> list[Grid]:
    avail = text_area(v)[0]
    return [fit_columns(build_grid(t, v), v, avail) for t in doc.tables]


@dataclass
class Block:
    """One piece of the rendered document, in order. kind:
    title (lines) | chapter (lines) | heading (text) | para (text) | page_break | gap (fraction of
    the text height left blank) | caption (lines) | table (grid)."""
    kind: str
    text: str = ""
    lines: list[str] = field(default_factory=list)
    fraction: float = 0.0
    grid: Grid | None = None
    table_index: int = -1


def _placement(v: Variant, i: int) -> list[Block]:
    """Blocks before benchmark table i that the variant's `start` knob asks for (flow: none)."""
    start = v.start[i % len(v.start)]
    if start == "new_page":
        return [Block("page_break")]
    if start == "near_bottom":
        return [Block("page_break"), Block("gap", fraction=v.bottom_gap[i % len(v.bottom_gap)])]
    return []


def _captioned(t, g: Grid, v: Variant, i: int) -> list[Block]:
    caption = [Block("caption", lines=list(t.caption), table_index=i)] if t.caption else []
    table = [Block("table", grid=g, table_index=i)]
    return {"above": caption + table, "below": table + caption}.get(v.caption, table)


def whole_blocks(doc: WholeDocument, v: Variant) -> tuple[list[Block], list[Grid]]:
    """The whole report of one variant: every item in seed order; the placement knobs act on
    the benchmark tables (the k-th benchmark table takes the k-th per-table knob)."""
    grids = layout_tables(doc, v)
    out = [Block("title", lines=list(doc.title_lines)), Block("page_break")]
    tables, bench = iter(enumerate(zip(doc.tables, grids))), 0
    for kind, payload in doc.items:
        if kind in ("chapter", "front"):
            if v.chapter_break and out[-1].kind != "page_break":
                out.append(Block("page_break"))
            out.append(Block("chapter", lines=list(payload)) if kind == "chapter" else Block("heading", payload))
        elif kind in ("heading", "para"):
            out.append(Block(kind, payload))
        elif kind == "toc":
            out += [Block("para", line) for line in payload]
        else:
            i, (t, g) = next(tables)
            if t.family != OTHER:
                out += _placement(v, bench)
                bench += 1
            out += _captioned(t, g, v, i)
    return out, grids


def blocks(doc, v: Variant) -> tuple[list[Block], list[Grid]]:
    """The document of one variant as a list of blocks, and the laid-out tables."""
    if isinstance(doc, WholeDocument):
        return whole_blocks(doc, v)
    grids = layout_tables(doc, v)
    out = [Block("title", lines=list(doc.title_lines)), Block("page_break")]
    if doc.chapter:
        out.append(Block("chapter", lines=list(doc.chapter)))
    out += [Block("para", p) for p in doc.intro]
    for i, (t, g) in enumerate(zip(doc.tables, grids)):
        start = v.start[i % len(v.start)]
        if start == "new_page":
            out.append(Block("page_break"))
        elif start == "near_bottom":
            out += [Block("page_break"), Block("gap", fraction=v.bottom_gap[i % len(v.bottom_gap)])]
        else:
            out += [Block("para", p) for p in doc.filler(i, v.lead_in[i % len(v.lead_in)], v.number)]
        if t.heading:
            out.append(Block("heading", t.heading))
        out += [Block("para", p) for p in t.before]
        if v.caption == "above":
            out.append(Block("caption", lines=list(t.caption), table_index=i))
        out.append(Block("table", grid=g, table_index=i))
        if v.caption == "below":
            out.append(Block("caption", lines=list(t.caption), table_index=i))
        out += [Block("para", p) for p in t.after]
    return out, grids
