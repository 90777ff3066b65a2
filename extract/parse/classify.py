"""Recognise the family of a table from its header, and label its columns.

The header is the rows above the first data row. A label is built per column from all header
rows, so a two-row header like `Realisasi` over `Anggaran | %` labels the columns
"realisasi anggaran" and "realisasi %". A spanning group cell (printed once over several
sub-columns: left-aligned by ruled readers, centred by word readers) is carried across them.
Word readers split a label over several rows ("Sasaran" / "Strategis"), so a header has up to
MAX_HEADER_ROWS lines; the column-number row ("1 2 3 | 4 | 7 8") closes it.

Title lines printed inside the table frame above the header are the table's title, not a column's label
(`title_rows`). A table whose header names no known family (or that has none: a continuation page cut
off its header) is read by the content of its columns: a text column and two columns of rupiah
magnitudes make a budget table (`content_layout`). A table of a kind the warehouse does not model
(regional statistics, staff, evaluation scores, revenue, assets) is named by its content (`unmodelled.py`).

Amount units ("(Rp 000)", "(juta)", "dalam ribuan rupiah") are exposed, not applied: per column by
`TableLayout.multipliers` / `BudgetColumns.budget_multiplier` and `realization_multiplier`, for the
whole table by `TableLayout.unit_multiplier` (from the caption). A parser multiplies the parsed
amount by them; percentages always get 1.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric, parse_number, parse_range
from extract.parse.unmodelled import unmodelled_family
from extract.text import HEADER_WORDS

INDICATOR = "indicator_achievement"
BUDGET = "budget_realization"
EFFICIENCY = "efficiency"
PLAN_TARGET = "plan_target"  # Perjanjian Kinerja: one year of targets, no realisasi
MULTI_YEAR_PLAN = "multi_year_plan"  # Renstra / RPJMD: targets of several years, baseline, end target
# A Perjanjian Kinerja's or Renja's "Program | Anggaran" list: allocations, nothing spent yet. Recognised but not
# loaded as budget lines: beside the realisation table of the same report its programs would be counted twice.
BUDGET_ALLOCATION = "budget_allocation"
CATEGORY_SCALE = "category_scale"  # the report's own grading scale: "75-100% | Baik"
UNKNOWN = "unknown"

MAX_HEADER_ROWS = 6


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


def normalize(text: str) -> str:
    return " ".join(text.split()).lower()


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
        return content_layout(rows, layout) or allocation_layout(rows, layout) or named_layout(rows, layout, heading) \
            or layout
    return layout


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
    budgets = [c for c, label in enumerate(labels) if BUDGET_LABEL_RE.search(label) and not _is_percent_label(label)]
    data = rows[layout.header_rows:]
    if not names or not any(_column_kind([r[c] for r in data if c < len(r)]) == "amount" for c in budgets):
        return None
    # A second rupiah column is spending under a header that lost its words (cut at a page break, or printed
    # in words the lists above do not know): a budget table, read as such.
    amounts = sum(_column_kind([r[c] for r in data if c < len(r)]) == "amount" for c in range(len(labels)))
    return TableLayout(family=BUDGET if amounts >= 2 else BUDGET_ALLOCATION, header_rows=layout.header_rows,
                       labels=labels, title=layout.title, unit_multiplier=layout.unit_multiplier)


def join_split_words(text: str) -> str:
    """A header word that a narrow cell broke into pieces, joined again: "REALI SASI", "REALI- SASI",
    "TARGE T", "CAPAIA N". Two neighbouring pieces are joined when together they make a header word
    and they are not both header words themselves ("sub kegiatan", "s d" stay as printed)."""
    text = re.sub(r"\b([A-Za-z]+)-([A-Za-z]+)\b",  # "REALI-SASI": the pieces one token
                  lambda m: m[1] + m[2] if _is_split_word(m[1], m[2]) else m[0], text)
    tokens = text.split()
    if len(tokens) < 2:
        return text
    out = [tokens[0]]
    for token in tokens[1:]:
        head = out[-1].removesuffix("-")
        if _is_split_word(head, token):
            out[-1] = head + token
        else:
            out.append(token)
    return " ".join(out) if len(out) < len(tokens) else text


def _is_split_word(head: str, tail: str) -> bool:
    joined = (head + tail).lower()
    return head.isalpha() and tail.isalpha() and len(joined) >= 4 and joined in HEADER_WORDS \
        and not (head.lower() in HEADER_WORDS and tail.lower() in HEADER_WORDS)


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


def title_rows(header_rows: list[list[str]], n_cols: int) -> int:
    """Title lines printed inside the table frame above its header ("PAGU DAN REALISASI BELANJA ...
    PER OPD TAHUN ANGGARAN 2021"): leading header rows whose only filled cell is the first one, of a
    table of three or more columns, above a header line that fills several cells. Their words name
    the table, not its first column."""
    count = 0
    for row in header_rows[:-1]:
        filled = [i for i, c in enumerate(row) if c.strip()]
        if n_cols < 3 or (filled and (filled != [0] or len(row[0].split()) < 2)):
            break
        count += 1  # a title line, or an empty spacer row under it
    rest = [row for row in header_rows[count:] if any(c.strip() for c in row)]
    titled = any(c.strip() for row in header_rows[:count] for c in row)
    return count if titled and rest and sum(bool(c.strip()) for c in rest[0]) >= 2 else 0


# Amount units printed in headers and captions: "(Rp 000)", "(Rp. 000.000)", "(dalam ribuan rupiah)",
# "(juta)", "(Rp Miliar)". Checked largest first.
UNIT_RES = ((re.compile(r"\bmil[iy]ar|\bm(?:ilya)?rd\b|\b000[.,]000[.,]000\b"), 1_000_000_000),
            (re.compile(r"\bjuta(?:an)?\b|\bjt\b|\b000[.,]000\b"), 1_000_000),
            (re.compile(r"\bribu(?:an)?\b|\brp\.?\s*000\b|\(000\)"), 1_000))
PERCENT_LABEL_RE = re.compile(r"%|persen|capaian|fisik|serapan")


def unit_multiplier(text: str) -> int | None:
    """The amount unit a header or caption names (1 000 for thousands, ...), None when it names none."""
    return next((factor for pattern, factor in UNIT_RES if pattern.search(text)), None)


def column_multiplier(label: str, table_multiplier: int = 1) -> int:
    """A column's own unit wins over the table's; percentages are never scaled."""
    own = unit_multiplier(label)
    if own:
        return own
    return 1 if PERCENT_LABEL_RE.search(label) and not MONEY_LABEL_RE.search(label) else table_multiplier


def count_header_rows(rows: list[list[str]]) -> int:
    """Rows before the first data row. A header is one to MAX_HEADER_ROWS lines; a word reader
    without ruling lines splits a label over several rows, so the header may be five or six rows.
    A column-number row ("1 | 2 3 | 4") closes it wherever it is; else it ends at the first row that
    holds a value, opens a section, or is not made of header words (a wrapped name of the first
    data row printed above its values)."""
    window = rows[: MAX_HEADER_ROWS + 1]
    numbered = next((i for i, row in enumerate(window) if is_numbering_row(row)), None)
    if numbered is not None and not any(_has_value(row) for row in window[:numbered]):
        return numbered + 1
    for index, row in enumerate(window):
        if _has_value(row):
            return index
        if index > 0 and (is_section_row(row) or not is_header_line(row)):
            return index
    return min(1, len(rows))


def _has_value(row: list[str]) -> bool:
    return any((looks_numeric(cell) or _is_value_range(cell)) and not is_year(cell) for cell in row)


def is_numbering_row(row: list[str]) -> bool:
    """The column-number row, also when a reader merged the numbers of adjacent columns into one
    cell ("1 2 3 | 4 | 5 | 6 | 7 8 | 9"): small integers counting up by one, at least three."""
    if is_column_number_row(row):
        return True
    cells = [c.split() for c in row if c.strip()]
    numbers = [token for cell in cells for token in cell]
    if len(numbers) < 3 or len(cells) < 2 or not all(re.fullmatch(r"\d{1,2}", n) for n in numbers):
        return False
    return [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def is_header_line(row: list[str]) -> bool:
    """At least half of the row's words are header words; a row of years or signs ("2024 | 2025",
    "(%)") is a header line too."""
    words = re.findall(r"[a-z]+", normalize(" ".join(row)))
    if not words:
        return all(is_year(c) or not re.search(r"\d", c) for c in row)
    return 2 * sum(w in HEADER_WORDS for w in words) >= len(words)


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
    """One label per column: its header words joined top to bottom (a label a word reader split over
    several rows comes back whole), with the group cell printed over the column in front of its part."""
    rows = [[normalize(c) for c in row] + [""] * (n_cols - len(row))
            for row in header_rows if not is_numbering_row(row)]
    labels = [""] * n_cols
    for depth, row in enumerate(rows):
        groups = _group_spans(rows, depth)
        for col in range(n_cols):
            text = row[col] or groups.get(col, "")
            labels[col] = f"{labels[col]} {text}".strip()
    return labels


# Words of the sub-columns a group cell is printed over: value columns (target, realisasi, %,
# amounts in rupiah, years), never a name, unit or source column.
VALUE_LABEL_RE = re.compile(r"target|realisasi|capaian|%|anggaran|pagu|alokasi|fisik|keuangan|\brp\b|rupiah|"
                            r"\b(19|20)\d\d\b|\btw\b|triwulan|semester|sisa|serapan|\bspj\b|selisih|penetapan|"
                            r"perubahan|murni|nilai|jumlah")


def _group_spans(rows: list[list[str]], depth: int) -> dict[int, str]:
    """Empty cells of header row `depth` that lie under a group cell of that row ("Realisasi" over
    "Anggaran | %", "2024" over "Target | Realisasi", "Kinerja" over three columns). A member column
    is empty in this row, its label starts on the same row as the group's own sub-label, and it is a
    value column. Ruled readers put a spanning cell in its first column (the group reaches right);
    word readers put it where it is printed, centred (each member takes the nearest group)."""
    row, below = rows[depth], rows[depth + 1:]
    width = len(row)
    first = [next((i for i, r in enumerate(below) if r[col]), None) for col in range(width)]
    leaf = [" ".join(r[col] for r in below) for col in range(width)]
    groups = [c for c in range(width) if first[c] is not None and _can_group(row[c])
              and VALUE_LABEL_RE.search(leaf[c])]  # a group stands over value columns, its own one too
    member = [not row[c] and first[c] is not None and VALUE_LABEL_RE.search(leaf[c]) is not None
              for c in range(width)]
    joins = lambda c, n: 0 <= n < width and member[n] and first[n] == first[c]  # noqa: E731
    spanning = [c for c in groups if joins(c, c - 1) or joins(c, c + 1)]
    centred = bool(spanning) and joins(spanning[0], spanning[0] - 1)
    claims: dict[int, int] = {}
    for group in groups:
        for step in ((-1, 1) if centred else (1,)):
            col = group + step
            while joins(group, col):
                if col not in claims or abs(col - group) < abs(col - claims[col]):
                    claims[col] = group
                col += step
    return {col: row[group] for col, group in claims.items()}


def _can_group(text: str) -> bool:
    """A group cell is a word or a year; a lone sign ("%") is the first line of a split label."""
    return is_year(text) or re.search(r"[a-z]{2}", text) is not None


def family_from_labels(labels: list[str], caption: str = "") -> str:
    header = " ".join(labels) + " " + normalize(caption)
    has = lambda *words: any(w in header for w in words)  # noqa: E731 - tiny local helper
    if has("efisiensi", "efektifitas", "efektivitas"):
        return EFFICIENCY
    if has("indikator") and has("realisasi") and any("target" in label and not _is_budget_label(label)
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
    2020 | Realisasi 2021", "Capaian Kinerja 2015 | 2016"): an achievement table comparing years."""
    years = {year for label in labels if re.search(r"realisasi|capaian", label) and (year := year_in(label))}
    return len(years) >= 2


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
    """Which column of a budget table holds the numbering, the name and each amount. `physical` is a
    physical-progress percentage (realisasi fisik), not money. The multipliers turn printed amounts
    into rupiah ("(Rp 000)" -> 1000): budget_idr = parse_number(raw) * budget_multiplier."""

    number: int | None = None
    name: int | None = None
    budget: int | None = None
    realization: int | None = None
    absorption: int | None = None
    physical: int | None = None
    budget_multiplier: int = 1
    realization_multiplier: int = 1
    # every line is an agency ("OPD" names the line column): level perangkat_daerah
    agency_lines: bool = False
    # a budget column per level ("Anggaran per program | per kegiatan | per sub-kegiatan | per paket"):
    # level -> column; a line's level is the highest level whose column holds its amount
    level_columns: dict[str, int] = field(default_factory=dict)
    # other amount columns the header names (the original budget beside the revised one)
    other_amounts: list[int] = field(default_factory=list)


