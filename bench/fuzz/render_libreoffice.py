"""LibreOffice engine: a Word document (.docx, python-docx) with real Word tables, converted
by `soffice --headless --convert-to pdf`.

Tables are fixed-layout Word tables: grid and cell widths from layout.fit_columns, borders in
tblBorders (grid: all, horizontal: top/bottom/insideH, none: nil), the header rows flagged
"repeat as header row" (w:tblHeader) or not, rows allowed to break across pages or not
(w:cantSplit), merged cells (gridSpan / vMerge), cell margins, vertical alignment and header
shading per variant. Captions keep with the table ("keep with next").
"""
from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from .layout import Grid, blocks, text_area
from .variants import Variant

SOFFICE_CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice")
CONVERT_TIMEOUT = 300
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)
_PROFILE: list[str] = []   # one LibreOffice user profile per process (first start creates it)


def soffice() -> str:
    for c in SOFFICE_CANDIDATES:
        path = shutil.which(c)
        if path:
            return path
    raise RuntimeError("LibreOffice not found (apt-get install libreoffice-writer-nogui)")


@cache
def engine_version() -> str:
    try:
        out = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=60).stdout
        return out.strip().splitlines()[0] if out.strip() else "LibreOffice"
    except (OSError, subprocess.SubprocessError, RuntimeError):  # version is informative only
        return "LibreOffice"


# ------------------------------------------------------------------------------- docx helpers
def _w(tag: str):
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement

    e = OxmlElement(f"w:{tag}")
    for k, val in attrs.items():
        e.set(_w(k), str(val))
    return e


def _fonts(rpr_parent, family: str) -> None:
    rpr = rpr_parent.get_or_add_rPr()
    rfonts = rpr.find(_w("rFonts"))
    if rfonts is None:
        rfonts = _el("rFonts")
        rpr.insert(0, rfonts)
    for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(_w(a), None)
    for a in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(_w(a), family)


def _run(p, text: str, v: Variant, size: float, bold=False, italic=False):
    from docx.shared import Pt

    r = p.add_run(text)
    r.bold, r.italic = bold or None, italic or None
    r.font.size = Pt(size)
    _fonts(r._r, v.font)
    return r


