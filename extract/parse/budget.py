"""Budget lines (anggaran, realisasi, %) of a budget table, with provenance."""
from __future__ import annotations

import dataclasses
import itertools
import re
from functools import partial

from extract.model import UNRULED_FLAVORS, RawTable
from extract.numerals import detect_format, is_row_number, is_year, looks_numeric, parse_cell, parse_number
from extract.parse.budget_levels import assign_levels
from extract.parse.column_roles import BudgetColumns, budget_columns, for_year, name_column_level
from extract.parse.families import MIN_AMOUNT_IDR, TableLayout
from extract.parse.headers import is_numbering_row
from extract.parse.labels import MONEY_LABEL_RE, year_in
from extract.parse.names import LEVEL_WORD_RE, has_standard_words, is_standard_name
from extract.parse.records import BudgetLine
from extract.parse.rows import Row, cell, data_rows
from extract.parse.stacked import unstack


def budget_lines(table: RawTable, layout: TableLayout, doc_format: str | None) -> list[BudgetLine]:
    roles = budget_columns(layout.labels, layout.unit_multiplier)
    table = unstack(table, layout.header_rows)
    rows = [Row(r.index, r.page, [c if col in (0, roles.name) else amount_text(c) for col, c in enumerate(r.cells)])
            for r in map(partial(_name_from_amount_cell, roles), data_rows(table, layout.header_rows))]
    if table.flavor in UNRULED_FLAVORS:
        rows = [Row(r.index, r.page, [amount_after_name(c) for c in r.cells]) for r in rows]
    table_format = detect_format([c for r in rows for c in r.cells if looks_numeric(c)], prior=doc_format)
    roles = at_line_level(roles, rows) if roles.line_levels else roles
    roles = _absorption_by_content(roles, rows, layout.labels, table_format)
    year = year_in(f"{table.caption} {layout.title}")
    readings = [(for_year(roles, g, layout.labels, layout.unit_multiplier), g.year) for g in roles.years]
    lines: list[BudgetLine] = []
    for reading, reading_year in readings or [(roles, year)]:
        lines += _read_lines(table, layout, rows, reading, table_format, reading_year)
    return lines


# A printed % is rounded to two decimals, sometimes one: this close to realisasi / budget x 100 it is that share.
ABSORPTION_SLACK = 0.06
MIN_ABSORPTIONS = 3  # rows that show it, at least; and most rows with the three numbers do


def _absorption_by_content(roles: BudgetColumns, rows: list[Row], labels: list[str],
                           table_format: str | None) -> BudgetColumns:
    """A column whose label has no word, holding the realisasi over the budget (x 100) row by row, is the
    absorption: its '%' was lost (OCR reads the lone sign '7' at a screenshot's resolution) or never printed."""
    if roles.absorption is not None or roles.budget is None or roles.realization is None or roles.years:
        return roles
    for col, label in enumerate(labels):
        if re.search(r"[A-Za-z]", label) or col in (roles.number, roles.name, roles.budget, roles.realization):
            continue
        readings = [[parse_number(cell(row, c), table_format) for c in (roles.budget, roles.realization, col)]
                    for row in rows]
        shown = [abs(real / budget * 100 - pct) <= ABSORPTION_SLACK
                 for budget, real, pct in readings if budget and real is not None and pct is not None]
        if sum(shown) >= MIN_ABSORPTIONS and sum(shown) >= 0.8 * len(shown):
            return dataclasses.replace(roles, absorption=col)
    return roles


def _read_lines(table: RawTable, layout: TableLayout, rows: list[Row], roles: BudgetColumns,
                table_format: str | None, year: int | None) -> list[BudgetLine]:
    heads = [c for c in range(roles.name or 0) if not layout.labels[c].strip()]
    lines = [line for row in rows if (line := _budget_line(table, row, roles, table_format, year, heads))]
    # a row of amounts without a name is a total when it closes the table (the unlabelled sum under the last
    # line) or opens it under its header (the grand total above the first program); elsewhere, and at the
    # top of a page without header, it is the rest of a row cut by a page break
    ends = (0, len(lines) - 1) if layout.header_rows else (len(lines) - 1,)
    lines = [line for i, line in enumerate(lines) if line.line_name or i in ends]
    assign_levels(lines)
    _level_from_name_column(lines, name_column_level(layout.labels, roles))
    return lines


