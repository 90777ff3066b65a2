"""Recognise the family of a table from its header, and label its columns.

The header is the rows above the first data row. A label is built per column from all header
rows, so a two-row header like `Realisasi` over `Anggaran | %` labels the columns
"realisasi anggaran" and "realisasi %". A spanning group cell (printed once, left-aligned,
over several sub-columns) is carried to the right across the sub-columns it spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric, parse_range

INDICATOR = "indicator_achievement"
BUDGET = "budget_realization"
EFFICIENCY = "efficiency"
PLAN_TARGET = "plan_target"  # Perjanjian Kinerja: one year of targets, no realisasi
MULTI_YEAR_PLAN = "multi_year_plan"  # Renstra / RPJMD: targets of several years, baseline, end target
CATEGORY_SCALE = "category_scale"  # the report's own grading scale: "75-100% | Baik"
UNKNOWN = "unknown"

MAX_HEADER_ROWS = 4


@dataclass
class TableLayout:
    family: str
    header_rows: int  # rows to skip before data, column-number row included
    labels: list[str]  # one lower-case label per column

    @property
    def header_text(self) -> str:
        return " | ".join(self.labels)


def normalize(text: str) -> str:
    return " ".join(text.split()).lower()


def classify(rows: list[list[str]], caption: str = "") -> TableLayout:
    n_header = count_header_rows(rows)
    labels = column_labels(rows[:n_header], max((len(r) for r in rows), default=0))
    family = family_from_labels(labels, caption)
    return TableLayout(family=family, header_rows=n_header, labels=labels)


def count_header_rows(rows: list[list[str]]) -> int:
    """Rows before the first one that holds data (a number that is not a column number)."""
    for index, row in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        if is_column_number_row(row):
            return index + 1
        if any((looks_numeric(cell) or _is_value_range(cell)) and not is_year(cell) for cell in row):
            return index
        if index > 0 and is_section_row(row):
            return index
    return min(1, len(rows))


SECTION_MARK_RE = re.compile(r"^(misi|sasaran|tujuan|program|kegiatan|bidang|urusan|[IVX]+[.)]?\s)", re.IGNORECASE)


def is_section_row(row: list[str]) -> bool:
    """A row that opens a section of the data, not a header line: numbered like a row ("I | Misi 1 :
    ...", "1. | Meningkatnya ...") or one long heading in the first column alone ("Misi 1 : Mewujudkan
    masyarakat ...", "Sasaran Strategis 1 : ..."). A header's first column is "No" / "Indikator" or
    empty under it; its lines are short labels."""
    cells = [" ".join(c.split()) for c in row]
    filled = [i for i, c in enumerate(cells) if c]
    if not filled or filled[0] != 0:
        return False
    first = cells[0]
    if is_row_number(first) and len(filled) > 1:
        return True
    return filled == [0] and len(first.split()) >= 4 and SECTION_MARK_RE.match(first) is not None


def _is_value_range(text: str) -> bool:
    """A target printed as a range ("68,65-69,15") is a value; a period ("2021-2026") is not."""
    bounds = parse_range(text)
    return bounds is not None and not all(1900 <= b <= 2100 and b == int(b) for b in bounds)


def column_labels(header_rows: list[list[str]], n_cols: int) -> list[str]:
    labels = [""] * n_cols
    for depth, row in enumerate(header_rows):
        if is_column_number_row(row):
            continue
        cells = [normalize(c) for c in row] + [""] * (n_cols - len(row))
        below = header_rows[depth + 1] if depth + 1 < len(header_rows) else []
        group = ""
        for col, cell in enumerate(cells):
            has_sub_header = col < len(below) and below[col].strip() != ""
            if cell:
                group = cell if has_sub_header else ""
                labels[col] = f"{labels[col]} {cell}".strip()
            elif group and has_sub_header:
                labels[col] = f"{labels[col]} {group}".strip()
            else:
                group = ""
    return labels


def family_from_labels(labels: list[str], caption: str = "") -> str:
    header = " ".join(labels) + " " + normalize(caption)
    has = lambda *words: any(w in header for w in words)  # noqa: E731 - tiny local helper
    if has("efisiensi", "efektifitas", "efektivitas"):
        return EFFICIENCY
    if has("indikator") and has("target") and has("realisasi"):
        return INDICATOR
    if has("anggaran", "pagu", "alokasi") and has("realisasi") and has("program", "kegiatan", "uraian"):
        return BUDGET
    if has("indikator") and (has("target") or any(PLAN_PERIOD_RE.search(label) for label in labels)):
        return MULTI_YEAR_PLAN if is_multi_year_plan(labels) else PLAN_TARGET
    if has("kategori", "predikat", "kriteria") and has("skala", "capaian", "nilai", "%") and not has("indikator"):
        return CATEGORY_SCALE
    return UNKNOWN


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


# ---------------------------------------------------------------- column roles

YEAR_RE = re.compile(r"\b(20\d\d)\b")


def year_in(label: str) -> int | None:
    match = YEAR_RE.search(label)
    return int(match.group(1)) if match else None


@dataclass
class ValueGroup:
    """The target, realisasi and capaian columns of one year in an indicator table."""

    target: int | None = None
    realization: int | None = None
    achievement: int | None = None
    year: int | None = None

    def columns(self) -> list[int]:
        return [c for c in (self.target, self.realization, self.achievement) if c is not None]


@dataclass
class IndicatorColumns:
    """Which column of an indicator table holds which role; value columns grouped by year."""

    number: int | None = None
    goal: int | None = None
    indicator: int | None = None
    unit: int | None = None
    category: int | None = None
    groups: list[ValueGroup] = field(default_factory=list)


@dataclass
class BudgetColumns:
    """Which column of a budget table holds the numbering, the name and each amount."""

    number: int | None = None
    name: int | None = None
    budget: int | None = None
    realization: int | None = None
    absorption: int | None = None


def indicator_columns(labels: list[str], targets_only: bool = False) -> IndicatorColumns:
    """Map indicator-table columns to roles; target/realisasi/capaian grouped by year.
    With targets_only (agreement tables), a group of a target alone is kept."""
    roles = IndicatorColumns()
    groups: list[ValueGroup] = []
    for col, label in enumerate(labels):
        if _is_number_label(label) and roles.number is None:
            roles.number = col
        elif "indikator" in label and roles.indicator is None:
            roles.indicator = col
        elif _is_goal_label(label) and roles.goal is None:
            roles.goal = col
        elif "satuan" in label:
            roles.unit = col
        elif any(w in label for w in ("kategori", "kriteria", "predikat", "keterangan capaian")):
            roles.category = col
        elif _is_budget_label(label) or _is_plan_label(label):
            continue
        elif "target" in label:
            groups.append(ValueGroup(target=col, year=year_in(label)))
        elif "realisasi" in label and groups and groups[-1].realization is None:
            groups[-1].realization = col
            groups[-1].year = groups[-1].year or year_in(label)
        elif ("capaian" in label or label.strip() in {"%", "(%)"}) and groups and groups[-1].achievement is None:
            groups[-1].achievement = col
    roles.groups = [g for g in groups if targets_only or g.realization is not None or g.achievement is not None]
    return roles


def goal_level(labels: list[str]) -> str:
    """The level of the indicators: what the goal column names (program, sasaran, ...)."""
    for label in labels:
        if "indikator" in label:
            label = label.replace("indikator", "")
            for level in ("sub kegiatan", "kegiatan", "program", "sasaran", "tujuan"):
                if level in label:
                    return level.replace(" ", "_")
    for label in labels:
        for level in ("sub kegiatan", "kegiatan", "program", "sasaran", "tujuan"):
            if level in label and "indikator" not in label:
                return level.replace(" ", "_")
    return "sasaran"


def budget_columns(labels: list[str]) -> BudgetColumns:
    roles = BudgetColumns()
    for col, label in enumerate(labels):
        if _is_number_label(label) and roles.number is None:
            roles.number = col
        elif any(w in label for w in ("program", "kegiatan", "uraian")) and roles.name is None:
            roles.name = col
        elif "realisasi" in label and "%" not in label and roles.realization is None:
            roles.realization = col
        elif any(w in label for w in ("anggaran", "pagu", "alokasi")) and roles.budget is None:
            roles.budget = col
        elif ("%" in label or "capaian" in label or "persentase" in label) and roles.absorption is None:
            roles.absorption = col
    return roles


def _is_number_label(label: str) -> bool:
    return label.replace(" ", "").rstrip(".") in {"no", "nomor", "kode", "no urut"}


def _is_goal_label(label: str) -> bool:
    return any(w in label for w in ("sasaran", "tujuan", "program", "kegiatan"))


def _is_budget_label(label: str) -> bool:
    return any(w in label for w in ("anggaran", "pagu", "belanja")) or re.search(r"\brp\b", label) is not None


def _is_plan_label(label: str) -> bool:
    """Columns that are not this year's target, realisasi or capaian: the plan's end target
    ("Target Akhir Renstra"), baseline, formula, source. A plain "Target P.RPJMD" / "Target
    Renstra" column is the plan's target for the report year, and stays a target."""
    # "capaian terhadap Renstra": achievement against the plan's end target, not this year's
    plan_end = any(w in label for w in ("renstra", "rpjmd", "rpd")) and \
        any(w in label for w in ("akhir", "periode", "terhadap"))
    return plan_end or any(w in label for w in ("target akhir", "akhir periode", "kondisi", "rumus", "formula",
                                                "sumber data"))
