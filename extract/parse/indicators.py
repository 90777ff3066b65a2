"""Indicator rows of achievement and agreement tables, with provenance.

An indicator row is an indikator (indicator) of a sasaran (goal) or program, with target,
realisasi (realization) and capaian (achievement, %) as printed. Every value keeps its raw
text, table, row and page. Nothing is corrected here: a wrong printed capaian stays wrong,
and the data-quality models flag it.
"""
from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass

from extract.model import UNRULED_FLAVORS, RawTable
from extract.numerals import looks_numeric, parse_number
from extract.parse import classify as cls
from extract.parse.records import IndicatorRow
from extract.parse.rows import Row, cell, column_format, data_rows, is_misplaced_text
from extract.text import COMPOSITE_TOTAL_RE, SUMMARY_RE

log = logging.getLogger(__name__)

ROLE_KEYS = ("number", "goal", "indicator", "unit", "category")
GROUP_KEYS = ("target", "realization", "achievement")


@dataclass
class _Reading:
    """What every row of one table is read with."""

    table: RawTable
    roles: cls.IndicatorColumns
    labels: list[str]
    formats: dict[int, str | None]  # number format per value column
    level: str


def indicator_rows(table: RawTable, layout: cls.TableLayout, doc_format: str | None,
                   targets_only: bool = False) -> list[IndicatorRow]:
    """Indicator rows of an achievement table; with targets_only, the rows of a one-year
    agreement (Perjanjian Kinerja) table. Multi-year plans (Renstra) are left in raw."""
    roles = cls.indicator_columns(layout.labels, targets_only)
    if roles.indicator is None or not roles.groups or (targets_only and len(roles.groups) != 1):
        return []
    level = cls.goal_level(layout.labels)
    caption_year = cls.year_in(table.caption)
    rows = data_rows(table, layout.header_rows)
    roles = _values_under_their_header(roles, layout.labels, rows)
    formats = {col: column_format(rows, col, doc_format) for g in roles.groups for col in g.columns()}
    reading = _Reading(table, roles, layout.labels, formats, level)
    facts: list[IndicatorRow] = []
    goal = None
    for index, row in enumerate(rows):
        goal = cell(row, roles.goal) or goal
        indicator = cell(row, roles.indicator)
        if not indicator or looks_numeric(indicator) or _is_summary(row, roles, indicator):
            continue
        if table.flavor in UNRULED_FLAVORS and not _looks_like_a_name(indicator):
            continue  # stream cut a wrapped cell into pieces; a piece is not an indicator
        row = _composite_total(rows, index, roles)
        if row is None:
            continue
        for group in roles.groups:
            fact = _indicator_fact(reading, row, group, goal, indicator)
            if fact is not None:
                fact.fiscal_year = group.year or caption_year
                facts.append(fact)
    return facts


def _values_under_their_header(roles: cls.IndicatorColumns, labels: list[str],
                               rows: list[Row]) -> cls.IndicatorColumns:
    """A header cell spanning two grid columns is read into one of them, while the values below
    may sit in the other (the grid follows the data rows' lines). A role column empty in every
    data row takes its neighbour that has no label of its own and holds values."""
    roles = copy.deepcopy(roles)
    slots = [(roles, k) for k in ROLE_KEYS] + [(g, k) for g in roles.groups for k in GROUP_KEYS]
    slots = sorted((s for s in slots if getattr(*s) is not None), key=lambda s: getattr(*s))
    used = {getattr(owner, key) for owner, key in slots}
    has_values = lambda col: any(cell(r, col) for r in rows)  # noqa: E731 - tiny local helper
    for owner, key in slots:
        col = getattr(owner, key)
        if has_values(col):
            continue
        for near in (col - 1, col + 1):
            if 0 <= near < len(labels) and not labels[near] and near not in used and has_values(near):
                used.discard(col)
                used.add(near)
                setattr(owner, key, near)
                break
    return roles


def _looks_like_a_name(text: str) -> bool:
    """Indicator names start with a capital letter ("Persentase ...", "Jumlah ..."), not with a
    lower-case word piece or a row number."""
    return text[:1].isupper()


def _composite_total(rows: list[Row], index: int, roles: cls.IndicatorColumns) -> Row | None:
    """The row holding an indicator's values. When the indicator is measured by several
    component rows below it (values of their own, no indicator name; Ambon Tabel 3.3), its
    value is the 'Jumlah' row closing them, with the components' common target; without such
    a row it is unknown (None): its first component is not the indicator."""
    parts = []
    for row in rows[index + 1:]:
        if cell(row, roles.indicator) or not _has_group_values(row, roles) or _closes_table(row):
            break
        parts.append(row)
    if not parts:
        return rows[index]
    after = index + 1 + len(parts)
    total = rows[after] if after < len(rows) else None
    if total is None or not COMPOSITE_TOTAL_RE.match(" ".join(c for c in total.cells if c)):
        return None
    width = max(len(rows[index].cells), len(total.cells))
    merged = Row(total.index, total.page, rows[index].cells + [""] * (width - len(rows[index].cells)))
    for group in roles.groups:
        for key in GROUP_KEYS:
            if getattr(group, key) is not None and getattr(group, key) < width:
                merged.cells[getattr(group, key)] = cell(total, getattr(group, key))
        targets = {cell(r, group.target) for r in [rows[index]] + parts} - {""}
        if group.target is not None and group.target < width and not cell(total, group.target) \
                and len(targets) == 1:
            merged.cells[group.target] = targets.pop()
    return merged


