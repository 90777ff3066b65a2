"""reportlab engine: platypus paragraphs and (Long)Tables with the variant's knobs.

Like samples/render_samples.py (cells as Paragraphs, fonts embedded from fixed TrueType files,
invariant=1 so a variant renders byte-identically), but page, font, rules, header repetition,
spans, widths and table position come from the Variant.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts
from .layout import MM, Grid, blocks, text_area
from .variants import Variant

GREY = colors.Color(0.85, 0.85, 0.85)
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
VALIGN = {"top": "TOP", "middle": "MIDDLE", "bottom": "BOTTOM"}


@cache
def engine_version() -> str:
    import reportlab

    return f"reportlab {reportlab.Version}"


def _styles(v: Variant) -> dict[str, ParagraphStyle]:
    f, fs = v.font, v.font_size
    body = ParagraphStyle("body", fontName=fonts.rl_name(f), fontSize=fs, leading=fs * v.line_spacing,
                          alignment=TA_JUSTIFY if v.justify else TA_LEFT, spaceAfter=fs * 0.6)
    bold = fonts.rl_name(f, "bold")
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=fs + 4, leading=(fs + 4) * 1.3,
                                alignment=TA_CENTER, spaceAfter=6),
        "chapter": ParagraphStyle("chapter", parent=body, fontName=bold, fontSize=fs + 2, leading=(fs + 2) * 1.3,
                                  alignment=TA_CENTER, spaceAfter=4),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, alignment=TA_LEFT, spaceBefore=fs * 0.6,
                                  keepWithNext=1),
        "caption": ParagraphStyle("caption", parent=body, fontName=bold, alignment=TA_CENTER, spaceAfter=0,
                                  leading=fs * 1.25),
    }


def _cell_style(grid: Grid, v: Variant, bold: bool, italic: bool, align: str) -> ParagraphStyle:
    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    fs = grid.font_size
    return ParagraphStyle(f"c{style}{align}{fs}", fontName=fonts.rl_name(v.font, style), fontSize=fs,
                          leading=fs * 1.2, alignment=ALIGN[align])


def build_table(grid: Grid, v: Variant) -> Table:
    data, cmds = [], []
    for r, row in enumerate(grid.rows):
        out = []
        for c, cell in enumerate(row):
            if cell.covered or not cell.text:
                out.append("")
                continue
            align = v.number_align if cell.numeric else cell.align
            out.append(Paragraph(escape(cell.text), _cell_style(grid, v, cell.bold, cell.italic, align)))
            if cell.colspan > 1 or cell.rowspan > 1:
                cmds.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        data.append(out)
    pad = grid.padding
    cmds += [
        ("VALIGN", (0, 0), (-1, -1), VALIGN[v.valign]),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad / 2 + 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), pad / 2 + 1),
        ("VALIGN", (0, 0), (-1, grid.nhead - 1), "MIDDLE"),
    ]
    if v.rules == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif v.rules == "horizontal":
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.75, colors.black),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                 ("LINEBELOW", (0, grid.nhead - 1), (-1, grid.nhead - 1), 0.75, colors.black)]
    elif v.rules == "vertical":
        cmds += [("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                 ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
                 ("LINEBELOW", (0, grid.nhead - 1), (-1, grid.nhead - 1), 0.75, colors.black)]
    if v.header_fill and v.rules != "none":
        cmds.append(("BACKGROUND", (0, 0), (-1, grid.nhead - 1), GREY))
    cls = LongTable if len(data) > 40 else Table
    t = cls(data, colWidths=grid.widths, repeatRows=grid.nhead if v.repeat_header else 0,
            splitByRow=1, splitInRow=1 if v.split_rows else 0, hAlign="CENTER")
    t.setStyle(TableStyle(cmds))
    return t


def render(doc, v: Variant, out_path: Path, keep_source: bool = False) -> dict:
    """Write the PDF; returns facts about the rendering for the variant's JSON (keep_source: no
    intermediate file with this engine)."""
    st = _styles(v)
    page_w, page_h = (x * MM for x in v.page_size_mm)
    top, right, bottom, left = (m * MM for m in v.margins_mm)
    text_w, text_h = text_area(v)
    story_blocks, grids = blocks(doc, v)
    story = []
    for bi, b in enumerate(story_blocks):
        if b.kind == "title":
            story.append(Spacer(1, text_h * 0.2))
            story += [Paragraph(escape(line), st["title"]) for line in b.lines]
        elif b.kind == "chapter":
            story += [Paragraph(escape(line), st["chapter"]) for line in b.lines]
            story.append(Spacer(1, v.font_size))
        elif b.kind == "heading":
            story.append(Paragraph(escape(b.text), st["heading"]))
        elif b.kind == "para":
            story.append(Paragraph(escape(b.text), st["body"]))
        elif b.kind == "page_break":
            story.append(PageBreak())
        elif b.kind == "gap":
            story.append(Spacer(1, text_h * b.fraction))
        elif b.kind == "caption":
            lines = [Paragraph(escape(line), st["caption"]) for line in b.lines]
            if bi + 1 < len(story_blocks) and story_blocks[bi + 1].kind == "table":   # above: not alone at a page foot
                story.append(CondPageBreak(len(lines) * v.font_size * 1.25 + 3 * v.font_size * 1.8))
                story += lines + [Spacer(1, 4)]
            else:
                story += [Spacer(1, 4)] + lines
        elif b.kind == "table":
            story.append(build_table(b.grid, v))
            story.append(Spacer(1, v.font_size))

    def footer(canv, d):
        if not v.running_footer or d.page == 1:
            return
        canv.saveState()
        y = bottom / 2
        canv.setLineWidth(0.5)
        canv.line(left, y + v.font_size + 2, page_w - right, y + v.font_size + 2)
        canv.setFont(fonts.rl_name(v.font, "italic"), max(6.0, v.font_size - 2))
        canv.drawString(left, y, doc.title)
        canv.setFont(fonts.rl_name(v.font), max(6.0, v.font_size - 1))
        canv.drawRightString(page_w - right, y, str(d.page))
        canv.restoreState()

    out_path.parent.mkdir(parents=True, exist_ok=True)
    d = BaseDocTemplate(str(out_path), pagesize=(page_w, page_h), leftMargin=left, rightMargin=right,
                        topMargin=top, bottomMargin=bottom, title=doc.title, author=doc.author,
                        subject="Laporan Kinerja Instansi Pemerintah", creator="lkjip-warehouse bench/fuzz reportlab",
                        invariant=1, pageCompression=1)
    frame = Frame(left, bottom, text_w, text_h, id="body", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    d.addPageTemplates([PageTemplate(id="body", frames=[frame], onPage=footer)])
    d.build(story)
    return {"pages": d.page}