def _para(container, text: str, v: Variant, *, size=None, bold=False, align="left", keep_next=False,
          space_after=None, space_before=0.0, line_spacing=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = container.add_paragraph()
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    pf = p.paragraph_format
    pf.space_before = Pt(space_before)
    pf.space_after = Pt(v.font_size * 0.6 if space_after is None else space_after)
    pf.line_spacing = v.line_spacing if line_spacing is None else line_spacing
    pf.keep_with_next = keep_next or None
    if text:
        _run(p, text, v, size or v.font_size, bold=bold)
    return p


def _borders(tbl, rules: str) -> None:
    tblpr = tbl._tbl.tblPr
    old = tblpr.find(_w("tblBorders"))
    if old is not None:
        tblpr.remove(old)
    b = _el("tblBorders")
    on = {"grid": ("top", "left", "bottom", "right", "insideH", "insideV"),
          "horizontal": ("top", "bottom", "insideH"), "vertical": ("top", "left", "bottom", "right", "insideV"),
          "none": ()}[rules]
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if side in on:
            b.append(_el(side, val="single", sz=4 if side.startswith("inside") else 6, space=0, color="000000"))
        else:
            b.append(_el(side, val="nil"))
    tblpr.append(b)


def _cell_margins(tbl, pad: float) -> None:
    tblpr = tbl._tbl.tblPr
    m = _el("tblCellMar")
    for side, val in (("top", pad / 2 + 0.5), ("left", pad), ("bottom", pad / 2 + 1), ("right", pad)):
        m.append(_el(side, w=int(round(val * 20)), type="dxa"))
    tblpr.append(m)


def _fixed_layout(tbl, widths_pt: list[float]) -> None:
    tblpr = tbl._tbl.tblPr
    tblpr.append(_el("tblLayout", type="fixed"))
    tblw = tblpr.find(_w("tblW"))
    if tblw is None:
        tblw = _el("tblW")
        tblpr.append(tblw)
    tblw.set(_w("w"), str(int(round(sum(widths_pt) * 20))))
    tblw.set(_w("type"), "dxa")
    grid = tbl._tbl.tblGrid
    for gc, w in zip(grid.findall(_w("gridCol")), widths_pt):
        gc.set(_w("w"), str(int(round(w * 20))))


def add_table(document, grid: Grid, v: Variant):
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    nrows, ncols = len(grid.rows), grid.ncols
    tbl = document.add_table(rows=nrows, cols=ncols)
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    _fixed_layout(tbl, grid.widths)
    _borders(tbl, v.rules)
    _cell_margins(tbl, grid.padding)
    # rows: header repetition and splitting
    for r, row in enumerate(tbl.rows):
        trpr = row._tr.get_or_add_trPr()
        if not v.split_rows:
            trpr.append(_el("cantSplit"))
        if r < grid.nhead and v.repeat_header:
            trpr.append(_el("tblHeader"))
    # Table.cell() rescans the whole table on every call: take the cells once (row-major). The
    # wrappers of the spans' origin cells stay valid through the merges.
    cells = tbl._cells
    at = lambda r, c: cells[r * ncols + c]  # noqa: E731
    # widths on every cell (LibreOffice and Word both read tcW)
    for r in range(nrows):
        for c in range(ncols):
            at(r, c).width = Pt(grid.widths[c])
    # merges first (python-docx moves no content out of empty cells), text afterwards
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if not cell.covered and (cell.colspan > 1 or cell.rowspan > 1):
                at(r, c).merge(at(r + cell.rowspan - 1, c + cell.colspan - 1))
    valign = {"top": WD_CELL_VERTICAL_ALIGNMENT.TOP, "middle": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
              "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM}
    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell.covered:
                continue
            dc = at(r, c)
            dc.vertical_alignment = valign["middle" if r < grid.nhead else v.valign]
            if r < grid.nhead and v.header_fill and v.rules != "none":
                dc._tc.get_or_add_tcPr().append(_el("shd", val="clear", color="auto", fill="D9D9D9"))
            if r == grid.nhead - 1 and v.rules == "vertical":  # the one rule across: under the header
                borders = _el("tcBorders")
                borders.append(_el("bottom", val="single", sz=6, space=0, color="000000"))
                dc._tc.get_or_add_tcPr().append(borders)
            p = dc.paragraphs[0]
            pf = p.paragraph_format
            pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
            p.alignment = align[v.number_align if cell.numeric else cell.align]
            if cell.text:
                _run(p, cell.text, v, grid.font_size, bold=cell.bold, italic=cell.italic)
    return tbl


def _footer(section, doc, v: Variant) -> None:
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    p = section.footer.paragraphs[0]
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    ppr = p._p.get_or_add_pPr()
    border = _el("pBdr")
    border.append(_el("top", val="single", sz=4, space=1, color="000000"))
    ppr.append(border)
    tabs = _el("tabs")
    tabs.append(_el("tab", val="right", pos=int(round(text_area(v)[0] * 20))))
    ppr.append(tabs)
    _run(p, doc.title, v, max(6.0, v.font_size - 2), italic=True)
    _run(p, "\t", v, max(6.0, v.font_size - 1))
    fld = _el("fldSimple", instr="PAGE")
    r = _run(p, "1", v, max(6.0, v.font_size - 1))
    p._p.remove(r._r)
    fld.append(r._r)
    p._p.append(fld)


def build_docx(doc, v: Variant, path: Path) -> None:
    from docx import Document as DocxDocument
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    d = DocxDocument()
    # defaults: the variant's font everywhere (no theme fonts)
    normal = d.styles["Normal"]
    normal.font.size = Pt(v.font_size)
    _fonts(normal.element, v.font)
    defaults = d.styles.element.find(_w("docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(_w("rPrDefault"))
        if rpr_default is not None and rpr_default.find(_w("rPr")) is not None:
            rfonts = rpr_default.find(_w("rPr")).find(_w("rFonts"))
            if rfonts is not None:
                for a in list(rfonts.attrib):
                    del rfonts.attrib[a]
                for a in ("ascii", "hAnsi", "eastAsia", "cs"):
                    rfonts.set(_w(a), v.font)
    section = d.sections[0]
    w, h = v.page_size_mm
    section.orientation = WD_ORIENT.LANDSCAPE if v.orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(w), Mm(h)
    top, right, bottom, left = v.margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.footer_distance = Mm(max(5.0, bottom / 2 - 3))
    if v.running_footer:
        _footer(section, doc, v)
    text_h = text_area(v)[1]
    story, _ = blocks(doc, v)
    body_align = "justify" if v.justify else "left"
    page_break_next = False

    def new_para(*a, **kw):
        nonlocal page_break_next
        p = _para(d, *a, **kw)
        if page_break_next:
            p.paragraph_format.page_break_before = True
            page_break_next = False
        return p

    for i, b in enumerate(story):
        if b.kind == "title":
            new_para("", v, space_after=text_h * 0.2)
            for line in b.lines:
                new_para(line, v, size=v.font_size + 4, bold=True, align="center", space_after=6, line_spacing=1.2)
        elif b.kind == "chapter":
            for line in b.lines:
                new_para(line, v, size=v.font_size + 2, bold=True, align="center", space_after=4, line_spacing=1.2)
            new_para("", v, space_after=0)
        elif b.kind == "heading":
            new_para(b.text, v, bold=True, keep_next=True, space_before=v.font_size * 0.6)
        elif b.kind == "para":
            new_para(b.text, v, align=body_align)
        elif b.kind == "page_break":
            page_break_next = True
        elif b.kind == "gap":
            from docx.enum.text import WD_LINE_SPACING

            p = new_para("", v, space_after=0)
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            p.paragraph_format.line_spacing = Pt(min(1500.0, text_h * b.fraction))
        elif b.kind == "caption":
            above = i + 1 < len(story) and story[i + 1].kind == "table"
            for j, line in enumerate(b.lines):
                new_para(line, v, bold=True, align="center", keep_next=above, line_spacing=1.15,
                         space_after=4 if (above and j == len(b.lines) - 1) else 0,
                         space_before=4 if (not above and j == 0) else 0)
        elif b.kind == "table":
            if page_break_next:   # a table right after a page break: an empty paragraph carries the break
                new_para("", v, space_after=0)
            add_table(d, b.grid, v)
            new_para("", v, space_after=0)
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by = doc.title, doc.author, doc.author
    cp.subject, cp.keywords = "Laporan Kinerja Instansi Pemerintah", "LKjIP, SAKIP"
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    d.save(str(path))


def _profile_dir() -> str:
    if not _PROFILE:
        _PROFILE.append(tempfile.mkdtemp(prefix="lkjip-fuzz-lo-"))
        atexit.register(shutil.rmtree, _PROFILE[0], True)
    return _PROFILE[0]


def convert(docx: Path, out_dir: Path) -> Path:
    """docx -> pdf with headless LibreOffice (own user profile, reused within the process)."""
    cmd = [soffice(), f"-env:UserInstallation=file://{_profile_dir()}", "--headless", "--norestore",
           "--nolockcheck", "--nodefault", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir),
           str(docx)]
    env = dict(os.environ, SAL_USE_VCLPLUGIN="svp", HOME=_profile_dir())
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT, env=env)
    pdf = out_dir / (docx.stem + ".pdf")
    if res.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"soffice failed ({res.returncode}): {res.stderr.strip() or res.stdout.strip()}")
    return pdf


def render(doc, v: Variant, out_path: Path, keep_source: bool = False) -> dict:
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-fuzz-docx-") as tmp:
        docx = Path(tmp) / (out_path.stem + ".docx")
        build_docx(doc, v, docx)
        pdf = convert(docx, Path(tmp))
        shutil.move(str(pdf), out_path)
        if keep_source:
            shutil.copy(docx, out_path.with_suffix(".docx"))
    return {}
