"""Turn classified tables into indicator rows and budget lines, with provenance.

Two facts come out of a report:
- indicator rows: indikator (indicator) of a sasaran (goal) or program, with target,
  realisasi (realization) and capaian (achievement, %) as printed;
- budget lines: program / kegiatan / sub-kegiatan with anggaran (budget), realisasi and %.
Every value keeps its raw text, table, row and page. Nothing is corrected here: a wrong
printed total stays wrong, and the data-quality models flag it.
"""
from __future__ import annotations

import csv
import logging
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from extract import classify as cls
from extract.numbers import detect_format, is_row_number, looks_numeric, parse_number, parse_range
from extract.tables import UNRULED_FLAVORS, RawTable

log = logging.getLogger(__name__)

CONNECTOR_WORDS = {"dan", "yang", "dengan", "di", "ke", "dari", "untuk", "serta", "atau", "pada",
                   "bagi", "melalui", "oleh", "dalam", "terhadap", "atas", "&"}
TOTAL_RE = re.compile(r"^(jumlah|total|grand total)\b", re.IGNORECASE)
SUMMARY_RE = re.compile(r"^(rata\s*[-–—]?\s*rata|jumlah|total|kategori|nilai)\b", re.IGNORECASE)
COMPOSITE_TOTAL_RE = re.compile(r"^(jumlah|total|rata\s*[-–—]?\s*rata)\b", re.IGNORECASE)


@dataclass
class IndicatorRow:
    table_id: str
    row_index: int
    source_page: int
    level: str
    goal_name: str | None
    indicator_name: str
    unit: str | None
    fiscal_year: int | None
    target_raw: str
    target_value: float | None
    realization_raw: str
    realization_value: float | None
    achievement_raw: str
    achievement_pct_reported: float | None
    category_reported: str | None


@dataclass
class ScaleRow:
    table_id: str
    source_page: int
    category_label: str
    lower_pct: float | None  # null: open below
    upper_pct: float | None  # null: open above
    raw_text: str


@dataclass
class BudgetLine:
    table_id: str
    row_index: int
    source_page: int
    line_number: str | None
    level: str
    level_method: str
    line_name: str
    budget_raw: str
    budget_idr: float | None
    realization_raw: str
    realization_idr: float | None
    absorption_raw: str
    absorption_pct_reported: float | None
    fiscal_year: int | None


def as_records(items) -> list[dict]:
    return [asdict(item) for item in items]


# Short words that legitimately start a wrapped line; any other short lower-case piece after a
# line break is the tail of a word split by a narrow column ("Triwula|nan", "memutakhirk|an").
FUNCTION_WORDS = {"di", "ke", "dan", "yang", "dari", "pada", "bagi", "oleh", "ini", "itu", "per",
                  "se", "sd", "s/d", "dg", "yg", "tdk", "dll", "dsb", "atau", "dgn", "thn", "org"}
SPLIT_WORD_RE = re.compile(r"(?<=[a-z])\n([a-z]{1,3})(?=$|[^a-z])")


BROKEN_WORD_RE = re.compile(r"([A-Za-z]+)\n([A-Za-z]+)")
# Two words printed without their space ("ManajemenInformasi" in a text layer, "NilaiReformasi"
# from OCR), split when both are words of the nomenclature names (not an app name like "SimpelDesa").
JOINED_WORDS_RE = re.compile(r"\b([A-Za-z][a-z]{3,})([A-Z][a-z]{3,})\b")
NOMENCLATURE_CSV = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "ref_nomenclature.csv"


def clean_cell(text: str) -> str:
    """One line of text: wrapped lines joined, words split by a narrow column rejoined."""
    text = SPLIT_WORD_RE.sub(lambda m: m.group(0) if m.group(1) in FUNCTION_WORDS else m.group(1), str(text))
    text = re.sub(r"\n(?=[,.;:)])", "", text)  # punctuation pushed onto the next line
    text = BROKEN_WORD_RE.sub(_rejoin_known_word, text)
    text = JOINED_WORDS_RE.sub(_split_known_words, text)
    return " ".join(text.split())


def _split_known_words(match: re.Match) -> str:
    words = nomenclature_words()
    first, second = match.group(1), match.group(2)
    return f"{first} {second}" if first.lower() in words and second.lower() in words else match.group(0)