# how assign_levels guessed a level from the lines alone, where no keyword or column said it
GUESSED_LEVEL_METHODS = {"default", "letter_case", "numbering", "numbering_depth", "arithmetic"}
# an outline number under the name column's label, the name in the column beside it ('1.1', '2.3')
OUTLINE_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?")


def _level_from_name_column(lines: list[BudgetLine], level: str | None) -> None:
    """Lines of a list whose name column is headed by one level ('Program', the names without the word) take
    that level where it was guessed from the lines alone; names that say their own level keep theirs."""
    if level is None or any(LEVEL_WORD_RE.match(line.line_name.lower()) for line in lines):
        return
    for line in lines:
        if line.level_method in GUESSED_LEVEL_METHODS:
            line.level, line.level_method = level, "column_label"


def budget_beside_performance(table: RawTable, layout: TableLayout, doc_format: str | None) -> list[BudgetLine]:
    """The budget lines of an indicator table that sets each program's performance beside its money
    ("Kinerja: Target | Realisasi | Capaian %" next to "Anggaran: Anggaran | Realisasi | Capaian %"): the
    header names the line column (program, kegiatan) and a budget and its realisasi as money. The
    performance columns hold no amount of a line, so a row of performance alone (a sasaran, an average of
    capaian) makes none. Money per indicator under a 'Sasaran | Indikator' header is no budget line."""
    labels = layout.labels
    roles = budget_columns(labels, layout.unit_multiplier)
    money = [roles.budget, roles.realization]
    if None in money or roles.name is None or not roles.performance \
            or not all(MONEY_LABEL_RE.search(labels[c]) for c in money):
        return []
    return budget_lines(table, layout, doc_format)


def at_line_level(roles: BudgetColumns, rows: list[Row]) -> BudgetColumns:
    """With a name column per level, the amounts belong to the deepest level whose column names every
    row holding one (a Rencana Aksi's sub-kegiatan under a kegiatan printed once per group; or the kegiatan,
    where only some kegiatan list their sub-kegiatan): its column is the name, its level every line's."""
    amount_rows = [r for r in rows if looks_numeric(cell(r, roles.budget))]
    named = [lv for lv, col in roles.line_levels.items()
             if amount_rows and all(cell(r, col) and not looks_numeric(cell(r, col)) for r in amount_rows)]
    if not named:
        return roles
    level = max(named, key=LEVEL_ORDER.index)
    return dataclasses.replace(roles, name=roles.line_levels[level], name_span=[], line_level=level)


def allocation_lines(table: RawTable, layout: TableLayout, doc_format: str | None) -> list[BudgetLine]:
    """The lines of an allocation table (family budget_allocation): the budget alone. A line that read a
    realisasi or a % by order, or whose budget is no rupiah amount, is a row the header does not describe (an
    OCR'd realisation table whose 'Realisasi' header was misread, its amounts run into the name cell); a %
    column the header names ('Persentase') is the line's share of the total and is dropped. With a
    name column per level, only the amounts of one level are lines (`at_line_level`): where a level's name spans
    several amounts (a Rencana Aksi's steps under one sub-kegiatan), they are the steps', not the level's."""
    roles = budget_columns(layout.labels, layout.unit_multiplier)
    lines = budget_lines(table, layout, doc_format)
    if roles.line_levels:
        lines = [line for line in lines if line.level_method == "column"]
    if roles.absorption is not None and roles.realization is None:
        # a % column the header names beside the budget alone is each line's share of the total, no absorption
        lines = [dataclasses.replace(line, absorption_raw="", absorption_pct_reported=None) for line in lines]
    return [line for line in lines
            if not line.realization_raw and not line.absorption_raw and (line.budget_idr or 0) >= MIN_AMOUNT_IDR]


