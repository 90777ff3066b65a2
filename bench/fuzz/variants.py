"""Seeded random layout variants.

A Variant fixes every layout decision of one rendering; `variants(seed, engine, n)` yields the
first n variants of a (seed, engine, base_seed) stream. Variant k depends only on
(base_seed, seed, engine, k), never on n, so `--n 30` and `--n 100` share their first 30.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields, replace

ENGINES = ("reportlab", "libreoffice", "html")
SEEDS = {"jepara": "lkjip_jepara_2024", "jambi": "lkjip_kota-jambi_2025"}
FONT_FAMILIES = (
    "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Condensed",
    "Liberation Sans", "Liberation Serif", "Liberation Sans Narrow",
    "Noto Sans", "Noto Serif", "FreeSans", "FreeSerif",
)
PAPERS_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4), "F4": (215.0, 330.0)}
RULES = ("grid", "horizontal", "none")
VERTICAL_RULES_FROM = 420  # from this variant on, a third of the ruled ones rule columns alone (and the frame)
CAPTIONS = ("above", "below", "absent")
STARTS = ("flow", "new_page", "near_bottom")
MAX_TABLES = 3   # per seed (Jepara 2, Jambi 3); per-table knobs are tuples of this length
MAX_COLS = 12


def seed_name(seed: str) -> str:
    """'jepara' | 'jambi' from either the short name or a slug / file name."""
    for short, slug in SEEDS.items():
        if seed == short or seed.startswith(slug) or short in seed:
            return short
    raise ValueError(f"unknown seed {seed!r} (expected one of {', '.join(SEEDS)})")


@dataclass(frozen=True)
class Variant:
    seed: str                     # jepara | jambi
    engine: str                   # reportlab | libreoffice | html
    number: int                   # k: position in the (base_seed, seed, engine) stream
    base_seed: int
    # type
    font: str                     # family, one of FONT_FAMILIES
    font_size: float              # body text, 8-12 pt
    table_font_size: float        # table text before any shrink-to-fit (<= font_size)
    line_spacing: float           # leading / font size
    justify: bool                 # body paragraphs justified or ragged right
    # page
    paper: str                    # A4 | Letter | F4 (215 x 330 mm folio)
    orientation: str              # portrait | landscape
    margins_mm: tuple             # top, right, bottom, left
    running_footer: bool          # footer line with report name and page number
    # table look
    rules: str                    # grid | horizontal (rules between rows, no verticals) | vertical (column rules,
                                  # the frame and a rule under the header: rows unruled) | none
    header_fill: bool             # grey header background (not with rules == none)
    repeat_header: bool           # header rows repeated on continuation pages
    caption: str                  # above | below | absent
    cell_padding: float           # pt, left/right (top/bottom is half)
    valign: str                   # top | middle | bottom
    number_align: str             # right | center (numeric cells)
    merge_cells: bool             # header group cells / section rows as spanning cells
    align_values: bool            # short rows padded before their trailing values (else at the end)
    join_continuations: bool      # budget rows that only continue a name are merged into that name
    split_rows: bool              # a row may break across pages (libreoffice, html; reportlab when supported)
    # column widths
    wrap_names: bool              # name columns squeezed so that long names wrap
    name_squeeze: float           # wrap_names: share of the one-line width of a name column's 75th-percentile cell
    full_width: bool              # table stretched to the text width
    column_jitter: tuple          # per column multiplier of the share of spare width
    # where each table starts
    start: tuple                  # per table: flow | new_page | near_bottom
    lead_in: tuple                # per table: extra seed paragraphs before the table's heading
    bottom_gap: tuple             # per table, near_bottom: share of the text height left blank first
    # whole-report mode only (drawn last, so the knobs above are those of the table-only stream)
    chapter_break: bool = True    # each BAB chapter and front-matter heading starts a new page

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | str) -> Variant:
        if isinstance(data, str):
            data = json.loads(data)
        names = {f.name for f in fields(cls)}
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in names}
        return cls(**kw)

    @property
    def page_size_mm(self) -> tuple[float, float]:
        w, h = PAPERS_MM[self.paper]
        return (h, w) if self.orientation == "landscape" else (w, h)

    @property
    def slug(self) -> str:
        return SEEDS[self.seed]

    @property
    def name(self) -> str:
        return f"{self.seed}_{self.engine}_{self.number}"


def make_variant(seed: str, engine: str, number: int, base_seed: int = 0) -> Variant:
    seed = seed_name(seed)
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (expected one of {', '.join(ENGINES)})")
    rng = random.Random(f"lkjip-fuzz:{base_seed}:{seed}:{engine}:{number}")
    font = rng.choice(FONT_FAMILIES)
    font_size = rng.choice((8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12))
    table_font_size = max(7.0, font_size - rng.choice((0, 0, 0.5, 1, 1.5, 2)))
    paper = rng.choice(("A4", "A4", "Letter", "F4"))
    orientation = "landscape" if rng.random() < 0.3 else "portrait"
    margins = tuple(float(rng.randint(12, 35)) for _ in range(4))
    rules = rng.choice(RULES)
    wrap_names = rng.random() < 0.5
    variant = Variant(
        seed=seed, engine=engine, number=number, base_seed=base_seed,
        font=font, font_size=float(font_size), table_font_size=float(table_font_size),
        line_spacing=round(rng.uniform(1.1, 1.5), 2), justify=rng.random() < 0.6,
        paper=paper, orientation=orientation, margins_mm=margins, running_footer=rng.random() < 0.6,
        rules=rules, header_fill=rules != "none" and rng.random() < 0.5,
        repeat_header=rng.random() < 0.5, caption=rng.choice(CAPTIONS),
        cell_padding=round(rng.uniform(1.5, 5.0), 1), valign=rng.choice(("top", "top", "middle", "bottom")),
        number_align=rng.choice(("right", "right", "center")),
        merge_cells=rng.random() < 0.6, align_values=rng.random() < 0.5,
        join_continuations=rng.random() < 0.5, split_rows=rng.random() < 0.25,
        wrap_names=wrap_names, name_squeeze=round(rng.uniform(0.3, 0.75), 2),
        full_width=rng.random() < 0.6,
        column_jitter=tuple(round(rng.uniform(0.6, 1.6), 2) for _ in range(MAX_COLS)),
        start=tuple(rng.choice(STARTS) for _ in range(MAX_TABLES)),
        lead_in=tuple(rng.randint(0, 6) for _ in range(MAX_TABLES)),
        bottom_gap=tuple(round(rng.uniform(0.45, 0.75), 2) for _ in range(MAX_TABLES)),
        chapter_break=rng.random() < 0.7,
    )
    if number >= VERTICAL_RULES_FROM and rules != "none" and rng.random() < 1 / 3:
        # drawn after every other knob, so the variants before keep theirs
        variant = replace(variant, rules="vertical")
    return variant


def variants(seed_slug: str, engine: str, n: int, base_seed: int = 0, start: int = 0) -> Iterator[Variant]:
    """n reproducible variants (numbers start .. start+n-1) of one seed for one engine."""
    for k in range(start, start + n):
        yield make_variant(seed_slug, engine, k, base_seed)