def indicator_columns(labels: list[str], targets_only: bool = False) -> IndicatorColumns:
    """Map indicator-table columns to roles; target/realisasi/capaian grouped by year.
    With targets_only (agreement tables), a group of a target alone is kept."""
    roles = IndicatorColumns()
    groups: list[ValueGroup] = []
    merged: set[int] = set()  # value columns of a group whose roles one header cell names
    for col, label in enumerate(labels):
        if _is_number_label(label) and roles.number is None:
            roles.number = col
        elif "indikator" in label and roles.indicator is None:
            roles.indicator = col
        elif _is_goal_label(label) and roles.goal is None:
            roles.goal = col
        elif "satuan" in label:
            roles.unit = col
        elif _is_category_label(label):
            roles.category = col
        elif _is_budget_label(label) or _is_plan_label(label):
            continue
        elif col in merged:
            continue
        elif "target" in label:
            groups.append(_merged_roles(labels, col) or ValueGroup(target=col, year=year_in(label)))
            merged.update(groups[-1].columns())
        elif "realisasi" in label and groups and groups[-1].realization is None:
            groups[-1].realization = col
            groups[-1].year = groups[-1].year or year_in(label)
        elif ("capaian" in label or label.strip() in {"%", "(%)"}) and groups and groups[-1].achievement is None:
            groups[-1].achievement = col
    roles.groups = [g for g in groups if targets_only or g.realization is not None or g.achievement is not None]
    return roles


