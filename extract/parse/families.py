"""Recognise the family of a table (indicator achievement, budget realisation, plan, scale, ...) from
the labels of its header (`headers.py`) and its caption.

A table whose header names no known family (or that has none: a continuation page cut
off its header) is read by the content of its columns: a text column and two columns of rupiah
magnitudes make a budget table (`content_layout`). A table of a kind the warehouse does not model
(regional statistics, staff, evaluation scores, revenue, assets) is named by its content (`unmodelled.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extract.numerals import looks_numeric, parse_number
from extract.parse.headers import (
    MAX_HEADER_ROWS,
    column_labels,
    count_header_rows,
    is_header_line,
    join_split_words,
    title_rows,
)
from extract.parse.labels import (
    BUDGET_LABEL_RE,
    BUDGET_NAME_RE,
    SPENT_LABEL_RE,
    column_multiplier,
    is_budget_label,
    is_other_body_label,
    is_percent_label,
    normalize,
    unit_multiplier,
    year_in,
)
from extract.parse.unmodelled import unmodelled_family

INDICATOR = "indicator_achievement"
BUDGET = "budget_realization"
EFFICIENCY = "efficiency"
PLAN_TARGET = "plan_target"  # Perjanjian Kinerja: one year of targets, no realisasi
MULTI_YEAR_PLAN = "multi_year_plan"  # Renstra / RPJMD: targets of several years, baseline, end target
# A Perjanjian Kinerja's or Renja's "Program | Anggaran" list: allocations, nothing spent yet. Its lines are budget
# lines with the budget alone (realisasi empty), at their level.
BUDGET_ALLOCATION = "budget_allocation"
CATEGORY_SCALE = "category_scale"  # the report's own grading scale: "75-100% | Baik"
UNKNOWN = "unknown"


@dataclass
class TableLayout:
    family: str
    header_rows: int  # rows to skip before data, column-number row included
    labels: list[str]  # one lower-case label per column
    # "(dalam ribuan rupiah)" in the caption: the amounts of every money column are printed in thousands
    unit_multiplier: int = 1
    title: str = ""  # title lines printed inside the table frame, above the header (see title_rows)

    @property
    def header_text(self) -> str:
        return " | ".join(self.labels)

    @property
    def multipliers(self) -> list[int]:
        """Per column, what a printed amount is multiplied by to give rupiah: the unit in the column's
        own header ("Anggaran (Rp 000)"), else the table's; 1 for a percentage column."""
        return [column_multiplier(label, self.unit_multiplier) for label in self.labels]


def classify(rows: list[list[str]], caption: str = "") -> TableLayout:
    rows = [[join_split_words(c) for c in row] for row in rows[:MAX_HEADER_ROWS + 1]] + rows[MAX_HEADER_ROWS + 1:]
    n_header = count_header_rows(rows)
    n_cols = max((len(r) for r in rows), default=0)
    n_titles = title_rows(rows[:n_header], n_cols)
    title = " ".join(" ".join(rows[i][0].split()) for i in range(n_titles))
    labels = column_labels(rows[n_titles:n_header], n_cols)
    heading = f"{caption} {title}".strip()
    family = family_from_labels(labels, heading)
    layout = TableLayout(family=family, header_rows=n_header, labels=labels, title=title,
                         unit_multiplier=unit_multiplier(normalize(heading)) or 1)
    if family == UNKNOWN:
        return content_layout(rows, layout) or allocation_layout(rows, layout) or achievement_layout(rows, layout) \
            or named_layout(rows, layout, heading) or layout
    return layout


def achievement_layout(rows: list[list[str]], layout: TableLayout) -> TableLayout | None:
    """An achievement table whose name column is not called 'indikator' ('Parameter | Target | Realisasi
    Kinerja (poin) | Capaian Kinerja (%)'): its header names a target, a realisasi and a capaian of
    performance, and its target and realisasi columns hold no rupiah ('Uraian | Target | Realisasi | %'
    over amounts is a budget table)."""
    labels = layout.labels
    named = [c for c, label in enumerate(labels) if not is_budget_label(label)
             and re.search(r"\btarget\b|\brealisasi\b", label)]
    data = rows[layout.header_rows:]
    if any(_named_amounts([r[c] for r in data if c < len(r)]) for c in named):
        return None
    has = lambda pattern: any(re.search(pattern, label) for label in labels if not is_budget_label(label))  # noqa: E731
    if has(r"\btarget\b") and has(r"\brealisasi\b") and has(r"\bcapaian\b|^\(?%\)?$"):
        return replace(layout, family=INDICATOR)
    return None