def budget_beside_targets(table: RawTable, layout: TableLayout, doc_format: str | None) -> list[BudgetLine]:
    """The budget lines of a plan of targets that gives each program, kegiatan or sub-kegiatan its
    allocation (a Rencana Aksi, an RKT: '... | Sub Kegiatan | Indikator | Target | Anggaran (Rp)'): a name
    column per level and a money column; no realisasi, so the lines carry the budget alone."""
    roles = budget_columns(layout.labels, layout.unit_multiplier)
    if not roles.line_levels or roles.budget is None or roles.realization is not None \
            or not MONEY_LABEL_RE.search(layout.labels[roles.budget]):
        return []
    # only amounts of one level's rows (`at_line_level`): targets beside a hierarchy of amounts are not read
    return [line for line in budget_lines(table, layout, doc_format) if line.level_method == "column"]


AMOUNT = r"(?P<amount>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?)"
# the words before the amount, apart or run into it ('... Kabupaten/Kota7.450.000.000')
STRAY_WORDS_RE = re.compile(rf"^(?P<words>.*[A-Za-z()].*?)(?:\s+|(?<=[A-Za-z)])){AMOUNT}$")
# a name's line printed on into the amount cells to its right ('180.000.000' / 'ar Realisasi Kinerja S')
STRAY_AFTER_RE = re.compile(rf"^{AMOUNT}\s+(?P<words>[A-Za-z(].*)$")
AMOUNT_LINE_RE = re.compile(AMOUNT)


def amount_text(text: str) -> str:
    """The amount of an amount cell into which a neighbour's wrapped text strayed ('M. 73.595.500', '021)
    825.000.000': the end of a name in the column before; '180.000.000 ar Realisasi Kinerja S': a long
    name printed on across the cells right of it): the amount, when the words beside it are no number."""
    text_line = " ".join(text.split())
    match = STRAY_WORDS_RE.match(text_line) or STRAY_AFTER_RE.match(text_line)
    return match.group("amount") if match and not looks_numeric(text) and not looks_numeric(match.group("words")) \
        else text


def _name_from_amount_cell(roles: BudgetColumns, row: Row) -> Row:
    """A row whose name columns hold no name and whose name sits before its first amount in a column
    to the right: its cells laid out on other x positions than the header's (a table's last rows in
    cells of their own widths), so the reader set name and amount in one cell. The words are the
    row's name, not a neighbour's stray line (amount_text), when they are two words or more."""
    if roles.name is None or any(_holds_name(cell(row, col)) for col in (roles.name, *roles.name_span)):
        return row
    for col in range(roles.name + 1, len(row.cells)):
        match = STRAY_WORDS_RE.match(" ".join(row.cells[col].split()))
        words = re.sub(r"\s+rp\.?$", "", match.group("words"), flags=re.IGNORECASE) if match else ""
        if len(re.findall(r"[A-Za-z]{2,}", words)) >= 2 and not looks_numeric(words):
            cells = list(row.cells)
            cells[roles.name], cells[col] = words, match.group("amount")
            return Row(row.index, row.page, cells)
    return row


def _holds_name(text: str) -> bool:
    return bool(text) and not looks_numeric(text) and not STRAY_WORDS_RE.match(" ".join(text.split()))


# an amount with "Rp", or of millions (a name may hold "1.000 Desa"), between a name's words
INNER_AMOUNT_RE = re.compile(r"(?<=[A-Za-z,]) ((?:Rp\.?\s*)-?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?"
                             r"|\d{1,3}(?:[.,]\d{3}){2,}(?:[.,]\d{1,2})?)(?= [A-Za-z(])")


def amount_after_name(text: str) -> str:
    """'PERENCANAAN, Rp 37,714,690.00 PENGANGGARAN, ...' -> the name, then the amount: a word reader puts
    the anggaran beside a wrapped name (cells centred vertically, the name column running into the
    amount's) among the name's lines. It is the row's first amount, so it goes after the name, ahead
    of the amounts in the columns to the right."""
    found = INNER_AMOUNT_RE.findall(text)
    if len(found) != 1:
        return text
    return f"{INNER_AMOUNT_RE.sub('', text)} {found[0]}"


AMOUNT_TOKEN_RE = re.compile(r"(?:Rp\.?\s*)?-?\d[\d.,]*%?(?:,-)?$")