LABEL_FRAGMENT_RE = re.compile(r"(?:(?:tahun|th\.?|(?:19|20)\d\d)\s*)+")


def is_label_fragment(label: str) -> bool:
    """A column label that names no role, only the rest of its neighbour's ("Tahun", "2024"): a word
    reader cut the header "Target Tahun 2024" into "Target 2024" and "Tahun", and the values of the
    neighbour's role may sit under it."""
    return LABEL_FRAGMENT_RE.fullmatch(label.strip()) is not None


MERGED_ROLE_WORDS = (("target", "target"), ("realization", "realisasi"), ("achievement", "capaian"))


def _merged_roles(labels: list[str], col: int) -> ValueGroup | None:
    """A header cell naming the roles of several value columns ("Target Realisasi Capaian", a reader
    that joined the header words over them) above columns whose own labels name no role ("%",
    "Tahun 2024", nothing): the roles in printed order, one per column."""
    label = labels[col]
    named = sorted((label.index(word), key) for key, word in MERGED_ROLE_WORDS if word in label)
    followers = labels[col + 1:col + len(named)]
    if len(named) < 2 or named[0][1] != "target" or len(followers) != len(named) - 1:
        return None
    if not all(is_label_fragment(f) or f.strip() in ("", "%", "(%)") for f in followers):
        return None
    group = ValueGroup(year=year_in(" ".join(labels[col:col + len(named)])))
    for offset, (_, key) in enumerate(named):
        setattr(group, key, col + offset)
    return group


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


