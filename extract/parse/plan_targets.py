"""Multi-year plan targets (Renstra, RPJMD) as long rows: one per indicator and target year.

A medium-term plan table prints, per indicator, the starting value (kondisi awal), a target for
every year of the plan period and the end-of-period target (target akhir / kondisi akhir):

    No | Tujuan | Sasaran | Indikator | Satuan | Kondisi Awal | Target 2023 | ... 2026 | Target Akhir Renstra

(Jepara Tabel 2.1). Achievement tables sometimes carry plan columns as well: "Target Akhir Renstra
(2026)" next to the year's target and realisasi (Jepara Tabel 3.2), or targets of later years after
this year's target and realisasi (Jambi Tabel 3.5); from those tables only such columns are read
here, the rest stays with facts.indicator_rows. Values keep their raw text and are parsed with the
column's number format, as the other facts are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import RawTable
from extract.numerals import looks_numeric, parse_number
from extract.parse.column_roles import GOAL_LEVELS, LEVELS_LOW_FIRST, goal_level, indicator_columns
from extract.parse.families import INDICATOR, TableLayout
from extract.parse.indicators import value_text
from extract.parse.labels import normalize, year_in
from extract.parse.names import PrintedName, clean_name
from extract.parse.rows import Row, cell, column_format, data_rows, is_misplaced_text
from extract.text import AVERAGE_WORDS, TOTAL_WORDS

RENSTRA_RE = re.compile(r"\brenstra\b|rencana strategis")
# RPD (Rencana Pembangunan Daerah) is the regional plan that stands in for an RPJMD between two
# elected terms; its targets play the same role.
RPJMD_RE = re.compile(r"\b(rpjmd|rpd)\b|rencana pembangunan (jangka menengah )?daerah")
BASELINE_RE = re.compile(r"\bkondisi\b.*\bawal\b|\bawal periode\b|\bbaseline\b|\btahun dasar\b|\bcapaian awal\b")
END_RE = re.compile(r"\b(target|kondisi)\b.*\bakhir\b|\bakhir periode\b")
BUDGET_WORDS_RE = re.compile(r"\b(anggaran|pagu|belanja|rp|dana|pendanaan)\b")
PERIOD_RE = re.compile(r"\b(20\d\d)\s*[-–—/]\s*(20\d\d)\b")
HEADING_RE = re.compile(r"^indikator\s+(sub kegiatan|kegiatan|program|sasaran|tujuan)\b", re.IGNORECASE)
# A closing row ("Jumlah", "Rata-rata capaian"); an indicator may start with the same word
# ("Jumlah masyarakat yang berminat ...") but is longer.
SUMMARY_ROW_RE = re.compile(rf"^({TOTAL_WORDS}|{AVERAGE_WORDS})\b.{{0,20}}$", re.IGNORECASE)
YEAR_WORD_RE = re.compile(r"\(?(19|20)\d\d\)?")
NAME_RE = re.compile(r"[A-Za-z]{3,}")  # a name has a word; "18 1 9 2 0" is numbers packed into one cell


@dataclass
class PlanTargetRow(PrintedName):
    table_id: str
    row_index: int
    source_page: int
    plan_kind: str  # renstra | rpjmd | unknown
    level: str  # tujuan | sasaran | program | kegiatan | sub_kegiatan
    goal_name: str | None
    indicator_name: str
    unit: str | None
    baseline_year: int | None
    baseline_raw: str | None
    baseline_value: float | None
    target_year: int | None
    target_raw: str
    target_value: float | None
    is_end_target: bool  # the end-of-period target (target akhir), not one year's column
    indicator_name_raw: str | None = None  # as printed; indicator_name is clean_name of it


@dataclass
class PlanColumns:
    indicator: int | None = None
    unit: int | None = None
    goals: list[tuple[str, int]] = field(default_factory=list)  # (level, column), highest level first
    baseline: int | None = None
    targets: list[tuple[int, int]] = field(default_factory=list)  # (year, column)
    end: int | None = None

    def value_columns(self) -> list[int]:
        return [c for c in [self.baseline, *(c for _, c in self.targets), self.end] if c is not None]


def plan_target_rows(table: RawTable, layout: TableLayout, doc_format: str | None) -> list[PlanTargetRow]:
    """Plan-target rows of a multi-year plan table, or of the plan columns of an achievement table."""
    rows = data_rows(table, layout.header_rows)
    columns = plan_columns(layout.labels, achievement_table=layout.family == INDICATOR, rows=rows)
    if columns.indicator is None or not (columns.targets or columns.end is not None):
        return []
    formats = {col: column_format(rows, col, doc_format) for col in columns.value_columns()}
    table_fields = {
        "table_id": table.table_id, "plan_kind": plan_kind(layout.labels, table.caption),
        "baseline_year": year_in(layout.labels[columns.baseline]) if columns.baseline is not None else None,
    }
    end_year = _end_year(layout.labels, columns, table.caption)
    goals = GoalTracker(columns, default_level=goal_level(layout.labels))
    facts: list[PlanTargetRow] = []
    for row in rows:
        row = realign_shifted_row(row, columns)
        if goals.read(row):
            continue  # an "Indikator Sasaran :" heading row
        indicator = cell(row, columns.indicator)
        if not NAME_RE.search(indicator) or SUMMARY_ROW_RE.match(clean_name(indicator)) \
                or _has_stray_values(row, layout.labels, columns.indicator):
            continue
        level, goal = goals.current()
        row_fields = {**table_fields, "row_index": row.index, "source_page": row.page, "level": level,
                      "goal_name": goal, "indicator_name": indicator}
        facts += _row_targets(row, columns, formats, end_year, row_fields)
    return facts


# ---------------------------------------------------------------- columns


def plan_columns(labels: list[str], achievement_table: bool = False, rows: list[Row] | None = None) -> PlanColumns:
    """Roles of the columns of a plan table. In an achievement table the target / realisasi /
    capaian groups belong to the indicator rows; only the other target columns are plan targets."""
    paired = _achievement_group_columns(labels, rows or []) if achievement_table else set()
    columns = PlanColumns()
    for col, label in enumerate(_baseline_label_joined(labels)):
        if col in paired or not label:
            continue
        year = year_in(label)
        if "indikator" in label and not (year and "target" in label):
            columns.indicator = col if columns.indicator is None else columns.indicator
        elif "satuan" in label:
            columns.unit = col
        elif "realisasi" in label or BUDGET_WORDS_RE.search(label):
            continue
        elif BASELINE_RE.search(label):
            columns.baseline = col if columns.baseline is None else columns.baseline
        elif END_RE.search(label):
            columns.end = col if columns.end is None else columns.end
        elif year and _is_target_label(label, achievement_table):
            columns.targets.append((year, col))
        elif not year and (level := _goal_level(label)):
            columns.goals.append((level, col))
    columns.goals.sort(key=lambda goal: GOAL_LEVELS.index(goal[0]))
    base_year = year_in(labels[columns.baseline]) if columns.baseline is not None else None
    if base_year:  # a year before the baseline's is an earlier condition under the same label, no target
        columns.targets = [(year, col) for year, col in columns.targets if year > base_year]
    return columns


def _baseline_label_joined(labels: list[str]) -> list[str]:
    """The labels with a baseline label that the word reader split over two year columns ('Kondisi' over
    2020, 'Awal' over 2021: 'kondisi 2020' | 'awal 2021') set whole on the right one, the later year:
    the condition the plan starts from. The left one keeps its year alone."""
    out = list(labels)
    for col in range(len(out) - 1):
        left, right = _words(out[col]), _words(out[col + 1])
        if left and right and not BASELINE_RE.search(out[col]) and not BASELINE_RE.search(out[col + 1]) \
                and BASELINE_RE.search(f"{left} {right}") and year_in(out[col]) and year_in(out[col + 1]):
            out[col], out[col + 1] = str(year_in(out[col])), f"{left} {out[col + 1]}"
    return out


def _words(label: str) -> str:
    """The label without its years."""
    return " ".join(w for w in label.split() if not YEAR_WORD_RE.fullmatch(w))


def _achievement_group_columns(labels: list[str], rows: list[Row]) -> set[int]:
    """The columns of the groups with a realisasi or capaian column. A year whose realisasi and capaian no
    row prints yet (a Renstra's table of results beside the plan's later years: '-' or blank) is the plan's:
    its target stays a plan target."""
    groups = indicator_columns(labels).groups
    reported = [g for g in groups if not rows or any(
        re.search(r"\d", cell(row, col)) for row in rows for col in (g.realization, g.achievement) if col is not None)]
    return {col for g in reported for col in g.columns()}


def _is_target_label(label: str, achievement_table: bool) -> bool:
    """'Target 2026', 'Target Capaian Setiap Tahun 2023'; in a plan table a bare year too."""
    if "target" in label:
        return True
    return not achievement_table and "capaian" not in label and "%" not in label


def _goal_level(label: str) -> str | None:
    return next((level for level in LEVELS_LOW_FIRST if level in label), None)


def _end_year(labels: list[str], columns: PlanColumns, caption: str) -> int | None:
    """The end target's year: printed in its header ("Target Akhir Renstra (2026)"), else the last
    target year of the table, else the end of the period in the caption ("Tahun 2023-2026")."""
    if columns.end is None:
        return None
    period = PERIOD_RE.search(caption)
    return (year_in(labels[columns.end]) or max((y for y, _ in columns.targets), default=None)
            or (int(period.group(2)) if period else None))


def plan_kind(labels: list[str], caption: str) -> str:
    """'renstra' or 'rpjmd' from the header, else from the caption; 'unknown' when neither says."""
    for text in (" ".join(labels), normalize(caption)):
        if RENSTRA_RE.search(text):
            return "renstra"
        if RPJMD_RE.search(text):
            return "rpjmd"
    return "unknown"


# ---------------------------------------------------------------- rows


def realign_shifted_row(row: Row, columns: PlanColumns) -> Row:
    """A row printed shifted to the left (Jambi Tabel 2.2: the sasaran in the No column, the values
    starting under Indikator) is moved right until its last text lands in the indicator column, if
    its values then fall exactly into value columns."""
    indicator = cell(row, columns.indicator)
    if columns.indicator is None or (indicator and not looks_numeric(indicator)):
        return row
    texts = [i for i, c in enumerate(row.cells) if c and not looks_numeric(c)]
    shift = columns.indicator - texts[-1] if texts else 0
    if shift <= 0 or any(row.cells[-shift:]):
        return row
    cells = [""] * shift + row.cells[:-shift]
    values = {i for i, c in enumerate(cells) if c and looks_numeric(c)}
    if not values or not values <= set(columns.value_columns()) or min(values) < columns.indicator:
        return row
    return Row(row.index, row.page, cells)


def _has_stray_values(row: Row, labels: list[str], indicator: int) -> bool:
    """A number under no header right of the names: the row's columns drifted from the header's (an
    unruled page re-gridded differently), so its values cannot be told apart by year. Left of the
    names it is the row's number, under a header cell spanning number and name ('Indikator Kinerja
    Utama' over '1 | Indeks Kerukunan umat beragama')."""
    return any(text and looks_numeric(text) and (col >= len(labels) or not labels[col])
               for col, text in enumerate(row.cells) if col > indicator)


