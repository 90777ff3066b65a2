"""HTML engine: an HTML page with CSS paged media, printed by headless Chromium (--print-to-pdf).

@page gives the paper size, orientation and margins (and the running footer in @bottom-left /
@bottom-right margin boxes); tables are <table> with <colgroup> widths from layout.fit_columns,
border-collapse, colspan/rowspan, the header rows in <thead>. Chromium repeats a <thead> on
every page; `thead { display: table-row-group }` stops that when the variant says so. Rows
avoid page breaks inside them unless split_rows. The fonts are loaded from their TrueType files
with @font-face, so the PDF uses exactly the family that the widths were measured with.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from . import fonts
from .layout import Grid, blocks, text_area
from .variants import Variant

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "/usr/lib/chromium/chromium")
PRINT_TIMEOUT = 180


def chromium() -> str:
    for c in CHROMIUM_CANDIDATES:
        path = shutil.which(c)
        if path:
            return path
    raise RuntimeError("Chromium not found (apt-get install chromium)")


@cache
def engine_version() -> str:
    try:
        out = subprocess.run([chromium(), "--version"], capture_output=True, text=True, timeout=60).stdout
        return out.strip() or "Chromium"
    except (OSError, subprocess.SubprocessError, RuntimeError):  # version is informative only
        return "Chromium"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet(doc, v: Variant) -> str:
    files = fonts.font_files(v.font)
    faces = []
    for style, weight, slant in (("regular", 400, "normal"), ("bold", 700, "normal"), ("italic", 400, "italic"),
                                 ("bolditalic", 700, "italic")):
        faces.append(f'@font-face {{ font-family: "FuzzFont"; src: url("{files[style].as_uri()}"); '
                     f"font-weight: {weight}; font-style: {slant}; }}")
    w, h = v.page_size_mm
    top, right, bottom, left = v.margins_mm
    fs = v.font_size
    footer = ""
    if v.running_footer:
        small = max(6.0, fs - 2)
        footer = (f"  @bottom-left {{ content: {_css_string(doc.title)}; font-family: 'FuzzFont'; font-style: italic;"
                  f" font-size: {small}pt; vertical-align: middle; border-top: 0.5pt solid #000; }}\n"
                  f"  @bottom-right {{ content: counter(page); font-family: 'FuzzFont'; font-size: {small + 1}pt;"
                  f" vertical-align: middle; border-top: 0.5pt solid #000; }}\n")
    css = "\n".join(faces) + f"""
@page {{
  size: {w}mm {h}mm;
  margin: {top}mm {right}mm {bottom}mm {left}mm;
{footer}}}
@page :first {{ @bottom-left {{ content: none; border: none; }} @bottom-right {{ content: none; border: none; }} }}
html {{ font-family: "FuzzFont"; font-size: {fs}pt; line-height: {v.line_spacing}; color: #000;
        -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0; }}
p {{ margin: 0 0 {fs * 0.6:.2f}pt 0; text-align: {'justify' if v.justify else 'left'}; orphans: 2; widows: 2; }}
.title {{ font-weight: bold; font-size: {fs + 4}pt; line-height: 1.3; text-align: center; margin: 0 0 6pt 0; }}
.title-space {{ height: {text_area(v)[1] * 0.2:.1f}pt; }}
.chapter {{ font-weight: bold; font-size: {fs + 2}pt; line-height: 1.3; text-align: center; margin: 0 0 4pt 0; }}
.heading {{ font-weight: bold; text-align: left; margin-top: {fs * 0.6:.2f}pt; break-after: avoid; }}
.caption {{ font-weight: bold; text-align: center; margin: 0; line-height: 1.25; }}
.caption.above {{ break-after: avoid; }}
.caption.above.last {{ margin-bottom: 4pt; }}
.caption.below.first {{ margin-top: 4pt; }}
.page-break {{ break-before: page; height: 0; }}
table.t {{ border-collapse: collapse; table-layout: fixed; margin: 0 auto {fs:.1f}pt auto;
          line-height: 1.2; }}