# The column naming a budget line: a program / kegiatan, an account (uraian), or an agency (one row per
# perangkat daerah: "OPD", "SKPD", "Unit Kerja", "Organisasi").
AGENCY_NAME_RE = re.compile(r"\b(opd|skpd|perangkat daerah|unit kerja|satuan kerja|organisasi|instansi)\b")
BUDGET_NAME_RE = re.compile(rf"program|kegiatan|uraian|{AGENCY_NAME_RE.pattern}")
# The budget of a line, however it is called: anggaran, pagu, alokasi, DPA, penetapan / perubahan.
BUDGET_LABEL_RE = re.compile(r"anggaran|pagu|alokasi|\bdpa\b|penetapan|perubahan|\bapbd\b")
MONEY_LABEL_RE = re.compile(r"anggaran|pagu|alokasi|\bdpa\b|\brp\b|rupiah|keuangan|belanja|\bdana\b")
# Spending against it: realisasi (keuangan), serapan, SPJ; a remainder (sisa, selisih) is neither.
SPENT_LABEL_RE = re.compile(r"realisasi|serapan|penyerapan|\bspj\b")
REMAINDER_RE = re.compile(r"\bsisa\b|selisih|deviasi|efisiensi")


def budget_columns(labels: list[str], table_multiplier: int = 1) -> BudgetColumns:
    """Map budget-table columns to roles. With the original and the revised budget both printed
    (penetapan / murni and perubahan), the revised one is the budget the realisasi is measured on."""
    roles = BudgetColumns()
    budgets: list[int] = []
    for col, label in enumerate(labels):
        if _is_number_label(label) and roles.number is None:
            roles.number = col
        elif (level := _per_level(label)) is not None:
            roles.level_columns.setdefault(level, col)
        elif BUDGET_NAME_RE.search(label) and roles.name is None:
            roles.name = col
            roles.agency_lines = not re.search(r"program|kegiatan|uraian", label)
        elif "fisik" in label:
            roles.physical = col if roles.physical is None else roles.physical
        elif REMAINDER_RE.search(label):
            continue
        elif SPENT_LABEL_RE.search(label) and not _is_percent_label(label) and roles.realization is None:
            roles.realization = col
        elif BUDGET_LABEL_RE.search(label) and not _is_percent_label(label):
            budgets.append(col)
        elif _is_percent_label(label) and roles.absorption is None:
            roles.absorption = col
    roles.budget = _final_budget(budgets, labels)
    roles.other_amounts = [c for c in budgets if c != roles.budget]
    if roles.budget is None and roles.level_columns:
        roles.budget = min(roles.level_columns.values())
    multipliers = [column_multiplier(label, table_multiplier) for label in labels]
    roles.budget_multiplier = multipliers[roles.budget] if roles.budget is not None else table_multiplier
    roles.realization_multiplier = multipliers[roles.realization] if roles.realization is not None \
        else table_multiplier
    return roles