class GoalTracker:
    """The goal (tujuan, sasaran, program ...) each indicator row measures.

    Spanning goal cells are printed once and filled down; a new goal clears the lower levels (a new
    tujuan has its own sasaran). An indicator row measures the lowest goal filled, unless an
    "Indikator Tujuan :" / "Indikator Sasaran :" heading row (Jambi Tabel 2.2) says which."""

    def __init__(self, columns: PlanColumns, default_level: str):
        self.columns = columns
        self.default_level = default_level
        self.goals: dict[str, str | None] = {level: None for level, _ in columns.goals}
        self.heading: str | None = None

    def read(self, row: Row) -> bool:
        """Take the row's goals; True when the row is a heading row."""
        heading = self._heading_level(row)
        started = False
        for position, (level, col) in enumerate(self.columns.goals):
            text = clean_name(cell(row, col)) if cell(row, col) else ""
            if text:
                self.goals[level] = text
                for lower, _ in self.columns.goals[position + 1:]:
                    self.goals[lower] = None
                started = True
        if heading is not None or started:
            self.heading = heading  # a new goal ends the previous heading's block
        return heading is not None

    def current(self) -> tuple[str, str | None]:
        filled = [level for level in GOAL_LEVELS if self.goals.get(level)]
        level = self.heading or (filled[-1] if filled else self.default_level)
        return level.replace(" ", "_"), self.goals.get(level.replace("_", " "))

    def _heading_level(self, row: Row) -> str | None:
        match = HEADING_RE.match(cell(row, self.columns.indicator))
        if not match or any(cell(row, c) for c in self.columns.value_columns()):
            return None
        return match.group(1).lower()