def _budget_line(table: RawTable, row: Row, roles: BudgetColumns, fmt: str | None,
                 year: int | None, heads: list[int]) -> BudgetLine | None:
    first = next((c for c in row.cells if c), "")  # numbering leads the row, in whichever column
    numbering = first if is_row_number(first) and len(first) <= 5 and not looks_numeric(first.rstrip(".")) \
        or re.fullmatch(r"\d{1,3}\.?", first) else None
    if is_numbering_row(row.cells):
        return None  # the column-number row repeated under the header of a later page
    numeric = [c for col, c in enumerate(row.cells) if c and looks_numeric(c) and c != numbering
               and col not in roles.performance and not (col == roles.name and OUTLINE_NUMBER_RE.fullmatch(c))]
    name = _line_name(row, roles, numbering)
    if table.flavor not in UNRULED_FLAVORS and (run_on := _name_run_on(table, row, roles)):
        name = f"{name}{run_on}"
    if table.flavor in UNRULED_FLAVORS:  # columns drift: read the line's text, in reading order
        name = _name_across_gap(table, row, roles.name, heads) or name
        trailing = _split_trailing_amounts(" ".join(c for c in row.cells if c and c != numbering))
        if trailing[1] or not looks_numeric(cell(row, roles.budget)):  # else a note column ends the line
            name, numeric = trailing
        name = name if is_standard_name(name) else _standard_name_across_gap(table, row) or name
    if not numeric:
        return None  # section headings ("BIDANG ...") and empty rows carry no amounts
    level = _level_by_column(row, roles)
    if level == "paket":
        return None  # a work package under a sub-kegiatan: its contract, not a budget line
    if ACCOUNT_KIND_RE.match(name):
        return None  # a kind of spending (jenis belanja: an account), no program's line
    budget, realization, absorption = _amount_cells(row, roles, numeric)
    if roles.line_level:  # the amounts sit in their columns (targets left of them are no amount)
        level = roles.line_level
        budget, realization, absorption = (c if looks_numeric(c) else "" for c in (
            cell(row, roles.budget), cell(row, roles.realization), cell(row, roles.absorption)))
        if not budget:
            return None  # a line of a level above or below the table's amounts
    elif roles.year is not None:  # one year's columns of a table of several years: that year's amounts alone
        budget, realization, absorption = (c if looks_numeric(c) else "" for c in (
            cell(row, roles.budget), cell(row, roles.realization), cell(row, roles.absorption)))
        if not (budget or realization):
            return None  # no money that year (a program begun later)
    elif level:  # the amounts sit in known columns: an empty realisasi stays empty
        budget, realization, absorption = (c if looks_numeric(c) else "" for c in (
            cell(row, roles.level_columns[level]), cell(row, roles.realization), cell(row, roles.absorption)))
    elif roles.agency_lines:
        level = "perangkat_daerah"
    elif roles.heading_level and (listed := LISTED_HEADING_RE.match(name)):
        name = listed.group("head")  # 'Meningkatnya ... : - Program A - Program B': the sasaran's line
        level = roles.heading_level
    return BudgetLine(
        table_id=table.table_id, row_index=row.index, source_page=row.page, line_number=numbering,
        level=level or "", level_method="column" if level else "", line_name=name,
        budget_raw=budget, budget_idr=_rupiah(budget, fmt, roles.budget_multiplier),
        realization_raw=realization, realization_idr=_rupiah(realization, fmt, roles.realization_multiplier),
        absorption_raw=absorption, absorption_pct_reported=parse_number(absorption, fmt),
        fiscal_year=year,
    )


# The kinds of spending of the economic classification (jenis belanja, Permendagri 13/2006 and 77/2020), as a
# budget composition lists them ('BELANJA OPERASI', 'Belanja Pegawai', 'Belanja Modal Peralatan dan Mesin'). The
# split into 'Belanja Langsung / Tidak Langsung' is the report's total and stays.
ACCOUNT_KIND_RE = re.compile(
    r"belanja\s+(?:operasi|modal|pegawai|barang(?:\s+dan\s+jasa)?|hibah|bantuan\s+(?:sosial|keuangan)|subsidi|bunga"
    r"|bagi\s+hasil|tidak\s+terduga|transfer)\b", re.IGNORECASE)
# A heading closed by a colon over a bulleted list of the programs under it, one amount set for all
LISTED_HEADING_RE = re.compile(r"^(?P<head>[^:]*[A-Za-z][^:]*?)\s*:\s*(?=[-•]\s)")


