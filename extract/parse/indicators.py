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
from extract.numerals import is_row_number, looks_numeric, parse_number, readings
from extract.parse import names
from extract.parse.column_roles import IndicatorColumns, ValueGroup, goal_level, indicator_columns, is_label_fragment
from extract.parse.families import MIN_AMOUNT_IDR, TableLayout
from extract.parse.headers import is_numbering_row
from extract.parse.labels import year_in
from extract.parse.records import IndicatorRow
from extract.parse.rows import Row, cell, column_format, data_rows, is_misplaced_text
from extract.text import COMPOSITE_TOTAL_RE, HEADER_WORDS, SUMMARY_RE, clean_cell

log = logging.getLogger(__name__)

ROLE_KEYS = ("number", "goal", "indicator", "unit", "category")
GROUP_KEYS = ("target", "realization", "achievement")


@dataclass
class _Reading:
    """What every row of one table is read with."""

    table: RawTable
    roles: IndicatorColumns
    labels: list[str]
    formats: dict[int, str | None]  # number format per value column
    level: str


def indicator_rows(table: RawTable, layout: TableLayout, doc_format: str | None,
                   targets_only: bool = False) -> list[IndicatorRow]:
    """Indicator rows of an achievement table; with targets_only, the rows of a one-year
    agreement (Perjanjian Kinerja) table. Multi-year plans (Renstra) are left in raw."""
    roles = indicator_columns(layout.labels, targets_only)
    if roles.indicator is None or not roles.groups or (targets_only and len(roles.groups) != 1):
        return []
    level = goal_level(layout.labels)
    caption_year = year_in(table.caption)
    rows = data_rows(table, layout.header_rows)
    roles = _names_beside_their_numbers(_values_under_their_header(roles, layout.labels, rows), layout.labels, rows)
    roles = _without_money_groups(roles, rows)
    rows = _names_moved_in(roles, layout.labels, rows)
    formats = {col: column_format(rows, col, doc_format) for g in roles.groups for col in g.columns()}
    reading = _Reading(table, roles, layout.labels, formats, level)
    facts: list[IndicatorRow] = []
    goal = None
    last: list[IndicatorRow] = []  # the facts of the last indicator read
    for index, row in enumerate(rows):
        goal = cell(row, roles.goal) or goal
        if _unstacked(reading, row):
            _continue_name(last, _cut_name_head(reading, row))
        for name, printed, values in _row_items(reading, rows, index):
            fact_row = _composite_total(rows, index, roles) if values is row else values
            if fact_row is None:
                continue
            last = []
            for group in roles.groups:
                fact = _indicator_fact(reading, fact_row, group, goal, name, printed)
                if fact is not None:
                    fact.fiscal_year = group.year or caption_year
                    last.append(fact)
            facts += last
    return facts


def _cut_name_head(reading: _Reading, row: Row) -> str:
    """The lower-case text before the first item of a stacked name cell: the end of the last
    indicator of the row above, cut by a page break ("... prasaranan" / "penyelenggaraan ...")."""
    raw = _raw_cell(reading, row, reading.roles.indicator)
    head, items = _stacked_names(raw) if raw is not None else ("", [])
    return head if items and head[:1].islower() else ""


def _continue_name(facts: list[IndicatorRow], tail: str) -> None:
    for fact in facts if tail else []:
        fact.indicator_name_raw = f"{fact.indicator_name_raw} {tail}"
        fact.indicator_name = names.clean_name(f"{fact.indicator_name} {tail}")


def _row_items(reading: _Reading, rows: list[Row], index: int) -> list[tuple[str, str, Row]]:
    """(name, printed name, the row of its values) of every indicator a data row prints: one for a
    plain row; one per item when a cell stacks several indicators and their values (_unstacked); the
    indicator above for a line of values without a name; none for header, heading and summary rows."""
    roles, row = reading.roles, rows[index]
    indicator = cell(row, roles.indicator)
    if not indicator:
        above = _named_above(reading, rows, index)
        return [(above, above, row)] if above else []
    if looks_numeric(indicator) or _is_header_row(row, roles, indicator) or _is_summary(row, roles, indicator):
        return []
    if reading.table.flavor in UNRULED_FLAVORS and not _looks_like_a_name(indicator):
        return []  # stream cut a wrapped cell into pieces; a piece is not an indicator
    parent = _sub_item_parent(reading, rows, index)
    if parent and names.BULLET_RE.match(indicator):
        return [(names.sub_item_name(parent, indicator), f"{parent} {indicator}", row)]
    return _unstacked(reading, row) or [(indicator, indicator, row)]