def named_layout(rows: list[list[str]], layout: TableLayout, heading: str) -> TableLayout | None:
    """A table of a kind the warehouse does not model (regional statistics, staff, evaluation scores,
    revenue), named by its content (`unmodelled.py`): recognised, no facts read."""
    data = rows[layout.header_rows:]
    amounts = sum(_column_kind([r[c] for r in data if c < len(r)]) == "amount" for c in range(len(layout.labels)))
    family = unmodelled_family(data, layout.labels, heading, amounts)
    return replace(layout, family=family) if family else None


def allocation_layout(rows: list[list[str]], layout: TableLayout) -> TableLayout | None:
    """An allocation list: programs or kegiatan with their budget and no spending yet (the budget a
    Perjanjian Kinerja commits, "Program | Anggaran | Keterangan", a Renja's "Rencana Anggaran"). The
    header names the line column and a budget column, no realisasi; the budget column holds rupiah
    magnitudes. Its family is BUDGET_ALLOCATION (budget_lines can read it: the lines' realisasi is empty)."""
    labels = layout.labels
    if any(SPENT_LABEL_RE.search(label) or "real" in label for label in labels):
        return None  # spending is printed ("Realiasi Anggaran" misspelt too): not an allocation
    names = [c for c, label in enumerate(labels) if BUDGET_NAME_RE.search(label)]
    budgets = [c for c, label in enumerate(labels) if BUDGET_LABEL_RE.search(label) and not is_percent_label(label)]
    data = rows[layout.header_rows:]
    if not names or not any(_named_amounts([r[c] for r in data if c < len(r)]) for c in budgets):
        return None
    # A second rupiah column is spending under a header that lost its words (cut at a page break, or printed
    # in words the lists above do not know): a budget table, read as such.
    amounts = sum(_column_kind([r[c] for r in data if c < len(r)]) == "amount" for c in range(len(labels)))
    return TableLayout(family=BUDGET if amounts >= 2 else BUDGET_ALLOCATION, header_rows=layout.header_rows,
                       labels=labels, title=layout.title, unit_multiplier=layout.unit_multiplier)


def _named_amounts(cells: list[str]) -> bool:
    """A column the header names as a budget holds rupiah magnitudes in most of its filled cells; the header
    says what it is, so a short list (a PK's two programs) is enough, unlike a column known by content alone."""
    filled = [c for c in cells if c.strip()]
    amounts = [c for c in filled if looks_numeric(c) and "%" not in c and abs(parse_number(c) or 0) >= MIN_AMOUNT_IDR]
    return bool(amounts) and 2 * len(amounts) >= len(filled)


MIN_AMOUNT_IDR = 100_000  # a rupiah amount of a budget line; counts and scores stay below
MIN_CONTENT_ROWS = 3
NAMED_AMOUNT = "named_amount"  # a name column whose cells end with the line's amount


def content_layout(rows: list[list[str]], layout: TableLayout) -> TableLayout | None:
    """A budget table known by its columns when no header names them (a continuation page that
    camelot cut off its header, a table without caption): a text column and two columns of rupiah
    magnitudes, in at least MIN_CONTENT_ROWS rows. The first amount column is the budget, the
    second the realisation, the first percentage column after them the absorption."""
    header = rows[:layout.header_rows]
    if any(is_header_line(row) and any(c.strip() for c in row) for row in header):
        return None  # a header names the columns, and not as a budget
    data = rows  # rows above the first value that are no header lines: section titles of the data
    n_cols = max((len(r) for r in data), default=0)
    kinds = [_column_kind([r[c] for r in data if c < len(r)]) for c in range(n_cols)]
    amounts = [c for c, k in enumerate(kinds) if k in ("amount", NAMED_AMOUNT)]
    texts = [c for c, k in enumerate(kinds) if k in ("text", NAMED_AMOUNT)]
    if len(amounts) < 2 or not texts:
        return None
    if any(c < len(layout.labels) and re.search(r"[a-z]", layout.labels[c]) for c in amounts[:2]):
        return None  # the header names those columns, and not as anggaran and realisasi ('Nilai Kontrak')
    labels = [""] * n_cols
    labels[amounts[0]], labels[amounts[1]] = "anggaran", "realisasi"
    labels[texts[0]] = "uraian"  # a name that ends with its anggaran: the line's text is read in order
    percent = next((c for c in range(amounts[1], n_cols) if kinds[c] == "percent"), None)
    if percent is not None:
        labels[percent] = "%"
    return TableLayout(family=BUDGET, header_rows=0, labels=labels, title=layout.title,
                       unit_multiplier=layout.unit_multiplier)


