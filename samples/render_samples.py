#!/usr/bin/env python
"""Render the seed LKjIP reports (samples/seeds/*.txt) to sample PDFs.

Each seed is rendered twice with reportlab so that it looks like a report exported
from Word: A4 portrait, cover page, chapter/section headings, justified paragraphs,
captions above tables, page numbers in the footer.

* ``ruled``   - every table drawn with a full grid, header rows repeated on
                continuation pages (like a Word table with "repeat header rows").
* ``unruled`` - no grid lines, a single rule under the header, no repeated header.

Seed format (see samples/seeds/README.md): table rows are lines with TAB-separated
cells; ``<i>..</i>`` marks an italic cell, ``**..**`` bold text; a blank line inside a
table marks a page break in the original PDF (the table continues).

Cell texts are copied verbatim (numbers are never reformatted) and rows keep the
seed's cell positions; a table has as many columns as its widest row.

The output is reproducible: running the script twice gives byte-identical PDFs
(reportlab ``invariant=1``, fixed metadata, fonts embedded from fixed files).

Usage::

    .venv/bin/python samples/render_samples.py [--out samples/pdf] [--seed NAME ...]
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
SEED_DIR = HERE / "seeds"
DEFAULT_OUT = HERE / "pdf"
STYLES = ("ruled", "unruled")

# --------------------------------------------------------------------------- fonts
# DejaVu Sans Condensed: Unicode coverage for the seeds' ≥ ▪ ➔ ☎ ✉ and Cyrillic letters,
# a narrow face like the Arial Narrow / Calibri often used in LKjIP tables.
FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
]
FONT_FILES = {
    "LK": "DejaVuSansCondensed.ttf",
    "LK-Bold": "DejaVuSansCondensed-Bold.ttf",
    "LK-Italic": "DejaVuSansCondensed-Oblique.ttf",
    "LK-BoldItalic": "DejaVuSansCondensed-BoldOblique.ttf",
}


def find_font_dir() -> Path | None:
    for d in FONT_DIRS:
        if all((d / f).is_file() for f in FONT_FILES.values()):
            return d
    return None


_FONTS_REGISTERED = False


def register_fonts() -> None:
    global _FONTS_REGISTERED
    if _FONTS_REGISTERED:
        return
    d = find_font_dir()
    if d is None:  # fall back to the Vera fonts shipped with reportlab (fewer glyphs)
        import reportlab

        d = Path(reportlab.__file__).parent / "fonts"
        files = {"LK": "Vera.ttf", "LK-Bold": "VeraBd.ttf", "LK-Italic": "VeraIt.ttf", "LK-BoldItalic": "VeraBI.ttf"}
        print("warning: DejaVu fonts not found, using Vera; output will differ from samples/pdf", file=sys.stderr)
    else:
        files = FONT_FILES
    for name, fn in files.items():
        pdfmetrics.registerFont(TTFont(name, str(d / fn)))
    pdfmetrics.registerFontFamily("LK", normal="LK", bold="LK-Bold", italic="LK-Italic", boldItalic="LK-BoldItalic")
    _FONTS_REGISTERED = True


# Other layouts (bench/accuracy.py) may use another face: F() maps the names used below to the
# registered face of the current layout. The default layout maps every name to itself, so the
# committed samples/pdf stay byte-identical.
SERIF_FILES = {
    "LKSerif": "DejaVuSerif.ttf",
    "LKSerif-Bold": "DejaVuSerif-Bold.ttf",
    "LKSerif-Italic": "DejaVuSerif-Italic.ttf",
    "LKSerif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
}
FONT_PREFIX = ["LK"]


def F(name: str) -> str:
    return FONT_PREFIX[0] + name[len("LK"):]


def register_serif() -> bool:
    """DejaVu Serif (fonts-dejavu-core) as family 'LKSerif'; False when the files are missing."""
    if "LKSerif" in pdfmetrics.getRegisteredFontNames():
        return True
    d = next((d for d in FONT_DIRS if all((d / f).is_file() for f in SERIF_FILES.values())), None)
    if d is None:
        return False
    for name, fn in SERIF_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(d / fn)))
    pdfmetrics.registerFontFamily("LKSerif", normal="LKSerif", bold="LKSerif-Bold", italic="LKSerif-Italic",
                                  boldItalic="LKSerif-BoldItalic")
    return True


@dataclass(frozen=True)
class Layout:
    """How a seed is rendered. The committed samples use DEFAULT_LAYOUTS[style]."""

    name: str
    style: str = "ruled"                 # ruled | unruled (table lines)
    pagesize: tuple = A4                 # portrait page size
    font: str = "LK"                     # LK (DejaVu Sans Condensed) | LKSerif (DejaVu Serif)
    wide_landscape_cols: int = 0         # tables with at least this many columns go on landscape pages


# Layouts used by bench/accuracy.py in addition to the two committed ones.
LAYOUTS = {
    "ruled": Layout("ruled", "ruled"),
    "unruled": Layout("unruled", "unruled"),
    "letter-serif-ruled": Layout("letter-serif-ruled", "ruled", LETTER, "LKSerif"),
    "letter-serif-unruled": Layout("letter-serif-unruled", "unruled", LETTER, "LKSerif"),
    "landscape-ruled": Layout("landscape-ruled", "ruled", A4, "LK", wide_landscape_cols=7),
    "landscape-unruled": Layout("landscape-unruled", "unruled", A4, "LK", wide_landscape_cols=7),
}


# --------------------------------------------------------------------------- parsing
@dataclass
class TableBlock:
    rows: list[list[str]]
    caption: list[str] = field(default_factory=list)
    toc: bool = False
    dropped_repeats: int = 0  # header rows repeated in the seed after a page break (dropped)


@dataclass
class Seed:
    path: Path
    slug: str  # e.g. lkjip_jepara_2024
    year: str
    government: str
    agency: str
    cover_lines: list[str]
    items: list  # ('line', text) | ('blank',) | ('table', TableBlock)


_NO_RE = re.compile(r"^n\s?o\.?$", re.I)
_CAPTION_RE = re.compile(r"^tabel\s+\d+(\.\d+)*", re.I)


def _starts_new_table(row: list[str]) -> bool:
    return bool(row) and bool(_NO_RE.match(row[0].strip()))


def parse_items(lines: list[str]) -> list:
    """Flat list of text lines, blanks and tables (tables already merged over page breaks)."""
    items: list = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            items.append(("blank",))
            i += 1
            continue
        if "\t" not in line:
            items.append(("line", line))
            i += 1
            continue
        rows: list[list[str]] = []
        dropped = 0
        while i < n:
            line = lines[i]
            if "\t" in line:
                rows.append(line.split("\t"))
                i += 1
                continue
            if line.strip():
                break
            # blank line: the table continues if the next non-blank line is a table row
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if j >= n or "\t" not in lines[j]:
                break
            nxt = lines[j].split("\t")
            if _starts_new_table(nxt):
                # the original repeated its header after the page break: same rows again
                k = 0
                while j + k < n and k < len(rows) and lines[j + k].split("\t") == rows[k]:
                    k += 1
                if k and k < len(rows) and _starts_new_table(rows[0]) and _is_header_prefix(rows, k):
                    dropped += k
                    i = j + k
                    continue
                break  # a new table without caption
            i = j
        items.append(("table", TableBlock(rows=rows, dropped_repeats=dropped)))
    return items


def _is_header_prefix(rows: list[list[str]], k: int) -> bool:
    return k <= header_row_count(rows)


def _titlecase(s: str) -> str:
    keep = {"UKM", "UMKM", "LKJIP", "PD", "SKPD"}
    small = {"DAN", "DI", "KE", "DARI", "YANG"}
    out = []
    for w in s.split():
        core = w.strip(",.")
        if core.upper() in keep:
            out.append(w.upper())
        elif out and core.upper() in small:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)


def parse_seed(path: Path) -> Seed:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    try:
        k = next(i for i, l in enumerate(lines) if l.strip() == "KATA PENGANTAR")
    except StopIteration:
        k = 0
    cover = [l.strip() for l in lines[:k] if l.strip()]
    year = ""
    for l in cover:
        m = re.search(r"\b(20\d\d)\b", l)
        if m:
            year = m.group(1)
            break
    gov = ""
    agency_parts: list[str] = []
    for idx, l in enumerate(cover):
        if re.match(r"^(PEMERINTAH\s+)?(KABUPATEN|KOTA)\s+\w+", l) and not gov:
            gov = l if l.startswith("PEMERINTAH") else "PEMERINTAH " + l
        if l.startswith("DINAS") and not agency_parts:
            agency_parts.append(l)
            for l2 in cover[idx + 1:]:
                if re.match(r"^(PEMERINTAH\s+)?(KABUPATEN|KOTA)\b", l2) or re.search(r"\d|Jl\.|@", l2):
                    break
                agency_parts.append(l2)
    agency = re.sub(r"\s+", " ", " ".join(agency_parts)).strip().rstrip(",")
    parts = path.stem.split("_")
    slug = "_".join(parts[:3])
    items = parse_items(lines[k:])
    attach_captions(items)
    return Seed(path, slug, year, gov, agency, cover, items)


def attach_captions(items: list) -> None:
    """Move 'Tabel x.y ...' lines (and up to 4 following short lines) into the next table."""
    i = 0
    while i < len(items):
        it = items[i]
        if it[0] == "line" and _CAPTION_RE.match(it[1].strip()):
            j = i + 1
            cap_idx = [i]
            ok = False
            while j < len(items) and j - i <= 12:
                if items[j][0] == "blank":
                    j += 1
                    continue
                if items[j][0] == "table":
                    ok = True
                    break
                t = items[j][1]
                if len(t) > 160 or len(cap_idx) >= 5 or _CAPTION_RE.match(t.strip()):
                    break
                cap_idx.append(j)
                j += 1
            if ok and not items[j][1].caption:
                items[j][1].caption = [items[c][1] for c in cap_idx]
                for c in cap_idx:
                    items[c] = ("blank",)
                i = j
        i += 1
    # tables of contents: tab lines right after DAFTAR ISI / DAFTAR TABEL headings
    last_line = None
    for it in items:
        if it[0] == "line":
            last_line = it[1].strip()
        elif it[0] == "table":
            if last_line in ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR LAMPIRAN"):
                it[1].toc = True
            last_line = None


# --------------------------------------------------------------------------- markup
def inline_markup(lines: list[str]) -> list[str]:
    """Escape XML and turn **bold** / *italic* into reportlab tags; bold may span lines."""
    out = []
    bold = False
    for line in lines:
        s = escape(line)
        pieces = s.split("**")
        buf = "<b>" if bold else ""
        for k, p in enumerate(pieces):
            if k > 0:
                bold = not bold
                buf += "<b>" if bold else "</b>"
            buf += p
        if bold:
            buf += "</b>"
        buf = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"<i>\1</i>", buf)
        buf = buf.replace("<b></b>", "")
        out.append(buf)
    return out


# --------------------------------------------------------------------------- styles
def make_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=F("LK"), fontSize=10.5, leading=15, alignment=TA_JUSTIFY, spaceAfter=5)
    st = {
        "body": base,
        "short": ParagraphStyle("short", parent=base, alignment=TA_LEFT, spaceAfter=1),
        "list": ParagraphStyle("list", parent=base, leftIndent=22, firstLineIndent=-16, spaceAfter=3),
        "list2": ParagraphStyle("list2", parent=base, leftIndent=40, firstLineIndent=-16, spaceAfter=3),
        "formula": ParagraphStyle("formula", parent=base, alignment=TA_CENTER, fontName=F("LK-Italic"), spaceBefore=4, spaceAfter=8),
        "chapter": ParagraphStyle("chapter", parent=base, fontName=F("LK-Bold"), fontSize=14, leading=20, alignment=TA_CENTER, spaceAfter=4),
        "front": ParagraphStyle("front", parent=base, fontName=F("LK-Bold"), fontSize=13, leading=18, alignment=TA_CENTER, spaceAfter=14),
        "h2": ParagraphStyle("h2", parent=base, fontName=F("LK-Bold"), fontSize=11, leading=15, alignment=TA_LEFT, spaceBefore=8, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=base, fontName=F("LK-Bold"), fontSize=10.5, leading=15, alignment=TA_LEFT, spaceBefore=6, spaceAfter=5, leftIndent=10, keepWithNext=1),
        "caption": ParagraphStyle("caption", parent=base, fontName=F("LK-Bold"), fontSize=10, leading=13, alignment=TA_CENTER, spaceAfter=0),
        "cover_small": ParagraphStyle("cover_small", parent=base, fontSize=11, leading=15, alignment=TA_CENTER),
        "cover_big": ParagraphStyle("cover_big", parent=base, fontName=F("LK-Bold"), fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=10),
        "cover_mid": ParagraphStyle("cover_mid", parent=base, fontName=F("LK-Bold"), fontSize=15, leading=21, alignment=TA_CENTER, spaceAfter=4),
        "toc": ParagraphStyle("toc", parent=base, fontSize=10.5, leading=14, alignment=TA_LEFT, spaceAfter=0),
        "toc_r": ParagraphStyle("toc_r", parent=base, fontSize=10.5, leading=14, alignment=TA_RIGHT, spaceAfter=0),
    }
    return st


FRONT_HEADINGS = {"KATA PENGANTAR", "DAFTAR ISI", "DAFTAR LAMPIRAN", "DAFTAR TABEL", "IKHTISAR EKSEKUTIF", "LAMPIRAN"}
_CHAPTER_RE = re.compile(r"^BAB\s+[IVX]+$")
_SECTION_RE = re.compile(r"^\d+(\.\d+)+\.?\s+\S")
_LIST_RE = re.compile(r"^(\d{1,2}[.)]|[a-zA-Z][.)]|[IVX]+\.|[▪•➔]|- )\s*")
_PK_RE = re.compile(r"^PERJANJIAN KINERJA( PERUBAHAN)? TAHUN \d{4}$")


# --------------------------------------------------------------------------- tables
_NUMERIC_RE = re.compile(r"^(Rp\.?\s*)?[-+]?[\d.,]*\d[\d.,]*\s*%?$|^-$")


def is_numeric(s: str) -> bool:
    return bool(_NUMERIC_RE.match(s.strip())) and len(s) <= 26


def header_row_count(rows: list[list[str]]) -> int:
    """Row 0, then sub-header rows (first cell empty, short labels) and a column-numbering row."""
    if not rows:
        return 0
    n = 1
    while n < len(rows) and n < 4:
        r = [c.strip() for c in rows[n]]
        nonempty = [c for c in r if c]
        if not nonempty:
            break
        numbering = r[0] == "1" and len(nonempty) >= 3 and all(c.isdigit() and int(c) <= 31 for c in nonempty)
        subheader = r[0] == "" and all(len(c) <= 25 and not re.search(r"\d[.,]\d", c) for c in nonempty)
        if numbering or subheader:
            n += 1
            continue
        break
    return n


def _cell_kind(raw: str) -> tuple[str, str]:
    s = raw.strip()
    m = re.match(r"^<i>(.*)</i>$", s)
    if m:
        return "italic", m.group(1).strip()
    m = re.match(r"^\*\*(.*)\*\*$", s)
    if m:
        return "bold", m.group(1).strip()
    return "plain", s


def column_widths(rows, nhead, ncols, avail, font_size, pad):
    """Word-like autofit: numbers stay on one line, long text columns get the rest.

    hard: what a column needs at least (whole numbers, short word pieces);
    soft: the longest word of the column; nat: the longest cell on a single line.
    Extra space is water-filled towards soft, then towards nat.
    """
    sw = pdfmetrics.stringWidth
    base = 2 * pad + 4.0
    hard = [base] * ncols
    soft = [base] * ncols
    nat = [base] * ncols
    numw = [0.0] * ncols  # width needed by whole numbers in the column
    used = [False] * ncols
    for ri, row in enumerate(rows):
        for ci in range(ncols):
            raw = row[ci] if ci < len(row) else ""
            kind, s = _cell_kind(raw)
            if not s:
                continue
            used[ci] = True
            font = F("LK-Bold") if (ri < nhead or kind == "bold") else (F("LK-Italic") if kind == "italic" else F("LK"))
            words = s.split()
            longest = max(sw(w, font, font_size) for w in words) if words else 0
            full = sw(s, font, font_size)
            if ri < nhead:
                hard[ci] = max(hard[ci], min(longest, 3.2 * font_size) + 2 * pad + 1)
                soft[ci] = max(soft[ci], min(longest, 60) + 2 * pad + 1)
                continue
            if is_numeric(s):
                numw[ci] = max(numw[ci], full + 2 * pad + 2)
                hard[ci] = max(hard[ci], numw[ci])
            else:
                hard[ci] = max(hard[ci], min(longest, 4.0 * font_size) + 2 * pad + 1)
                soft[ci] = max(soft[ci], min(longest, 80) + 2 * pad + 1)
            nat[ci] = max(nat[ci], full + 2 * pad + 2)
    for ci in range(ncols):
        if not used[ci]:  # a column that is empty in every row (seed artefact): keep it thin
            hard[ci] = soft[ci] = nat[ci] = 2 * pad + 1
    soft = [max(a, b) for a, b in zip(soft, hard)]
    nat = [max(a, b) for a, b in zip(nat, soft)]
    if sum(hard) >= avail:
        # too many columns: keep whole numbers on one line, squeeze the text columns
        keep = [max(numw[i], 2 * pad + 1) for i in range(ncols)]
        rest = avail - sum(keep)
        flex = [max(0.0, hard[i] - keep[i]) for i in range(ncols)]
        if rest > 0 and sum(flex) > 0:
            f = min(1.0, rest / sum(flex))
            return [keep[i] + flex[i] * f for i in range(ncols)]
        f = avail / sum(hard)
        return [w * f for w in hard]
    widths = list(hard)
    extra = avail - sum(hard)
    for target in (soft, nat):
        for _ in range(30):
            want = [max(0.0, target[i] - widths[i]) for i in range(ncols)]
            tw = sum(want)
            if tw <= 0.01 or extra <= 0.01:
                break
            give = min(extra, tw)
            for i in range(ncols):
                widths[i] += give * want[i] / tw
            extra -= give
    if extra > 0.01:  # everything fits on one line: spread the rest over non-empty columns
        weights = [nat[i] if nat[i] > base + 0.5 else 0.0 for i in range(ncols)]
        tw = sum(weights)
        for i in range(ncols):
            widths[i] += extra * (weights[i] / tw if tw else 1.0 / ncols)
    return widths


def build_table(tb: TableBlock, style: str, avail: float, st) -> list:
    ncols = max(len(r) for r in tb.rows)
    rows = [r + [""] * (ncols - len(r)) for r in tb.rows]
    flow: list = []
    if tb.toc:
        data = [[Paragraph(escape(r[0].strip()), st["toc"])] + [Paragraph(escape(c.strip()), st["toc_r"]) for c in r[1:]] for r in rows]
        other = 40.0
        widths = [avail - other * (ncols - 1)] + [other] * (ncols - 1)
        t = Table(data, colWidths=widths, hAlign="LEFT")
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return [t, Spacer(1, 8)]

    fs = 6.5 if ncols >= 16 else 7.0 if ncols >= 9 else 8.0
    pad = 2.0 if ncols >= 16 else 2.5 if ncols >= 9 else 3.0
    lead = fs * 1.2
    nhead = header_row_count(rows)
    cell = ParagraphStyle("cell", fontName=F("LK"), fontSize=fs, leading=lead, alignment=TA_LEFT)
    cell_num = ParagraphStyle("celln", parent=cell, alignment=TA_RIGHT)
    cell_head = ParagraphStyle("cellh", parent=cell, fontName=F("LK-Bold"), alignment=TA_CENTER)
    widths = column_widths(rows, nhead, ncols, avail, fs, pad)
    data = []
    for ri, r in enumerate(rows):
        out = []
        for c in r:
            kind, s = _cell_kind(c)
            if not s:
                out.append("")
                continue
            txt = escape(s)
            if ri < nhead:
                ps = cell_head
            elif is_numeric(s) and not re.fullmatch(r"\d{1,2}\.?", s):
                ps = cell_num
            else:
                ps = cell
            if kind == "italic":
                txt = f"<i>{txt}</i>"
            elif kind == "bold":
                txt = f"<b>{txt}</b>"
            out.append(Paragraph(txt, ps))
        data.append(out)
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if style == "ruled":
        cmds += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, nhead - 1), colors.Color(0.85, 0.85, 0.85)),
            ("VALIGN", (0, 0), (-1, nhead - 1), "MIDDLE"),
        ]
        repeat = nhead
    else:
        cmds += [("LINEBELOW", (0, nhead - 1), (-1, nhead - 1), 0.75, colors.black)]
        repeat = 0
    cls = LongTable if len(rows) > 40 else Table
    t = cls(data, colWidths=widths, repeatRows=repeat, hAlign="CENTER", splitByRow=1)
    t.setStyle(TableStyle(cmds))
    if tb.caption:
        flow.append(CondPageBreak(4 * cm))
        for ln in inline_markup(tb.caption):
            flow.append(Paragraph(ln, st["caption"]))
        flow.append(Spacer(1, 5))
    else:
        flow.append(CondPageBreak(2.5 * cm))
    flow += [t, Spacer(1, 10)]
    return flow


# --------------------------------------------------------------------------- document
class BodyStart(Flowable):
    """Zero-size marker: page numbering switches from roman to arabic here."""

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


def roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


class ReportDoc(BaseDocTemplate):
    def __init__(self, filename, seed: Seed, **kw):
        self.seed = seed
        self.body_start_page = None
        super().__init__(filename, **kw)

    def afterFlowable(self, flowable):
        if isinstance(flowable, BodyStart) and self.body_start_page is None:
            self.body_start_page = self.page


def footer(canv, doc: ReportDoc):
    canv.saveState()
    w, _ = canv._pagesize if LAYOUT_HOLDER[0] is not None else A4
    if doc.body_start_page is None:
        num = roman(doc.page - 1)
    else:
        num = str(doc.page - doc.body_start_page + 1)
    y = 1.55 * cm
    canv.setLineWidth(0.5)
    canv.line(doc.leftMargin, y + 11, w - doc.rightMargin, y + 11)
    canv.setFont(F("LK-Italic"), 8)
    label = f"LKjIP {doc.seed.year} {_titlecase(doc.seed.agency)}"
    canv.drawString(doc.leftMargin, y, label)
    canv.setFont(F("LK"), 9)
    canv.drawRightString(w - doc.rightMargin, y, num)
    canv.restoreState()


def cover_flowables(seed: Seed, st) -> list:
    f: list = [Spacer(1, 2.2 * cm)]
    used = set()
    for i, l in enumerate(seed.cover_lines):
        if l == "LAPORAN KINERJA INSTANSI PEMERINTAH" or l == seed.year:
            used.add(i)
    f.append(Paragraph("LAPORAN KINERJA INSTANSI PEMERINTAH", st["cover_big"]))
    f.append(Paragraph("(LKjIP)", st["cover_mid"]))
    f.append(Paragraph(f"TAHUN {seed.year}", st["cover_mid"]))
    f.append(Spacer(1, 1.0 * cm))
    extra_top = []
    for i, l in enumerate(seed.cover_lines):
        if i in used:
            continue
        if l.startswith("DINAS") or l == seed.government or "PEMERINTAH " + l == seed.government:
            break
        extra_top.append(l)
        used.add(i)
    for l in extra_top:
        f.append(Paragraph(inline_markup([l])[0], st["cover_small"]))
    f.append(Spacer(1, 5.5 * cm))
    f.append(Paragraph(escape(seed.agency), st["cover_mid"]))
    f.append(Paragraph(escape(seed.government), st["cover_mid"]))
    f.append(Spacer(1, 0.6 * cm))
    agency_words = set(seed.agency.replace(",", " ").split())
    for i, l in enumerate(seed.cover_lines):
        if i in used or l == seed.government or "PEMERINTAH " + l == seed.government:
            continue
        if set(l.replace(",", " ").split()) <= agency_words:
            continue
        f.append(Paragraph(inline_markup([l])[0], st["cover_small"]))
    f += [NextPageTemplate("body"), PageBreak()]
    return f


def body_flowables(seed: Seed, st, avail: float) -> list:
    f: list = []
    items = seed.items
    body_started = False
    first = True
    i = 0
    while i < len(items):
        it = items[i]
        if it[0] == "blank":
            i += 1
            continue
        if it[0] == "table":
            wide = LAYOUT_HOLDER[0] is not None and LAYOUT_HOLDER[0].wide_landscape_cols and not it[1].toc and \
                max(len(r) for r in it[1].rows) >= LAYOUT_HOLDER[0].wide_landscape_cols
            if wide:  # like a Word section break: the wide table gets landscape pages of its own
                f += [NextPageTemplate("wide"), PageBreak()]
                f += build_table(it[1], STYLE_HOLDER[0], WIDE_AVAIL[0], st)
                f += [NextPageTemplate("body"), PageBreak()]
            else:
                f += build_table(it[1], STYLE_HOLDER[0], avail, st)
            i += 1
            continue
        raw = it[1]
        s = raw.strip()
        if _CHAPTER_RE.match(s):
            # title is the next non-blank text line
            j = i + 1
            while j < len(items) and items[j][0] == "blank":
                j += 1
            title = items[j][1].strip() if j < len(items) and items[j][0] == "line" else ""
            f.append(PageBreak())
            if not body_started:
                f.append(BodyStart())
                body_started = True
            f.append(Spacer(1, 0.5 * cm))
            f.append(Paragraph(escape(s), st["chapter"]))
            if title:
                f.append(Paragraph(inline_markup([title])[0], st["chapter"]))
                i = j
            f.append(Spacer(1, 0.6 * cm))
            i += 1
            continue
        if s in FRONT_HEADINGS or _PK_RE.match(s):
            if not first:
                f.append(PageBreak())
            f.append(Paragraph(escape(s), st["front"]))
            first = False
            i += 1
            continue
        first = False
        if s.startswith("$$") and s.endswith("$$") and len(s) > 4:
            f.append(Paragraph(escape(s[2:-2].strip()), st["formula"]))
            i += 1
            continue
        # a run of consecutive text lines (same original block)
        block = [raw]
        j = i + 1
        while j < len(items) and items[j][0] == "line":
            nxt = items[j][1].strip()
            if _CHAPTER_RE.match(nxt) or nxt in FRONT_HEADINGS or _PK_RE.match(nxt) or nxt.startswith("$$"):
                break
            block.append(items[j][1])
            j += 1
        marked = inline_markup([b.strip() for b in block])
        for b, m in zip(block, marked):
            bs = b.strip()
            indent = len(b) - len(b.lstrip(" "))
            if _SECTION_RE.match(bs) and len(bs) < 220 and not bs.endswith((";", ",")):
                depth = bs.split()[0].rstrip(".").count(".")
                f.append(Paragraph(m, st["h2"] if depth <= 1 else st["h3"]))
            elif _LIST_RE.match(bs):
                if bs.startswith("- "):
                    m = m[2:]
                f.append(Paragraph(m, st["list2"] if indent else st["list"]))
            elif len(bs) >= 95:
                f.append(Paragraph(m, st["body"]))
            else:
                f.append(Paragraph(m, st["short"]))
        f.append(Spacer(1, 3))
        i = j
    return f


STYLE_HOLDER = ["ruled"]
LAYOUT_HOLDER: list = [None]  # None: the committed layout (A4 portrait, DejaVu Sans Condensed)
WIDE_AVAIL = [0.0]


def render(seed: Seed, style: str, out_path: Path, layout: Layout | None = None) -> Path:
    """Render one seed. Without `layout` this is exactly the committed sample rendering."""
    register_fonts()
    if layout is not None:
        style = layout.style
        if layout.font != "LK" and not register_serif():
            raise RuntimeError("DejaVu Serif fonts not found (apt-get install fonts-dejavu-core)")
    FONT_PREFIX[0] = layout.font if layout is not None else "LK"
    LAYOUT_HOLDER[0] = layout
    try:
        return _render(seed, style, out_path, layout)
    finally:
        FONT_PREFIX[0], LAYOUT_HOLDER[0] = "LK", None


def _render(seed: Seed, style: str, out_path: Path, layout: Layout | None) -> Path:
    st = make_styles()
    STYLE_HOLDER[0] = style
    pagesize = layout.pagesize if layout is not None else A4
    left, right, top, bottom = 2.8 * cm, 2.2 * cm, 2.5 * cm, 2.5 * cm
    title = "LKjIP {} {} {}".format(seed.year, _titlecase(seed.agency), _titlecase(seed.government.replace("PEMERINTAH ", "")))
    doc = ReportDoc(
        str(out_path),
        seed,
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=_titlecase(seed.agency) + " " + _titlecase(seed.government.replace("PEMERINTAH ", "")),
        subject=f"Laporan Kinerja Instansi Pemerintah Tahun {seed.year}",
        creator="lkjip-warehouse samples/render_samples.py (%s)" % (style if layout is None else layout.name),
        keywords=f"LKjIP, SAKIP, {seed.year}",
        invariant=1,
        pageCompression=1,
    )
    w, h = pagesize
    frame = Frame(left, bottom, w - left - right, h - top - bottom, id="f", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [
        PageTemplate(id="cover", frames=[frame]),
        PageTemplate(id="body", frames=[frame], onPageEnd=footer),
    ]
    if layout is not None and layout.wide_landscape_cols:
        lw, lh = landscape(pagesize)
        wide_frame = Frame(2.0 * cm, 2.5 * cm, lw - 4.0 * cm, lh - 4.5 * cm, id="w",
                           leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate(id="wide", frames=[wide_frame], onPageEnd=footer, pagesize=(lw, lh)))
        WIDE_AVAIL[0] = lw - 4.0 * cm
    doc.addPageTemplates(templates)
    avail = w - left - right
    story = cover_flowables(seed, st) + body_flowables(seed, st, avail)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    doc.build(story)
    return out_path


def seed_paths(names: list[str] | None = None) -> list[Path]:
    paths = sorted(SEED_DIR.glob("lkjip_*.txt"))
    if names:
        paths = [p for p in paths if any(n in p.name for n in names)]
    return paths


def render_layouts(out_dir: Path, layouts: list[str], names: list[str] | None = None) -> list[Path]:
    """Render seeds in the named LAYOUTS to <out>/<slug>_<layout>.pdf (bench renderings, not committed)."""
    out = []
    for p in seed_paths(names):
        seed = parse_seed(p)
        for name in layouts:
            out.append(render(seed, LAYOUTS[name].style, Path(out_dir) / (f"{seed.slug}_{name}.pdf"),
                              layout=LAYOUTS[name]))
    return out


def render_all(out_dir: Path = DEFAULT_OUT, names: list[str] | None = None, styles=STYLES) -> list[Path]:
    out = []
    for p in seed_paths(names):
        seed = parse_seed(p)
        for style in styles:
            out.append(render(seed, style, Path(out_dir) / (f"{seed.slug}_{style}.pdf")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Outputs <out>/<slug>_ruled.pdf and <out>/<slug>_unruled.pdf per seed.")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output directory (default: samples/pdf)")
    ap.add_argument("--seed", action="append", help="only seeds whose file name contains this text (repeatable)")
    ap.add_argument("--style", choices=STYLES, action="append", help="only this rendering (repeatable)")
    ap.add_argument("--layout", choices=sorted(LAYOUTS), action="append",
                    help="render this bench layout instead (repeatable; outputs <out>/<slug>_<layout>.pdf)")
    args = ap.parse_args(argv)
    if args.layout:
        for p in render_layouts(Path(args.out), args.layout, args.seed):
            print("%s  %d bytes" % (p, p.stat().st_size))
        return 0
    for p in render_all(Path(args.out), args.seed, tuple(args.style) if args.style else STYLES):
        print("%s  %d bytes" % (p, p.stat().st_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