def _names_moved_in(roles: IndicatorColumns, labels: list[str], rows: list[Row]) -> list[Row]:
    """Rows whose name sits in an unlabelled column beside the empty indicator column take it there: a ruled
    reader cut the printed name column in two, differently on a continuation page (the item letters' column
    and the names'), as budget tables' `name_span`. Numbers and item letters alone are no name."""
    col = roles.indicator
    taken = {getattr(roles, k) for k in ROLE_KEYS} | {c for g in roles.groups for c in g.columns()}
    beside = [c for c in (col - 1, col + 1) if 0 <= c < len(labels) and c not in taken and not labels[c].strip()]
    out = []
    for row in rows:
        named = [c for c in beside if (t := cell(row, c)) and not looks_numeric(t) and len(t.split()) >= 2]
        if named and not cell(row, col) and _has_result_values(row, roles):
            cells = list(row.cells)
            cells[col], cells[named[0]] = cell(row, named[0]), ""
            row = Row(row.index, row.page, cells)
        out.append(row)
    return out


def _named_above(reading: _Reading, rows: list[Row], index: int) -> str | None:
    """A line of values without a name under an indicator printed with values of its own is a
    further value line of that indicator ("Jumlah UTTP dan BDKT" over two value lines). Under an
    indicator without values the lines are its components (_composite_total), not facts."""
    roles = reading.roles
    if not _has_result_values(rows[index], roles) or cell(rows[index], roles.goal) \
            or _labelled_as_summary(rows[index], roles) or _numbered(rows[index], roles):
        return None
    for position in range(index - 1, -1, -1):
        above = rows[position]
        name = cell(above, roles.indicator)
        if name:
            own = _has_result_values(above, roles) and not _is_summary(above, roles, name)
            return name if own and not _closed_by_a_total(rows, position, roles) else None
        if not _has_result_values(above, roles) or cell(above, roles.goal):
            return None
    return None


def _numbered(row: Row, roles: IndicatorColumns) -> bool:
    """The row prints a row number of its own: an item of its own whose name is lost (a page break
    set it on the next page), not a further value line of the indicator above."""
    return roles.number is not None and is_row_number(cell(row, roles.number))


def _labelled_as_summary(row: Row, roles: IndicatorColumns) -> bool:
    """A line of values labelled 'Rata-rata capaian kinerja' / 'Jumlah' / 'Total' outside the indicator
    column is the table's summary, not a further value line of the indicator above. A label spanning
    the narrow number column may be read in pieces across it ('capaian kinerja' | 'Rata-rata'), so each
    cell is tested, not the row's text from its start (_closed_by_a_total)."""
    values = {roles.unit, roles.category} | {col for g in roles.groups for col in g.columns()}
    return any(SUMMARY_RE.match(text) for col, text in enumerate(row.cells) if col not in values)


def _has_result_values(row: Row, roles: IndicatorColumns) -> bool:
    """A realisasi or capaian printed as a number (a target alone may be a composite's common one)."""
    return any(looks_numeric(value_text(cell(row, col))) for g in roles.groups
               for col in (g.realization, g.achievement) if col is not None)


def _is_header_row(row: Row, roles: IndicatorColumns, indicator: str) -> bool:
    """A header line repeated in the body or read as data ("INDIKATOR KINERJA | TARGET | CAPAIAN",
    a unit row "(%)", the column numbering "(1) (2) (3)"): header words or numbers only, and no value."""
    if is_numbering_row(row.cells):
        return True
    words = re.findall(r"[a-z]+", indicator.lower())
    return all(w in HEADER_WORDS for w in words) and not _has_group_values(row, roles)


def _sub_item_parent(reading: _Reading, rows: list[Row], index: int) -> str | None:
    """The indicator a bulleted sub-item row belongs to: the nearest row above that is not a
    sub-item, when it prints no values of its own and ends with ':' ("Jumlah produksi :" over
    "- Daging", "- Telur")."""
    roles = reading.roles
    for above in reversed(rows[:index]):
        name = cell(above, roles.indicator)
        if not name or names.BULLET_RE.match(name):
            continue
        return name if name.rstrip().endswith(":") and not _has_group_values(above, roles) else None
    return None