def _column_kind(cells: list[str]) -> str | None:
    """'amount' (rupiah magnitudes), 'percent', 'text' (names) or None, by what most filled cells hold."""
    filled = [c for c in cells if c.strip()]
    values = [parse_number(c) if looks_numeric(c) else None for c in filled]
    big = sum(1 for v, c in zip(values, filled) if v is not None and abs(v) >= MIN_AMOUNT_IDR and "%" not in c)
    small = sum(1 for v, c in zip(values, filled) if v is not None and ("%" in c or abs(v) < 1000))
    # names: letters, however spaced ("P e n g u p a h a n" where a renderer spaced the letters apart)
    names = [c for v, c in zip(values, filled) if v is None and len(re.findall(r"[A-Za-z]", c)) >= 6]
    # a word reader that found no gap between the name and the anggaran: "Perusahaan Kecil 5.000.000"
    named = sum(1 for c in names if (v := parse_number(c.split()[-1])) is not None and abs(v) >= MIN_AMOUNT_IDR)
    for kind, count in (("amount", big), ("percent", small), (NAMED_AMOUNT, named), ("text", len(names))):
        if count >= MIN_CONTENT_ROWS and 2 * count >= len(filled):
            return kind
    return None


def family_from_labels(labels: list[str], caption: str = "") -> str:
    header = " ".join(labels) + " " + normalize(caption)
    has = lambda *words: any(w in header for w in words)  # noqa: E731 - tiny local helper
    if has("efisiensi", "efektifitas", "efektivitas"):
        return EFFICIENCY
    if has("indikator") and has("realisasi") and any("target" in label and not is_budget_label(label)
                                                     for label in labels):
        return INDICATOR  # a target of performance, not "Target Kinerja: Pagu Dana (Rp)"
    names = lambda pattern: any(pattern.search(label) for label in labels)  # noqa: E731
    if names(BUDGET_LABEL_RE) and has("realisasi", "serapan", "penyerapan", "spj") and names(BUDGET_NAME_RE):
        return BUDGET
    if has("indikator") and (has("target") or any(PLAN_PERIOD_RE.search(label) for label in labels)):
        return MULTI_YEAR_PLAN if is_multi_year_plan(labels) else PLAN_TARGET
    if has("kategori", "predikat", "kriteria") and has("skala", "capaian", "nilai", "%") and not has("indikator"):
        return CATEGORY_SCALE
    if has("indikator") and is_comparison(labels):
        return INDICATOR
    return UNKNOWN


def is_comparison(labels: list[str]) -> bool:
    """Realisasi or capaian of an indicator in two or more years side by side, without targets ("Realisasi
    2020 | Realisasi 2021", "Capaian Kinerja 2015 | 2016"), or one year's beside another body's ("Realisasi
    2022 | Realisasi Daerah"): an achievement table comparing years or bodies."""
    years = {year for label in labels if re.search(r"realisasi|capaian", label) and (year := year_in(label))}
    return len(years) >= 2 or bool(years) and any(is_other_body_label(label) for label in labels)


# A baseline or end-of-period column of a medium-term plan: "Kondisi Awal", "Target Akhir Renstra",
# "Kondisi Kinerja pada Akhir Periode RPD". The plan's name alone ("Target Renstra") says no more than
# one year's target.
PLAN_PERIOD_RE = re.compile(r"\bkondisi\b.*\b(awal|akhir)\b|\btarget akhir\b|\b(awal|akhir) periode\b")


def is_multi_year_plan(labels: list[str]) -> bool:
    """Targets of a medium-term plan (Renstra, RPJMD), not one year's agreement: target columns of
    two or more years, or a baseline / end-of-period column."""
    years = {year for label in labels if (year := _target_year(label))}
    return len(years) >= 2 or any(PLAN_PERIOD_RE.search(label) for label in labels)


def _target_year(label: str) -> int | None:
    if "realisasi" in label or ("capaian" in label and "target" not in label):
        return None
    return year_in(label)


def is_side_by_side(layout: TableLayout) -> bool:
    """Panels printed next to each other (a performance tree: 'Indikator : Target : ...' in
    every box) repeat the indicator column; read as one table their rows would mix panels."""
    repeats = lambda word: sum(word in label for label in layout.labels) >= 2  # noqa: E731
    return repeats("indikator") and repeats("target")
