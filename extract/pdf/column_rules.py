"""Column borders from drawn vertical rules.

A table ruled between its columns (the frame and the column rules, with or without rules between
rows) that the word reader reads shows its borders: the rules that run down the whole body. They
part columns that the gutter search may join where a name runs up to the next column's text, a
word space from it (a narrow 'Sasaran Strategis' column beside 'Indikator Sasaran').
"""
from __future__ import annotations

from dataclasses import dataclass

from extract.model import Line
from extract.pdf.line_kinds import body_start

THIN_PT = 2.0  # a rule is at most this wide
JOIN_PT = 2.0  # pieces of one rule (one per cell) that touch or nearly so are one rule
SAME_X_PT = 2.0  # rules this close apart are one border
BORDER_SLACK_PT = 1.0  # a column's text keeps this far from its borders
MIN_BORDERS = 4  # three columns or more
PADDING_PT = 12.0  # a frame rule lies at most this far out of the text it holds (a cell's padding)


@dataclass
class ColumnRule:
    """A vertical rule drawn on the page (PDF x, y extent)."""
    x: float
    y0: float
    y1: float


def page_column_rules(page) -> list[ColumnRule]:
    """Vertical rules of a pdfium page: thin tall paths, the pieces on one x that touch joined."""
    import pypdfium2 as pdfium

    pieces = []
    for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        if right - left <= THIN_PT and top - bottom >= max(4.0, 10 * (right - left)):
            pieces.append(ColumnRule((left + right) / 2, bottom, top))
    rules: list[ColumnRule] = []
    for piece in sorted(pieces, key=lambda r: (round(r.x), r.y0)):
        last = rules[-1] if rules else None
        if last is not None and abs(last.x - piece.x) <= 1.0 and piece.y0 <= last.y1 + JOIN_PT:
            last.y1 = max(last.y1, piece.y1)
        else:
            rules.append(ColumnRule(piece.x, piece.y0, piece.y1))
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