# A stacked cell: items starting with a bullet, or each with the same first word as the first item.
# Not names.BULLET_RE: a line inside one cell also starts an item with its numbering ("1.", "(2)", "a)",
# which names.NUMBERING_RE strips), and "*" is left out: there it may open a footnote ("*) angka sementara").
ITEM_START_RE = re.compile(r"^\s*(?:[•·●▪◦○►➢\-–]\s*|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)")


def _unstacked(reading: _Reading, row: Row) -> list[tuple[str, str, Row]] | None:
    """Several indicators printed in one cell, one under the other, with their values stacked the
    same way in the value cells (a table without rules between its rows, read as one row): one
    item per indicator when every value cell holds as many values as the cell holds items. Text
    before the first bullet names their parent ("Persentase tindak lanjut : - Administrasi"), or,
    in lower case, ends the last indicator of the row above (_cut_name_head)."""
    roles = reading.roles
    name_raw = _raw_cell(reading, row, roles.indicator)
    if name_raw is None:
        return None
    head, items = _stacked_names(name_raw)
    stacks = {c: _stacked_values(_raw_cell(reading, row, c) or "") for g in roles.groups for c in g.columns()}
    counts = {len(v) for v in stacks.values() if v}
    parent = head if head and not head[0].islower() else None  # a lower-case head ends the row above
    if len(items) < 2 and (not head or parent and not parent.endswith(":")):
        return None  # one item under no head, or under a head that does not announce items
    if counts != {len(items)} or any(len(i.split()) < 2 for i in items):
        return None  # not one value per item, or an item of one word: not a list of names
    out = []
    for k, item in enumerate(items):
        cells = list(row.cells)
        for col, values in stacks.items():
            cells[col] = values[k] if values else ""
        name = names.sub_item_name(parent, item) if parent else item
        out.append((name, f"{parent} {item}" if parent else item, Row(row.index, row.page, cells)))
    return out


def _raw_cell(reading: _Reading, row: Row, col: int | None) -> str | None:
    """The cell as the reader gave it, lines kept; None for a row joined from several grid rows,
    whose cells are not one cell's lines."""
    raw = reading.table.rows[row.index]
    text = raw[col] if col is not None and col < len(raw) else ""
    return text if clean_cell(text) == cell(row, col) else None


def _stacked_names(text: str) -> tuple[str, list[str]]:
    """(text before the first item, items) of a cell's lines."""
    lines = [line.strip() for line in str(text).split("\n") if line.strip()]
    starts = [i for i, line in enumerate(lines) if ITEM_START_RE.match(line)]
    first_word = lines[0].split()[0] if lines else ""
    if not starts and len(first_word) >= 4 and first_word[0].isupper():
        starts = [i for i, line in enumerate(lines) if line.split()[0] == first_word]
    if not starts:
        return "", []
    bounds = starts + [len(lines)]
    items = [_joined(lines[a:b]) for a, b in zip(bounds, bounds[1:])]
    return _joined(lines[:starts[0]]), items


def _joined(lines: list[str]) -> str:
    """Lines of one name: a word hyphenated at a line end ("Gorong-" / "gorong") stays one word."""
    return re.sub(r"(?<=\w-) (?=[a-z])", "", " ".join(lines))


def _stacked_values(text: str) -> list[str]:
    """A value cell's values, one per line: a line without a digit is the unit of the line above
    ("335" / "buah"); a line of numbers only holds one value per number ("90% 100%")."""
    values: list[str] = []
    for line in (part.strip() for part in str(text).split("\n")):
        if not line:
            continue
        if not re.search(r"\d", line) and values:
            values[-1] = f"{values[-1]} {line}"
        elif len(line.split()) > 1 and all(looks_numeric(token) for token in line.split()) \
                and not looks_numeric(line):
            values += line.split()
        else:
            values.append(line)
    return values


# Indicator value cells parse_number does not read: a rate per 1 000 / 100 000 ("89/100.000 KH",
# "5,8/1000KH"), a score before its grade ("81 (A)"), a unit glued to its number ("69.02poin"), a
# closing full stop. Plan targets read their cells through the same value_text.
RATE_RE = re.compile(r"^\s*(-?\d[\d.,]*)\s*/\s*1[.,]?0{2,3}(?:[.,]000)*(?!\d).*$", re.DOTALL)
SCORE_GRADE_RE = re.compile(r"^\s*(-?\d[\d.,]*)\s*\(\s*[A-E][+-]?\s*\)\s*$")
GLUED_UNIT_RE = re.compile(r"^(\s*-?\d[\d.,]*)(?=[A-Za-z]{2,})")


