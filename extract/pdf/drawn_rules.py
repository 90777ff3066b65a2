"""Rules drawn on a page, and the column borders they give.

The word reader (unruled.py) uses both directions: horizontal rules part rows, and vertical ones, where
they run down a block's whole body, are its column borders. A table ruled between its columns (the frame
and the column rules, with or without rules between rows) shows them; they part columns that the gutter
search may join where a name runs up to the next column's text, a word space from it (a narrow
'Sasaran Strategis' column beside 'Indikator Sasaran').
"""
from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from extract.model import Line
from extract.pdf.line_kinds import body_start

THIN_PT = 2.0  # a rule is at most this wide
MIN_LENGTH_PT = 4.0  # ...and at least this long, and ten times its width
SAME_LINE_PT = 1.0  # pieces of one rule (a renderer draws one per cell) lie this close to one line...
JOIN_PT = 2.0  # ...and touch or nearly so
SAME_X_PT = 2.0  # vertical rules this close apart are one border
BORDER_SLACK_PT = 1.0  # a column's text keeps this far from its borders
MIN_BORDERS = 4  # three columns or more
PADDING_PT = 12.0  # a frame rule lies at most this far out of the text it holds (a cell's padding)


@dataclass
class Rule:
    """A horizontal rule drawn on the page (PDF y, x extent)."""
    y: float
    x0: float
    x1: float


@dataclass
class ColumnRule:
    """A vertical rule drawn on the page (PDF x, y extent)."""
    x: float
    y0: float
    y1: float


def drawn_rules(page) -> tuple[list[Rule], list[ColumnRule]]:
    """The horizontal and the vertical rules of a pdfium page (thin long paths), in one walk over its
    path objects."""
    flat, upright = [], []
    for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height <= THIN_PT and width >= max(MIN_LENGTH_PT, 10 * height):
            flat.append(((top + bottom) / 2, left, right))
        elif width <= THIN_PT and height >= max(MIN_LENGTH_PT, 10 * width):
            upright.append(((left + right) / 2, bottom, top))
    return [Rule(*r) for r in _joined(flat)], [ColumnRule(*r) for r in _joined(upright)]


def page_rules(page) -> list[Rule]:
    """The horizontal rules of a pdfium page."""
    return drawn_rules(page)[0]


def _joined(pieces: list[tuple[float, float, float]]) -> list[list[float]]:
    """Pieces (position across, start, end) on one line whose extents touch, joined into one rule."""
    rules: list[list[float]] = []
    for at, start, end in sorted(pieces, key=lambda p: (round(p[0]), p[1])):
        last = rules[-1] if rules else None
        if last is not None and abs(last[0] - at) <= SAME_LINE_PT and start <= last[2] + JOIN_PT:
            last[2] = max(last[2], end)
        else:
            rules.append([at, start, end])
    return rules


def ruled_columns(block: list[Line], rules: list[ColumnRule]) -> list[tuple[float, float]] | None:
    """The columns between the rules that run down the whole body of the block (its lines from the
    first value line), when there are three columns or more, the block's text lies inside the outer
    two, and no word of the body crosses one of them where it is drawn (else they are no column
    borders: a box drawn round the text, a rule beside it). A header cell spanning sub-columns
    ('Anggaran' over 'Target | Realisasi') may lie across a rule drawn the whole height."""
    body = block[body_start(block):]
    if len(body) < 2 or not rules:
        return None
    top, bottom = max(line.top for line in body), min(line.bottom for line in body)
    x0, x1 = min(line.x0 for line in block), max(line.x1 for line in block)
    borders: list[ColumnRule] = []
    for rule in sorted(rules, key=lambda r: r.x):
        down_the_body = rule.y0 <= bottom + JOIN_PT and rule.y1 >= top - JOIN_PT
        if not down_the_body or not x0 - PADDING_PT <= rule.x <= x1 + PADDING_PT:
            continue  # (a header's rule, another table's)
        if not (borders and rule.x - borders[-1].x <= SAME_X_PT):
            borders.append(rule)
    if len(borders) < MIN_BORDERS or x0 < borders[0].x - SAME_X_PT or x1 > borders[-1].x + SAME_X_PT:
        return None
    if any(_crosses(w, rule) for line in body for w in line.words for rule in borders):
        return None
    return [(a.x + BORDER_SLACK_PT, b.x - BORDER_SLACK_PT) for a, b in zip(borders, borders[1:])]


def _crosses(word, rule: ColumnRule) -> bool:
    middle = (word.top + word.bottom) / 2
    return word.x0 < rule.x - BORDER_SLACK_PT and word.x1 > rule.x + BORDER_SLACK_PT and rule.y0 <= middle <= rule.y1