def _closes_table(row: Row) -> bool:
    """A 'Jumlah' / 'Rata-rata' / 'Total' / 'Kategori' row."""
    return SUMMARY_RE.match(" ".join(c for c in row.cells if c)) is not None


def _has_group_values(row: Row, roles: cls.IndicatorColumns) -> bool:
    return any(looks_numeric(cell(row, col)) for g in roles.groups for col in g.columns())


def _is_summary(row: Row, roles: cls.IndicatorColumns, indicator: str) -> bool:
    """'Rata-rata capaian', 'Jumlah', 'Kategori' rows close a table; they carry no row number of
    their own and are the bare word or print no target. An indicator named 'Jumlah masyarakat ...',
    'Nilai Tukar Petani' or 'Total Fertility Rate' has a number or a target."""
    match = SUMMARY_RE.match(indicator)
    if not match or cell(row, roles.number):
        return False
    is_bare_word = not re.sub(r"[\W_]+", "", indicator[match.end():])
    has_target = any(cell(row, group.target) for group in roles.groups)
    return is_bare_word or not has_target


def _indicator_fact(reading: _Reading, row: Row, group: cls.ValueGroup, goal: str | None,
                    indicator: str) -> IndicatorRow | None:
    roles, labels = reading.roles, reading.labels
    raws = _group_cells(row, roles, group, labels)
    if any(is_misplaced_text(text) for text in raws.values()):
        return None  # a shifted row: text where a number belongs
    values = {k: parse_number(raws[k], reading.formats.get(getattr(group, k)))
              if getattr(group, k) is not None else None for k in raws}
    if values["realization"] is None and values["achievement"] is None and not (
            group.realization is None and group.achievement is None and raws["target"]):
        return None  # achievement tables need a value; agreement tables a printed target
    if _is_money(raws["target"]) != _is_money(raws["realization"]) and raws["realization"]:
        return None  # rupiah against a percentage: a budget column read as a target
    unit = cell(row, roles.unit) or _percent_unit(raws, group, labels)
    return IndicatorRow(
        table_id=reading.table.table_id, row_index=row.index, source_page=row.page, level=reading.level,
        goal_name=goal or None, indicator_name=indicator, unit=unit, fiscal_year=None,
        target_raw=raws["target"], target_value=values["target"],
        realization_raw=raws["realization"], realization_value=values["realization"],
        achievement_raw=raws["achievement"], achievement_pct_reported=values["achievement"],
        category_reported=cell(row, roles.category) or None,
    )


def _group_cells(row: Row, roles: cls.IndicatorColumns, group: cls.ValueGroup, labels: list[str]) -> dict[str, str]:
    """The group's target, realisasi and capaian on this row. A ruled grid drawn differently on
    some rows puts all of a row's values in unlabelled sub-columns beside the labelled ones: when
    every role cell is empty and the unlabelled cells around them hold exactly one value per
    role, they are read in column order. (_values_under_their_header moves a role column that is
    off on every row; this handles the rows that are off alone.)"""
    raws = {key: cell(row, getattr(group, key)) for key in GROUP_KEYS}
    cols = sorted(getattr(group, k) for k in GROUP_KEYS if getattr(group, k) is not None)
    if not cols or any(raws[k] for k in GROUP_KEYS):
        return raws
    taken = {getattr(roles, k) for k in ROLE_KEYS} | {getattr(g, k) for g in roles.groups for k in GROUP_KEYS}
    spare = [c for c in range(cols[0] - 1, cols[-1] + 1)
             if 0 <= c < len(labels) and not labels[c] and c not in taken and cell(row, c)]
    if len(spare) != len(cols):
        return raws  # not one value per role: which is which cannot be told
    keys = sorted((k for k in GROUP_KEYS if getattr(group, k) is not None), key=lambda k: getattr(group, k))
    return {**raws, **{k: cell(row, c) for k, c in zip(keys, spare)}}


def _is_money(text: str) -> bool:
    return bool(re.match(r"\s*rp\b", text, re.IGNORECASE))


def _percent_unit(raws: dict, group: cls.ValueGroup, labels: list[str]) -> str | None:
    """No unit column: '%' when the values or the target/realisasi headers print it."""
    texts = [raws["target"], raws["realization"]] + [labels[getattr(group, k)] for k in ("target", "realization")
                                                     if getattr(group, k) is not None]
    return "%" if any("%" in t for t in texts) else None


# ---------------------------------------------------------------- budget tables


# ---------------------------------------------------------------- budget hierarchy


# ---------------------------------------------------------------- the report's grading scale