# A capaian cell that a reader merged with the grade beside it, the number between the grade's lines
# when the grade wraps ("Sangat" / "102,33" / "Baik") or before it ("104,16 Sangat Baik").
GRADE_WORDS = r"(?:sangat|baik|cukup|kurang|buruk|tinggi|rendah|sedang|memuaskan|berhasil|tidak)"
GRADED_VALUE_RE = re.compile(rf"^\s*(?:{GRADE_WORDS}\s+)*(-?\d[\d.,]*\s*%?)(?:\s+{GRADE_WORDS})+\s*$", re.IGNORECASE)


def value_text(text: str) -> str:
    """The cell text parse_number reads: the rate's count, the score, the number apart from its unit
    or its grade."""
    text = str(text or "")
    for pattern in (RATE_RE, SCORE_GRADE_RE, GRADED_VALUE_RE):
        match = pattern.match(text)
        if match:
            return match.group(1)
    text = GLUED_UNIT_RE.sub(r"\1 ", text)
    return re.sub(r"(?<=[\d%])\s*\.$", "", text.strip())


def _values_under_their_header(roles: IndicatorColumns, labels: list[str],
                               rows: list[Row]) -> IndicatorColumns:
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


def _without_money_groups(roles: IndicatorColumns, rows: list[Row]) -> IndicatorColumns:
    """A table printing each indicator's budget beside its performance ("Kinerja: Target | Realisasi |
    Capaian", "Anggaran: Target | Realisasi | Capaian") whose group row was lost reads as two value
    groups. The group whose target and realisasi hold rupiah is the budget, not a second reading of
    the indicator: it is dropped when another group holds no money and no unit cell says rupiah."""
    if len(roles.groups) < 2 or any(RUPIAH_UNIT_RE.search(cell(r, roles.unit)) for r in rows):
        return roles
    keep = [g for g in roles.groups if not _holds_money(g, rows)]
    if not keep or len(keep) == len(roles.groups):
        return roles
    roles = copy.deepcopy(roles)
    roles.groups = keep
    return roles


RUPIAH_UNIT_RE = re.compile(r"\brp\b|rupiah", re.IGNORECASE)


def _holds_money(group: ValueGroup, rows: list[Row]) -> bool:
    """Most filled target and realisasi cells are rupiah: printed with 'Rp' or of a budget's magnitude."""
    texts = [cell(r, c) for r in rows for c in (group.target, group.realization) if c is not None and cell(r, c)]
    money = sum(1 for t in texts if _is_money(t) or abs(parse_number(value_text(t)) or 0) >= MIN_AMOUNT_IDR)
    return money >= 2 and 2 * money > len(texts)


def _names_beside_their_numbers(roles: IndicatorColumns, labels: list[str],
                                rows: list[Row]) -> IndicatorColumns:
    """"Indikator Kinerja" printed over two grid columns, the indicator's number and its name
    ("1 | Persentase ..."): the label sits over the numbers. The name is the unlabelled column to
    their right."""
    col = roles.indicator
    texts = [cell(r, col) for r in rows if cell(r, col)] if col is not None else []
    if not texts or not all(is_row_number(t) for t in texts) or col + 1 >= len(labels) or labels[col + 1]:
        return roles
    if not any(cell(r, col + 1) and not looks_numeric(cell(r, col + 1)) for r in rows):
        return roles
    roles = copy.deepcopy(roles)
    roles.number = col if roles.number is None else roles.number
    roles.indicator = col + 1
    return roles


def _looks_like_a_name(text: str) -> bool:
    """Indicator names start with a capital letter ("Persentase ...", "Jumlah ..."), not with a
    lower-case word piece or a row number."""
    return text[:1].isupper()


def _composite_total(rows: list[Row], index: int, roles: IndicatorColumns) -> Row | None:
    """The row holding an indicator's values. When the indicator is measured by several
    component rows below it (values of their own, no indicator name; Ambon Tabel 3.3), its
    value is the 'Jumlah' row closing them, with the components' common target; without such
    a row it is unknown (None): its first component is not the indicator. An indicator printing its
    own realisasi or capaian and no closing row is its own fact (the lines below are further value
    lines: _named_above)."""
    parts = _components(rows, index, roles)
    if not parts:
        return rows[index]
    after = index + 1 + len(parts)
    total = rows[after] if after < len(rows) else None
    if total is None or not COMPOSITE_TOTAL_RE.match(" ".join(c for c in total.cells if c)):
        return rows[index] if _has_result_values(rows[index], roles) else None
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


