"""The table model shared by the PDF readers (pdf/) and the fact parsers (parse/)."""
from __future__ import annotations

from dataclasses import dataclass, field

LATTICE_FLAVOR = "lattice"  # camelot on ruling lines
WORDS_FLAVOR = "words"  # extract/pdf/unruled.py: columns from word positions
# Flavors that align words into columns (no ruling lines): every wrapped line is a row of its own,
# and the columns found may differ from page to page.
UNRULED_FLAVORS = ("stream", "network", WORDS_FLAVOR)


@dataclass
class RawTable:
    """One table as camelot saw it: a grid of raw cell texts with the page of every row."""

    table_id: str
    page_start: int
    flavor: str
    rows: list[list[str]]
    row_pages: list[int]
    caption: str = ""
    top: float = 0.0  # PDF y of the table's top edge (origin bottom-left)
    bottom: float = 0.0
    order: int = 0
    continued_from: list[str] = field(default_factory=list)
    col_bounds: list[tuple[float, float]] = field(default_factory=list)  # x range of every column

    @property
    def page_end(self) -> int:
        return max(self.row_pages) if self.row_pages else self.page_start

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Word:
    x0: float
    x1: float
    bottom: float  # PDF y, origin bottom-left
    top: float
    text: str

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def top(self) -> float:
        return max(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return min(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        """The line's words left to right, one space apart."""
        return " ".join(w.text for w in sorted(self.words, key=lambda w: w.x0))

    def gaps(self) -> list[float]:
        ordered = sorted(self.words, key=lambda w: w.x0)
        return [b.x0 - a.x1 for a, b in zip(ordered, ordered[1:])]