def _rejoin_known_word(match: re.Match) -> str:
    """'Tri' + 'wulanan', 'K' + 'EPENTINGAN': a word broken at any letter by a column too narrow
    for it is joined when the whole is a word of the national program / kegiatan names and a
    piece is not."""
    head, tail = match.group(1), match.group(2)
    words = nomenclature_words()
    whole = (head + tail).lower()
    if whole in words and (head.lower() not in words or tail.lower() not in words):
        return head + tail
    return match.group(0)


@lru_cache(maxsize=1)
def nomenclature_words() -> frozenset[str]:
    """Lower-case words of the national nomenclature names (Permendagri 90/2019 and successors)."""
    if not NOMENCLATURE_CSV.exists():
        log.warning("%s not found: words broken by narrow columns are not rejoined", NOMENCLATURE_CSV)
        return frozenset()
    with open(NOMENCLATURE_CSV, newline="", encoding="utf-8") as fh:
        names = " ".join(row.get("name") or "" for row in csv.DictReader(fh))
    return frozenset(w for w in re.findall(r"[a-z]+", names.lower()) if len(w) >= 4)


# ---------------------------------------------------------------- rows


@dataclass
class Row:
    index: int  # row index in the table grid (provenance)
    page: int
    cells: list[str]


def data_rows(table: RawTable, header_rows: int) -> list[Row]:
    rows = [Row(i, table.row_pages[i], [clean_cell(c) for c in table.rows[i]])
            for i in range(header_rows, len(table.rows))]
    return merge_cut_rows(rows, wrapped_lines_are_rows=table.flavor in UNRULED_FLAVORS)


def merge_cut_rows(rows: list[Row], wrapped_lines_are_rows: bool = False) -> list[Row]:
    """Join a row that is only the rest of the previous row's text.

    In a ruled table such a row was cut by a page break: no number in it, and it starts in
    lower case or the previous text ends with a connecting word. In an unruled table
    every wrapped line of a cell is a row of its own: a text-only row whose text sits in
    columns where the previous row has text continues it.
    """
    merged: list[Row] = []
    for row in rows:
        previous = merged[-1] if merged else None
        continues = previous is not None and (
            _is_fragment(row, previous) or (wrapped_lines_are_rows and _is_wrapped_line(row, previous)))
        if continues:
            _append_fragment(previous, row)
        else:
            merged.append(Row(row.index, row.page, list(row.cells)))
    return merged


def _is_fragment(row: Row, previous: Row) -> bool:
    texts = [c for c in row.cells if c]
    if not texts or any(looks_numeric(c) or is_row_number(c) for c in texts):
        return False
    first = texts[0]
    if first[0].islower():
        return True
    previous_texts = [c for c in previous.cells
                      if c and not looks_numeric(c) and not is_row_number(c) and not _is_dash(c)]
    if not previous_texts:
        return False
    last_word = previous_texts[-1].split()[-1].lower() if previous_texts[-1].split() else ""
    return last_word in CONNECTOR_WORDS or previous_texts[-1].endswith((",", "-", "/"))


def _is_dash(text: str) -> bool:
    """'-' printed for 'no value' in a cell: not a word broken at a hyphen."""
    return bool(re.fullmatch(r"[-–—]+", text.strip()))


def _is_wrapped_line(row: Row, previous: Row) -> bool:
    texts = [(i, c) for i, c in enumerate(row.cells) if c]
    if not texts or any(looks_numeric(c) or is_row_number(c) for _, c in texts):
        return False
    return all(i < len(previous.cells) and previous.cells[i] and not looks_numeric(previous.cells[i])
               for i, _ in texts)


def _append_fragment(previous: Row, fragment: Row) -> None:
    for col, text in enumerate(fragment.cells):
        if not text:
            continue
        own = previous.cells[col] if col < len(previous.cells) else ""
        is_text = own and not looks_numeric(own) and not is_row_number(own)
        target = col if is_text else _nearest_text_cell(previous, col)
        if target is None:
            continue
        previous.cells[target] = f"{previous.cells[target]} {text}".strip()


def _nearest_text_cell(row: Row, col: int) -> int | None:
    candidates = [i for i, c in enumerate(row.cells) if c and not looks_numeric(c) and not is_row_number(c)]
    return min(candidates, key=lambda i: (abs(i - col), -i)) if candidates else None