def _components(rows: list[Row], index: int, roles: IndicatorColumns) -> list[Row]:
    """The rows of values without a name under row `index`, up to a name or a closing row."""
    parts = []
    for row in rows[index + 1:]:
        if cell(row, roles.indicator) or not _has_group_values(row, roles) or _closes_table(row):
            break
        parts.append(row)
    return parts


def _closed_by_a_total(rows: list[Row], index: int, roles: IndicatorColumns) -> bool:
    after = index + 1 + len(_components(rows, index, roles))
    return after < len(rows) and COMPOSITE_TOTAL_RE.match(" ".join(c for c in rows[after].cells if c)) is not None


def _closes_table(row: Row) -> bool:
    """A 'Jumlah' / 'Rata-rata' / 'Total' / 'Kategori' row."""
    return SUMMARY_RE.match(" ".join(c for c in row.cells if c)) is not None


def _has_group_values(row: Row, roles: IndicatorColumns) -> bool:
    return any(looks_numeric(cell(row, col)) for g in roles.groups for col in g.columns())


def _is_summary(row: Row, roles: IndicatorColumns, indicator: str) -> bool:
    """'Rata-rata capaian', 'Jumlah', 'Kategori' rows close a table; they carry no row number of
    their own and are the bare word or print no target. An indicator named 'Jumlah masyarakat ...',
    'Nilai Tukar Petani' or 'Total Fertility Rate' has a number or a target."""
    match = SUMMARY_RE.match(indicator)
    if not match or cell(row, roles.number):
        return False
    is_bare_word = not re.sub(r"[\W_]+", "", indicator[match.end():])
    if not any(group.target is not None for group in roles.groups):  # a table of capaian alone
        # 'Rata-rata capaian kinerja' sums the table up; 'Jumlah Puskesmas yang terakreditasi' counts something
        return is_bare_word or set(re.findall(r"[a-z]+", indicator[match.end():].lower())) <= SUMMARY_WORDS
    has_target = any(cell(row, group.target) for group in roles.groups)
    return is_bare_word or not has_target


# the words a closing row's label adds to 'Jumlah' / 'Rata-rata' ('Rata-rata capaian indikator kinerja utama')
SUMMARY_WORDS = {"rata", "capaian", "kinerja", "indikator", "utama", "iku", "sasaran", "program", "kegiatan",
                 "nilai", "total", "keseluruhan", "seluruh", "akhir", "dan", "persentase", "tahun"}


def _indicator_fact(reading: _Reading, row: Row, group: ValueGroup, goal: str | None,
                    indicator: str, printed: str) -> IndicatorRow | None:
    roles, labels = reading.roles, reading.labels
    raws = _group_cells(row, roles, group, labels)
    if any(is_misplaced_text(text) for text in raws.values()):
        return None  # a shifted row: text where a number belongs
    values = {k: parse_number(value_text(raws[k]), reading.formats.get(getattr(group, k)))
              if getattr(group, k) is not None else None for k in raws}
    if values["realization"] is None and values["achievement"] is None and not (
            group.realization is None and group.achievement is None and raws["target"]):
        return None  # achievement tables need a value; agreement tables a printed target
    if _is_money(raws["target"]) != _is_money(raws["realization"]) and raws["realization"]:
        return None  # rupiah against a percentage: a budget column read as a target
    values.update(_settled_by_achievement(values, raws))
    unit = cell(row, roles.unit) or _percent_unit(raws, group, labels)
    return IndicatorRow(
        table_id=reading.table.table_id, row_index=row.index, source_page=row.page, level=reading.level,
        goal_name=goal or None, indicator_name=names.clean_name(indicator), unit=unit, fiscal_year=None,
        target_raw=raws["target"], target_value=values["target"],
        realization_raw=raws["realization"], realization_value=values["realization"],
        achievement_raw=raws["achievement"], achievement_pct_reported=values["achievement"],
        category_reported=cell(row, roles.category) or None, indicator_name_raw=printed,
    )


ACHIEVEMENT_MATCH = 0.01  # relative: a capaian printed rounded still tells 1712 from 1.712 (a factor 1000)