def _line_name(row: Row, roles: BudgetColumns, numbering: str | None) -> str:
    """The name column's text; the row's text cells when that is empty or holds a number (a shifted row).
    Other text columns (sasaran, indikator, kendala) are not part of the name."""
    for col in (roles.name, *roles.name_span):
        own = cell(row, col)
        if own and not looks_numeric(own) and own != numbering:
            return own
    return " ".join(c for c in row.cells if c and c != numbering and not looks_numeric(c) and not _is_currency(c)
                    and not _is_nil(c))  # '-' printed for nil in the realisasi columns of a total


def _name_run_on(table: RawTable, row: Row, roles: BudgetColumns) -> str:
    """The rest of a one-line name printed on past its column over the cells to its right (a sheet
    that lets a long text run across its neighbours): a ruled reader cuts it at every rule it crosses,
    mid-word too, and puts each piece in the cell below it, beside that cell's amount ('... Ikhtis' |
    'ar Realisasi Kinerja S' over 180.000.000 | 'KPD' over 180.000.000). The pieces are the words of
    the cells up to the last budget column and, while they run on unbroken, of the cells right after it,
    joined as printed; the first of them holds an amount too."""
    raw = table.rows[row.index] if row.index < len(table.rows) else []
    name_col = next((c for c in (roles.name, *roles.name_span) if c is not None and c < len(raw) and raw[c].strip()),
                    None)
    if name_col is None or "\n" in raw[name_col].strip():
        return ""
    last = max([c for c in (roles.budget, *roles.level_columns.values(), *roles.other_amounts) if c is not None],
               default=name_col)
    pieces: list[str] = []
    pieces_end = name_col
    for col in range(name_col + 1, len(raw)):
        words = [w for line in raw[col].split("\n") if re.search(r"[A-Za-z]", w := _words_beside_amount(line))
                 and not _is_currency(w) and not _is_nil(w)]  # 'Rp', 'Rp -': the cell's own sign
        if col > last and not (words and col - 1 == pieces_end):
            break  # past the amounts the name runs on only without a break ('Sumber Dana' is a column)
        lines = raw[col].split("\n")
        if words and not pieces and not any(AMOUNT_LINE_RE.fullmatch(ln.strip()) or STRAY_WORDS_RE.match(ln.rstrip())
                                            for ln in lines):
            return ""  # a run-on starts under an amount; words alone there are a column's own ('DAU')
        pieces.extend(words)
        pieces_end = col if words else pieces_end
    text, before = "", raw[name_col]
    for piece in pieces:
        # a cut at a space, or between a word's end and a capital (no word changes case inside)
        apart = before[-1:].isspace() or piece[:1].isspace() or (before[-1:].islower() and piece[:1].isupper())
        text, before = f"{text}{' ' if apart else ''}{piece}", piece
    return (" " if text[:1].isspace() else "") + " ".join(text.split())


def _words_beside_amount(line: str) -> str:
    """A cell line without its amount: '' for an amount, the words of 'si dan Rawa251.500.000'."""
    if looks_numeric(line.strip()):
        return ""
    match = STRAY_WORDS_RE.match(line.rstrip())
    return line.rstrip()[:match.start("amount")] if match else line


def _name_across_gap(table: RawTable, row: Row, name_col: int | None, heads: list[int]) -> str | None:
    """A word reader splits a line's name at a wide gap ("Program      Penunjang Urusan ..."): its head
    falls in an unlabelled column left of the name column, and a wrapped line in either. With as many
    lines in every cell, the name is read back line by line across them ("Program" + "Penunjang Urusan
    Pemerintahan Daerah", then "Kabupaten/" + "Kota"); with unequal counts which line goes where is
    unknown, and the name column alone is kept."""
    raw = table.rows[row.index] if row.index < len(table.rows) else []
    cols = [c for c in [*heads, name_col] if c is not None and c < len(raw) and raw[c].strip()
            and not is_row_number(raw[c].strip())]
    if len(cols) < 2 or cols[-1] != name_col or any(looks_numeric(" ".join(raw[c].split())) for c in cols):
        return None
    lines = [[part.strip() for part in raw[c].split("\n") if part.strip()] for c in cols]
    if len({len(parts) for parts in lines}) > 1:
        return None
    return " ".join(" ".join(parts[i] for parts in lines) for i in range(len(lines[0])))