def cell(row: Row, col: int | None) -> str:
    if col is None or col >= len(row.cells):
        return ""
    return row.cells[col]


def column_format(rows: list[Row], col: int | None, prior: str | None) -> str | None:
    return detect_format([cell(r, col) for r in rows], prior=prior)


# ---------------------------------------------------------------- indicator tables


def indicator_rows(table: RawTable, layout: cls.TableLayout, doc_format: str | None,
                   targets_only: bool = False) -> list[IndicatorRow]:
    """Indicator rows of an achievement table; with targets_only, the rows of a one-year
    agreement (Perjanjian Kinerja) table. Multi-year plans (Renstra) are left in raw."""
    roles = cls.indicator_columns(layout.labels, targets_only)
    if roles["indicator"] is None or not roles["groups"] or (targets_only and len(roles["groups"]) != 1):
        return []
    level = cls.goal_level(layout.labels)
    caption_year = cls.year_in(table.caption)
    rows = data_rows(table, layout.header_rows)
    roles = _values_under_their_header(roles, layout.labels, rows)
    value_cols = [g[k] for g in roles["groups"] for k in ("target", "realization", "achievement")]
    formats = {col: column_format(rows, col, doc_format) for col in value_cols if col is not None}
    facts: list[IndicatorRow] = []
    goal = None
    for index, row in enumerate(rows):
        goal = cell(row, roles["goal"]) or goal
        indicator = cell(row, roles["indicator"])
        if not indicator or looks_numeric(indicator) or _is_summary(row, roles, indicator):
            continue
        if table.flavor in UNRULED_FLAVORS and not _looks_like_a_name(indicator):
            continue  # stream cut a wrapped cell into pieces; a piece is not an indicator
        row = _composite_total(rows, index, roles)
        if row is None:
            continue
        for group in roles["groups"]:
            fact = _indicator_fact(table, row, roles, group, formats, level, goal, indicator, layout.labels)
            if fact is not None:
                fact.fiscal_year = group["year"] or caption_year
                facts.append(fact)
    return facts


ROLE_KEYS = ("number", "goal", "indicator", "unit", "category")
GROUP_KEYS = ("target", "realization", "achievement")


def _values_under_their_header(roles: dict, labels: list[str], rows: list[Row]) -> dict:
    """A header cell spanning two grid columns is read into one of them, while the values below
    may sit in the other (the grid follows the data rows' lines). A role column empty in every
    data row takes its neighbour that has no label of its own and holds values."""
    roles = {**roles, "groups": [dict(g) for g in roles["groups"]]}
    slots = [(roles, k) for k in ROLE_KEYS] + [(g, k) for g in roles["groups"] for k in GROUP_KEYS]
    slots = sorted((s for s in slots if s[0][s[1]] is not None), key=lambda s: s[0][s[1]])
    used = {owner[key] for owner, key in slots}
    has_values = lambda col: any(cell(r, col) for r in rows)  # noqa: E731 - tiny local helper
    for owner, key in slots:
        col = owner[key]
        if has_values(col):
            continue
        for near in (col - 1, col + 1):
            if 0 <= near < len(labels) and not labels[near] and near not in used and has_values(near):
                used.discard(col)
                used.add(near)
                owner[key] = near
                break
    return roles


def _looks_like_a_name(text: str) -> bool:
    """Indicator names start with a capital letter ("Persentase ...", "Jumlah ..."), not with a
    lower-case word piece or a row number."""
    return text[:1].isupper()


def _composite_total(rows: list[Row], index: int, roles: dict) -> Row | None:
    """The row holding an indicator's values. When the indicator is measured by several
    component rows below it (values of their own, no indicator name; Ambon Tabel 3.3), its
    value is the 'Jumlah' row closing them, with the components' common target; without such
    a row it is unknown (None): its first component is not the indicator."""
    parts = []
    for row in rows[index + 1:]:
        if cell(row, roles["indicator"]) or not _has_group_values(row, roles) or _closes_table(row):
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
    for group in roles["groups"]:
        for key in GROUP_KEYS:
            if group[key] is not None and group[key] < width:
                merged.cells[group[key]] = cell(total, group[key])
        targets = {cell(r, group["target"]) for r in [rows[index]] + parts} - {""}
        if group["target"] is not None and group["target"] < width and not cell(total, group["target"]) \
                and len(targets) == 1:
            merged.cells[group["target"]] = targets.pop()
    return merged