def _settled_by_achievement(values: dict, raws: dict[str, str]) -> dict:
    """A target or realisasi the two conventions read differently ('1.712': 1712 or 1.712) where one
    table mixes them ('6.822.635' over '2.5' in one column, so the column's vote may be wrong for it):
    when the row prints its capaian and the column's reading does not give it, the reading that gives it
    is taken: the one changing the fewest cells, then (both cells a thousand times smaller give the same
    ratio) the one reading counts in thousands, not three decimals, as numerals.py does without evidence.
    Capaian is realisasi / target, target / realisasi for an indicator meant to fall, or 2 - realisasi /
    target (jabar-disperindag pp. 38-39: '203,440 | 203.955 | 99.74', '928 | 1.712 | 54.20')."""
    achievement = values["achievement"]
    if not achievement or values["target"] is None or values["realization"] is None:
        return {}
    if _gives(values["target"], values["realization"], achievement):
        return {}
    pairs = [(t, r) for t in readings(value_text(raws["target"]))
             for r in readings(value_text(raws["realization"])) if _gives(t, r, achievement)]
    ranks = [((t != values["target"]) + (r != values["realization"]), -t.is_integer() - r.is_integer())
             for t, r in pairs]
    best = [pair for pair, rank in zip(pairs, ranks) if rank == min(ranks, default=None)]
    return {"target": best[0][0], "realization": best[0][1]} if len(best) == 1 else {}


def _gives(target: float, realization: float, achievement: float) -> bool:
    if not target or not realization:
        return False
    ratios = (realization / target, target / realization, 2 - realization / target)
    return any(abs(100 * ratio - achievement) <= ACHIEVEMENT_MATCH * abs(achievement) for ratio in ratios)


def _group_cells(row: Row, roles: IndicatorColumns, group: ValueGroup, labels: list[str]) -> dict[str, str]:
    """The group's target, realisasi and capaian on this row. A ruled grid drawn differently on
    some rows puts all of a row's values in unlabelled sub-columns beside the labelled ones: when
    every role cell is empty and the unlabelled cells around them hold exactly one value per
    role, they are read in column order. (_values_under_their_header moves a role column that is
    off on every row; this handles the rows that are off alone.)"""
    raws = {key: cell(row, getattr(group, key)) for key in GROUP_KEYS}
    cols = sorted(getattr(group, k) for k in GROUP_KEYS if getattr(group, k) is not None)
    taken = {getattr(roles, k) for k in ROLE_KEYS} | {getattr(g, k) for g in roles.groups for k in GROUP_KEYS}
    if not cols or any(raws[k] for k in GROUP_KEYS):
        return _under_label_fragments(row, group, labels, raws, taken)
    spare = [c for c in range(cols[0] - 1, cols[-1] + 1)
             if 0 <= c < len(labels) and not labels[c] and c not in taken and cell(row, c)]
    if len(spare) != len(cols):
        return raws  # not one value per role: which is which cannot be told
    keys = sorted((k for k in GROUP_KEYS if getattr(group, k) is not None), key=lambda k: getattr(group, k))
    return {**raws, **{k: cell(row, c) for k, c in zip(keys, spare)}}


def _under_label_fragments(row: Row, group: ValueGroup, labels: list[str], raws: dict[str, str],
                           taken: set) -> dict[str, str]:
    """A role cell empty on this row whose value sits beside it, under the rest of its own header
    cut off by a word reader ("Target 2024" | "Tahun": the values under "Tahun" on some rows)."""
    raws, used = dict(raws), set()
    for key in sorted((k for k in GROUP_KEYS if getattr(group, k) is not None), key=lambda k: getattr(group, k)):
        col = getattr(group, key)
        for near in (col + 1, col - 1) if not raws[key] else ():
            if 0 <= near < len(labels) and near not in taken | used and is_label_fragment(labels[near]) \
                    and cell(row, near):
                raws[key] = cell(row, near)
                used.add(near)
                break
    return raws


def _is_money(text: str) -> bool:
    return bool(re.match(r"\s*rp\b", text, re.IGNORECASE))


def _percent_unit(raws: dict, group: ValueGroup, labels: list[str]) -> str | None:
    """No unit column: '%' when the values or the target/realisasi headers print it."""
    texts = [raws["target"], raws["realization"]] + [labels[getattr(group, k)] for k in ("target", "realization")
                                                     if getattr(group, k) is not None]
    return "%" if any("%" in t for t in texts) else None


# ---------------------------------------------------------------- budget tables


# ---------------------------------------------------------------- budget hierarchy


# ---------------------------------------------------------------- the report's grading scale