def _standard_name_across_gap(table: RawTable, row: Row) -> str | None:
    """A name split by a word reader at a gutter into two cells whose lines do not pair up ("PEMELIHARAAN /
    BARANG / DAERAH / ..." beside "MILIK / PENUNJANG": lines of one or two words left, the rest right): of
    the orders of their lines that keep each cell's own order, the one that makes a name of the national
    nomenclature, when exactly one does."""
    raw = table.rows[row.index] if row.index < len(table.rows) else []
    cells = [[ln.strip() for ln in c.split("\n") if ln.strip() and not looks_numeric(ln.strip())]
             for c in raw if c.strip() and not looks_numeric(" ".join(c.split())) and not is_row_number(c.strip())]
    if len(cells) != 2 or not has_standard_words(" ".join(cells[0] + cells[1])):
        return None
    left, right = cells
    found = {name for rights in itertools.combinations(range(len(left) + len(right)), len(right))
             if is_standard_name(name := _interleaved(left, right, set(rights)))}
    return found.pop() if len(found) == 1 else None


def _interleaved(left: list[str], right: list[str], right_at: set[int]) -> str:
    lines, li, ri = [], iter(left), iter(right)
    for i in range(len(left) + len(right)):
        lines.append(next(ri) if i in right_at else next(li))
    return " ".join(lines)


LEVEL_ORDER = ("program", "kegiatan", "sub_kegiatan", "paket")


def _level_by_column(row: Row, roles: BudgetColumns) -> str | None:
    """With a budget column per level, the highest level whose column holds an amount (a sub-kegiatan
    without work packages repeats its amount in the package column)."""
    filled = [lv for lv in LEVEL_ORDER if lv in roles.level_columns
              and looks_numeric(cell(row, roles.level_columns[lv]))]
    return filled[0] if filled else None


def _rupiah(text: str, fmt: str | None, multiplier: int) -> float | None:
    """An amount printed in thousands or millions ("(Rp 000)" in the header) in rupiah."""
    value = parse_number(text, fmt)
    return value * multiplier if value is not None else None


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
    while tokens and len(amounts) < 3 and AMOUNT_TOKEN_RE.fullmatch(tokens[-1]) and not is_year(tokens[-1]):
        amounts.insert(0, tokens.pop())
    return " ".join(tokens), amounts


def _is_currency(text: str) -> bool:
    return re.fullmatch(r"rp\.?", text.strip(), re.IGNORECASE) is not None


def _is_nil(text: str) -> bool:
    """'-' or 'Rp -' printed for nil in an amount cell."""
    return parse_cell(text).kind == "missing"


def _amount_cells(row: Row, roles: BudgetColumns, numeric: list[str]) -> tuple[str, str, str]:
    """Budget, realization and % by header position; by order when the row is shifted."""
    by_role = [cell(row, getattr(roles, k)) for k in ("budget", "realization", "absorption")]
    role_cols = [getattr(roles, k) for k in ("budget", "realization", "absorption")]
    first_role = min((c for c in role_cols if c is not None), default=0)
    stray_left = any(c in numeric for i, c in enumerate(row.cells[:first_role])
                     if i not in roles.other_amounts and i not in roles.performance)
    if stray_left or not set(numeric) <= set(row.cells):  # a row shifted left, or amounts read from its text
        padded = numeric + ["", "", ""]
        return padded[0], padded[1], padded[2]
    if by_role[0] and by_role[1] and all(looks_numeric(c) or _is_nil(c) for c in by_role[:2]):
        return tuple(c if looks_numeric(c) else "" for c in by_role)  # "Rp -": nil, an empty value
    columns = [col for col, c in enumerate(row.cells) if c in numeric]
    if looks_numeric(by_role[0]) and columns and set(columns) <= {c for c in role_cols if c is not None}:
        return tuple(c if looks_numeric(c) else "" for c in by_role)  # every amount under its header: no realisasi
    padded = numeric + ["", "", ""]
    return padded[0], padded[1], padded[2]