def _closes_table(row: Row) -> bool:
    """A 'Jumlah' / 'Rata-rata' / 'Total' / 'Kategori' row."""
    return SUMMARY_RE.match(" ".join(c for c in row.cells if c)) is not None


def _has_group_values(row: Row, roles: dict) -> bool:
    return any(looks_numeric(cell(row, g[k])) for g in roles["groups"] for k in GROUP_KEYS if g[k] is not None)


def _is_summary(row: Row, roles: dict, indicator: str) -> bool:
    """'Rata-rata capaian', 'Jumlah', 'Kategori' rows close a table; they carry no row number of
    their own and are the bare word or print no target. An indicator named 'Jumlah masyarakat ...',
    'Nilai Tukar Petani' or 'Total Fertility Rate' has a number or a target."""
    match = SUMMARY_RE.match(indicator)
    if not match or cell(row, roles["number"]):
        return False
    is_bare_word = not re.sub(r"[\W_]+", "", indicator[match.end():])
    has_target = any(cell(row, group["target"]) for group in roles["groups"])
    return is_bare_word or not has_target


def _indicator_fact(table, row, roles, group, formats, level, goal, indicator, labels) -> IndicatorRow | None:
    raws = _group_cells(row, roles, group, labels)
    if any(is_misplaced_text(text) for text in raws.values()):
        return None  # a shifted row: text where a number belongs
    values = {k: parse_number(raws[k], formats.get(group[k])) if group[k] is not None else None for k in raws}
    if values["realization"] is None and values["achievement"] is None and not (
            group["realization"] is None and group["achievement"] is None and raws["target"]):
        return None  # achievement tables need a value; agreement tables a printed target
    if _is_money(raws["target"]) != _is_money(raws["realization"]) and raws["realization"]:
        return None  # rupiah against a percentage: a budget column read as a target
    unit = cell(row, roles["unit"]) or _percent_unit(raws, group, labels)
    return IndicatorRow(
        table_id=table.table_id, row_index=row.index, source_page=row.page, level=level,
        goal_name=goal or None, indicator_name=indicator, unit=unit, fiscal_year=None,
        target_raw=raws["target"], target_value=values["target"],
        realization_raw=raws["realization"], realization_value=values["realization"],
        achievement_raw=raws["achievement"], achievement_pct_reported=values["achievement"],
        category_reported=cell(row, roles["category"]) or None,
    )


def _group_cells(row: Row, roles: dict, group: dict, labels: list[str]) -> dict[str, str]:
    """The group's target, realisasi and capaian on this row. A ruled grid drawn differently on
    some rows puts all of a row's values in unlabelled sub-columns beside the labelled ones: when
    every role cell is empty and the unlabelled cells around them hold exactly one value per
    role, they are read in column order. (_values_under_their_header moves a role column that is
    off on every row; this handles the rows that are off alone.)"""
    raws = {key: cell(row, group[key]) for key in GROUP_KEYS}
    cols = sorted(group[k] for k in GROUP_KEYS if group[k] is not None)
    if not cols or any(raws[k] for k in GROUP_KEYS):
        return raws
    taken = {roles[k] for k in ROLE_KEYS} | {g[k] for g in roles["groups"] for k in GROUP_KEYS}
    spare = [c for c in range(cols[0] - 1, cols[-1] + 1)
             if 0 <= c < len(labels) and not labels[c] and c not in taken and cell(row, c)]
    if len(spare) != len(cols):
        return raws  # not one value per role: which is which cannot be told
    keys = sorted((k for k in GROUP_KEYS if group[k] is not None), key=lambda k: group[k])
    return {**raws, **{k: cell(row, c) for k, c in zip(keys, spare)}}


def _is_money(text: str) -> bool:
    return bool(re.match(r"\s*rp\b", text, re.IGNORECASE))


def _percent_unit(raws: dict, group: dict, labels: list[str]) -> str | None:
    """No unit column: '%' when the values or the target/realisasi headers print it."""
    texts = [raws["target"], raws["realization"]] + [labels[group[k]] for k in ("target", "realization")
                                                     if group[k] is not None]
    return "%" if any("%" in t for t in texts) else None