# "per sub-kegiatan" before "per kegiatan"; "per paket" / "per pekerjaan" is below a budget line
PER_LEVEL_RE = re.compile(r"\bper\s+(program|sub[- ]?kegiatan|kegiatan|paket|pekerjaan)\b")


def _per_level(label: str) -> str | None:
    """The level of a per-level budget column ("Anggaran per Sub-Kegiatan" -> sub_kegiatan)."""
    match = PER_LEVEL_RE.search(label)
    if not match or SPENT_LABEL_RE.search(label):
        return None
    word = match.group(1)
    return "paket" if word in ("paket", "pekerjaan") else "sub_kegiatan" if word.startswith("sub") else word


def _is_percent_label(label: str) -> bool:
    return "%" in label or "capaian" in label or "persen" in label


def _final_budget(columns: list[int], labels: list[str]) -> int | None:
    """The revised budget when printed ("Perubahan", "Setelah Perubahan", "P-APBD"), else the first."""
    revised = [c for c in columns if re.search(r"perubahan|\bp-apbd\b", labels[c]) and "sebelum" not in labels[c]]
    return (revised or columns or [None])[0]


def _is_number_label(label: str) -> bool:
    return label.replace(" ", "").rstrip(".") in {"no", "nomor", "kode", "no urut"}


def _is_goal_label(label: str) -> bool:
    return any(w in label for w in ("sasaran", "tujuan", "program", "kegiatan"))


def _is_budget_label(label: str) -> bool:
    return MONEY_LABEL_RE.search(label) is not None


def _is_category_label(label: str) -> bool:
    """The grading column ("Kategori", "Predikat"). A reader that merged "% Capaian" and "Kategori"
    into one column prints the value first ("94,14 Baik"): that column is read as the capaian."""
    named = any(w in label for w in ("kategori", "kriteria", "predikat", "keterangan capaian"))
    return named and "%" not in label


def _is_plan_label(label: str) -> bool:
    """Columns that are not this year's target, realisasi or capaian: the plan's end target
    ("Target Akhir Renstra"), baseline, formula, source. A plain "Target P.RPJMD" / "Target
    Renstra" column is the plan's target for the report year, and stays a target."""
    # "capaian terhadap Renstra": achievement against the plan's end target, not this year's
    plan_end = any(w in label for w in ("renstra", "rpjmd", "rpd")) and \
        any(w in label for w in ("akhir", "periode", "terhadap"))
    return plan_end or any(w in label for w in ("target akhir", "akhir periode", "kondisi", "rumus", "formula",
                                                "sumber data"))