def _row_targets(row: Row, columns: PlanColumns, formats: dict, end_year: int | None,
                 row_fields: dict) -> list[PlanTargetRow]:
    """One row per printed target of the row, each carrying the row's unit and baseline."""
    baseline_raw = cell(row, columns.baseline)
    fields = {**row_fields, "unit": cell(row, columns.unit) or _printed_unit(row, columns),
              "baseline_raw": baseline_raw or None,
              "baseline_value": parse_number(value_text(baseline_raw), formats.get(columns.baseline)),
              "baseline_year": row_fields["baseline_year"] if baseline_raw else None}
    targets = [(year, col, False) for year, col in columns.targets]
    if columns.end is not None:
        targets.append((end_year, columns.end, True))
    facts, seen = [], set()
    for year, col, is_end in targets:
        raw = cell(row, col)
        if not raw or is_misplaced_text(raw) or (year, is_end) in seen:
            continue  # nothing printed, or text where a number belongs (a shifted row)
        seen.add((year, is_end))
        facts.append(PlanTargetRow(**fields, target_year=year, target_raw=raw,
                                   target_value=parse_number(value_text(raw), formats.get(col)),
                                   is_end_target=is_end))
    return facts


UNIT_AFTER_VALUE_RE = re.compile(r"^[\d.,\s]*\d\s*(%|[A-Za-z][A-Za-z/ ]*)$")


def _printed_unit(row: Row, columns: PlanColumns) -> str | None:
    """No unit column: the unit printed after the values ('1,87 %', '9 orang') when they agree."""
    units = set()
    for col in columns.value_columns():
        match = UNIT_AFTER_VALUE_RE.match(cell(row, col))
        if match:
            units.add(match.group(1).strip().lower())
    return units.pop() if len(units) == 1 else None