def is_misplaced_text(text: str) -> bool:
    """Words where a number belongs (a shifted row), unlike a grade such as 'Level 3 (3,35)'."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    return len(words) >= 3 and parse_number(text, None) is None


# ---------------------------------------------------------------- budget tables


def budget_lines(table: RawTable, layout: cls.TableLayout, doc_format: str | None) -> list[BudgetLine]:
    roles = cls.budget_columns(layout.labels)
    rows = data_rows(table, layout.header_rows)
    table_format = detect_format([c for r in rows for c in r.cells if looks_numeric(c)], prior=doc_format)
    year = cls.year_in(table.caption)
    lines = [line for row in rows if (line := _budget_line(table, row, roles, table_format, year))]
    assign_levels(lines)
    return lines


AMOUNT_TOKEN_RE = re.compile(r"(?:Rp\.?\s*)?-?\d[\d.,]*%?(?:,-)?$")


def _budget_line(table, row, roles, fmt, year) -> BudgetLine | None:
    first = next((c for c in row.cells if c), "")  # numbering leads the row, in whichever column
    numbering = first if is_row_number(first) and len(first) <= 5 and not looks_numeric(first.rstrip(".")) \
        or re.fullmatch(r"\d{1,3}\.?", first) else None
    numeric = [c for c in row.cells if c and looks_numeric(c) and c != numbering]
    name = " ".join(c for c in row.cells if c and c != numbering and not looks_numeric(c))
    if table.flavor in UNRULED_FLAVORS:  # columns drift: read the line's text, in reading order
        name, numeric = _split_trailing_amounts(" ".join(c for c in row.cells if c and c != numbering))
    if not numeric or not name:
        return None  # section headings ("BIDANG ...") and empty rows carry no amounts
    budget, realization, absorption = _amount_cells(row, roles, numeric)
    return BudgetLine(
        table_id=table.table_id, row_index=row.index, source_page=row.page, line_number=numbering,
        level="", level_method="", line_name=name,
        budget_raw=budget, budget_idr=parse_number(budget, fmt),
        realization_raw=realization, realization_idr=parse_number(realization, fmt),
        absorption_raw=absorption, absorption_pct_reported=parse_number(absorption, fmt),
        fiscal_year=year,
    )


def _split_trailing_amounts(text: str) -> tuple[str, list[str]]:
    """'ADMINISTRASI KEUANGAN Rp 5,781,103,415.43 Rp 4,839,258,433.00 83.71' -> name + amounts.
    Unruled columns drift from page to page; the order of the amounts at the end of a budget
    line does not (anggaran, realisasi, %)."""
    tokens: list[str] = []
    for token in text.split():
        if tokens and tokens[-1] in ("Rp", "Rp.") and re.match(r"-?\d", token):
            tokens[-1] = f"Rp {token}"  # "Rp" printed apart from its number
        else:
            tokens.append(token)
    amounts: list[str] = []
    while tokens and len(amounts) < 3 and AMOUNT_TOKEN_RE.fullmatch(tokens[-1]):
        amounts.insert(0, tokens.pop())
    return " ".join(tokens), amounts


def _amount_cells(row: Row, roles: dict, numeric: list[str]) -> tuple[str, str, str]:
    """Budget, realization and % by header position; by order when the row is shifted."""
    by_role = [cell(row, roles[k]) for k in ("budget", "realization", "absorption")]
    role_cols = [roles[k] for k in ("budget", "realization", "absorption")]
    stray_left = any(c in numeric for c in row.cells[: min(c for c in role_cols if c is not None)]) \
        if any(c is not None for c in role_cols) else False
    if stray_left or not set(numeric) <= set(row.cells):  # a row shifted left, or amounts read from its text
        padded = numeric + ["", "", ""]
        return padded[0], padded[1], padded[2]
    if by_role[0] and by_role[1] and all(looks_numeric(c) for c in by_role[:2]):
        return by_role[0], by_role[1], by_role[2] if looks_numeric(by_role[2]) else ""
    padded = numeric + ["", "", ""]
    return padded[0], padded[1], padded[2]


# ---------------------------------------------------------------- budget hierarchy


def assign_levels(lines: list[BudgetLine]) -> None:
    """program / kegiatan / sub_kegiatan / total, and how each was decided.

    Program and total lines are named so. Inside a program the two lower levels are told
    apart by the first rule that separates them: keywords, letter case (kegiatan in capitals),
    numbering (only sub-kegiatan numbered), numbering depth, and finally arithmetic
    (a kegiatan equals the sum of the lines under it).
    """
    block: list[BudgetLine] = []
    for line in lines:
        name = line.line_name.lower()
        if TOTAL_RE.match(name):
            line.level, line.level_method = "total", "keyword"
        elif name.startswith("program"):
            line.level, line.level_method = "program", "keyword"
        else:
            block.append(line)
            continue
        _levels_in_block(block)
        block = []
    _levels_in_block(block)


def _levels_in_block(block: list[BudgetLine]) -> None:
    if not block:
        return
    for rule in (_by_keyword, _by_letter_case, _by_numbering, _by_numbering_depth, _by_arithmetic):
        decided = rule(block)
        if decided is not None:
            for line, is_kegiatan in zip(block, decided):
                line.level = "kegiatan" if is_kegiatan else "sub_kegiatan"
                line.level_method = rule.__name__.removeprefix("_by_")
            return
    for line in block:
        line.level, line.level_method = "kegiatan", "default"


def _split(flags: list[bool]) -> list[bool] | None:
    """A rule decides only if it separates the block into both levels, kegiatan first."""
    return flags if any(flags) and not all(flags) and flags[0] else None


def _by_keyword(block):
    names = [b.line_name.lower() for b in block]
    if not any(n.startswith(("kegiatan", "sub kegiatan", "sub-kegiatan")) for n in names):
        return None
    return _split([n.startswith("kegiatan") for n in names])


def _by_letter_case(block):
    return _split([_is_upper(b.line_name) for b in block])


def _by_numbering(block):
    return _split([not b.line_number for b in block])


def _by_numbering_depth(block):
    depths = [b.line_number.rstrip(".").count(".") if b.line_number else -1 for b in block]
    if -1 in depths or len(set(depths)) < 2:
        return None
    return _split([d == min(depths) for d in depths])


def _by_arithmetic(block):
    flags = [False] * len(block)
    i = 0
    while i < len(block):
        total, j = 0.0, i + 1
        while j < len(block) and block[i].budget_idr and total < block[i].budget_idr - 0.5:
            total += block[j].budget_idr or 0.0
            j += 1
        if j > i + 1 and block[i].budget_idr and abs(total - block[i].budget_idr) < 1:
            flags[i] = True
            i = j
        else:
            i += 1
    return _split(flags)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


# ---------------------------------------------------------------- the report's grading scale

LOWER_ONLY_RE = re.compile(r"(lebih dari|di ?atas|>|≥|=>|>=|minimal|ke atas)", re.IGNORECASE)
UPPER_ONLY_RE = re.compile(r"(kurang dari|di ?bawah|<|≤|=<|<=|maksimal|ke bawah)", re.IGNORECASE)


def scale_rows(table: RawTable, layout: cls.TableLayout) -> list[ScaleRow]:
    """'Lebih dari 100% | Sangat baik', 'Baik | 75,00 - 89,9', 'Sangat Baik | ≥ 90' -> bounds.
    Bounds are kept inclusive; a value on a boundary may fit two labels, and the data-quality
    check accepts either."""
    rows = []
    for row in data_rows(table, layout.header_rows):
        texts = [c for c in row.cells if c and not is_row_number(c)]
        ranges = [c for c in texts if re.search(r"\d", c)]
        labels = [c for c in texts if not re.search(r"\d", c)]
        if len(ranges) != 1 or not labels:
            continue
        lower, upper = _bounds(ranges[0])
        if (lower is not None or upper is not None) and lower != upper:  # a weight is not a grade
            rows.append(ScaleRow(table.table_id, row.page, labels[0], lower, upper, ranges[0]))
    return rows if len(rows) >= 2 else []


def _bounds(text: str) -> tuple[float | None, float | None]:
    span = parse_range(text, None)
    if span:
        return span
    numbers = [parse_number(n, "id") for n in re.findall(r"\d+(?:[.,]\d+)?", text)]
    if len(numbers) == 2 and None not in numbers:  # "76 ≤ x < 91"
        return min(numbers), max(numbers)
    value = numbers[0] if numbers else None
    if UPPER_ONLY_RE.search(text):
        return None, value
    if LOWER_ONLY_RE.search(text):
        return value, None
    return value, value