table.t td, table.t th {{ overflow-wrap: break-word; font-weight: normal; }}
table.t th {{ font-weight: bold; text-align: center; vertical-align: middle; }}
table.t td.num {{ white-space: nowrap; text-align: {v.number_align}; }}
table.t td.idx {{ text-align: center; }}
table.t .b {{ font-weight: bold; }}
table.t .i {{ font-style: italic; }}
"""
    if v.rules == "grid":
        css += "table.t td, table.t th { border: 0.5pt solid #000; }\n"
    elif v.rules == "horizontal":
        css += ("table.t td, table.t th { border-top: 0.5pt solid #000; border-bottom: 0.5pt solid #000; }\n"
                "table.t thead tr:first-child th { border-top-width: 0.75pt; }\n")
    elif v.rules == "vertical":
        css += ("table.t { border: 0.75pt solid #000; }\n"
                "table.t td, table.t th { border-left: 0.5pt solid #000; border-right: 0.5pt solid #000; }\n"
                "table.t thead tr:last-child th, table.t thead th[rowspan] { border-bottom: 0.75pt solid #000; }\n")
    if v.header_fill and v.rules != "none":
        css += "table.t th { background: #d9d9d9; }\n"
    if not v.repeat_header:
        css += "table.t thead { display: table-row-group; }\n"
    if not v.split_rows:
        css += "table.t tr { break-inside: avoid; }\n"
    return css


def table_html(grid: Grid, v: Variant) -> str:
    pad = grid.padding
    out = [f'<table class="t" style="width:{grid.width:.2f}pt; font-size:{grid.font_size}pt">', "<colgroup>"]
    out += [f'<col style="width:{w:.2f}pt">' for w in grid.widths]
    out.append("</colgroup>")
    cell_pad = f"padding:{pad / 2 + 0.5:.2f}pt {pad:.2f}pt {pad / 2 + 1:.2f}pt {pad:.2f}pt"
    for part, rows, offset in (("thead", grid.rows[:grid.nhead], 0), ("tbody", grid.rows[grid.nhead:], grid.nhead)):
        out.append(f"<{part}>")
        for row in rows:
            out.append("<tr>")
            for cell in row:
                if cell.covered:
                    continue
                tag = "th" if cell.header else "td"
                cls = [k for k, on in (("num", cell.numeric), ("idx", cell.index), ("b", cell.bold and not cell.header),
                                        ("i", cell.italic)) if on]
                attrs = f' class="{" ".join(cls)}"' if cls else ""
                attrs += f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                attrs += f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
                valign = "" if cell.header else f";vertical-align:{v.valign}"
                out.append(f'<{tag}{attrs} style="{cell_pad}{valign}">{html.escape(cell.text)}</{tag}>')
            out.append("</tr>")
        out.append(f"</{part}>")
    out.append("</table>")
    return "\n".join(out)


def build_html(doc, v: Variant) -> str:
    story, _ = blocks(doc, v)
    text_h = text_area(v)[1]
    body = []
    for i, b in enumerate(story):
        if b.kind == "title":
            body.append('<div class="title-space"></div>')
            body += [f'<div class="title">{html.escape(line)}</div>' for line in b.lines]
        elif b.kind == "chapter":
            body += [f'<div class="chapter">{html.escape(line)}</div>' for line in b.lines]
            body.append(f'<div style="height:{v.font_size}pt"></div>')
        elif b.kind == "heading":
            body.append(f'<p class="heading">{html.escape(b.text)}</p>')
        elif b.kind == "para":
            body.append(f"<p>{html.escape(b.text)}</p>")
        elif b.kind == "page_break":
            body.append('<div class="page-break"></div>')
        elif b.kind == "gap":
            body.append(f'<div style="height:{text_h * b.fraction:.1f}pt"></div>')
        elif b.kind == "caption":
            side = "above" if i + 1 < len(story) and story[i + 1].kind == "table" else "below"
            for j, line in enumerate(b.lines):
                cls = ["caption", side] + (["first"] if j == 0 else []) + (["last"] if j == len(b.lines) - 1 else [])
                body.append(f'<div class="{" ".join(cls)}">{html.escape(line)}</div>')
        elif b.kind == "table":
            body.append(table_html(b.grid, v))
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(doc.title)}'
            f'</title>\n<meta name="author" content="{html.escape(doc.author)}">\n<style>\n{stylesheet(doc, v)}'
            f"</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def print_pdf(page: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="lkjip-fuzz-chromium-") as profile:
        cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--font-render-hinting=none", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT)
    if res.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"chromium --print-to-pdf failed ({res.returncode}): {res.stderr.strip()[-2000:]}")


def render(doc, v: Variant, out_path: Path, keep_source: bool = False) -> dict:
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-fuzz-html-") as tmp:
        page = Path(tmp) / (out_path.stem + ".html")
        page.write_text(build_html(doc, v), encoding="utf-8")
        tmp_pdf = Path(tmp) / (out_path.stem + ".pdf")
        print_pdf(page, tmp_pdf)
        shutil.move(str(tmp_pdf), out_path)
        if keep_source:
            shutil.copy(page, out_path.with_suffix(".html"))
    return {}
