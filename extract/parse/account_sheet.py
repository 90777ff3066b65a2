"""Account-coded budget sheets: the Penjabaran Laporan Realisasi Anggaran of Permendagri 13/2006.

From 2006 to 2020 the regional finance systems (SIMDA and its kin) printed an agency's budget
realisation as one long sheet, every row coded by the chart of accounts:

    KODE REKENING | URAIAN | ANGGARAN SETELAH PERUBAHAN | REALISASI | BERTAMBAH/(BERKURANG) Rp | % | PENJELASAN

    4 ...                          pendapatan (revenue)
    5                              BELANJA (all spending)                       -> total
    5 . 1                          BELANJA TIDAK LANGSUNG (salaries, no program) -> total
    5 . 1 . 00 . 00 . 1 ...        its accounts (program and kegiatan '00')
    5 . 2                          BELANJA LANGSUNG: the sum of the programs     -> total
    5 . 2 . 15                     a program                                     -> program
    5 . 2 . 15 . 09                a kegiatan of that program                    -> kegiatan
    5 . 2 . 15 . 09 . 2 . 03 . 01  jenis / obyek / rincian belanja of the kegiatan
    6 ...                          pembiayaan (financing)

Only the program and kegiatan lines and the spending totals become budget lines: the account
lines under a kegiatan (honoraria, travel, stationery) would swamp program comparisons, and they
stay in raw.cells. Program and kegiatan numbers are printed with two digits ('01', '15'), which
tells them from the one-digit jenis of a plain account code ('5 . 2 . 1' Belanja Pegawai).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.model import RawTable
from extract.numerals import detect_format, is_column_number_row, looks_numeric, parse_number
from extract.parse.families import BUDGET, TableLayout
from extract.parse.headers import column_labels
from extract.parse.labels import normalize
from extract.parse.records import BudgetLine
from extract.parse.stacked import ACCOUNT_CODE, unstack
from extract.text import clean_cell

LEVEL_METHOD = "account_code"
ORGANISATION_METHOD = "organisation_code"
BELANJA, BELANJA_LANGSUNG = "5", "5.2"
ACCOUNT_GROUPS = {"4", "5", "6"}  # akun: pendapatan, belanja, pembiayaan
MAX_PREAMBLE_ROWS = 25  # title, urusan and unit lines printed above the header
MIN_CODED_SHARE = 0.6  # of the rows that carry amounts

# a kode rekening (stacked.ACCOUNT_CODE), possibly followed by the uraian when a flavor merged the columns
CODE_RE = re.compile(rf"^(?P<code>{ACCOUNT_CODE})(?:\s+(?P<rest>[^\d\s].*))?$", re.DOTALL)
YEAR_RE = re.compile(r"tahun\s+anggaran\s*:?\s*((?:19|20)\d\d)", re.IGNORECASE)
# a line of one letter: a glyph camelot split off its word ("l\ni\nstrik" = "listrik")
SPLIT_GLYPHS_RE = re.compile(r"(?m)^([A-Za-z])\n(?=[A-Za-z])")
HEADER_WORD_RE = re.compile(r"\b(kode|rekening|uraian|anggaran|realisasi|jumlah)\b")
DIFFERENCE_RE = re.compile(r"bertambah|berkurang|lebih|kurang|selisih|sisa")
DEFAULT_ROLES = ["budget", "realization", "difference", "absorption"]


@dataclass
class SheetLayout(TableLayout):
    """The layout of an account-coded sheet: the amount columns in printed order."""

    value_roles: list[str] = field(default_factory=list)
    fiscal_year: int | None = None


@dataclass
class SheetLine:
    """One coded row with the wrapped lines and amounts that camelot put on rows of their own."""

    index: int
    page: int
    code: str | None
    name: str
    amounts: list[str]
    pieces: list[str] = field(default_factory=list)  # the name's printed lines


def is_sheet(layout: TableLayout) -> bool:
    return isinstance(layout, SheetLayout)


# ---------------------------------------------------------------- recognising the sheet


def sheet_layout(table: RawTable) -> SheetLayout | None:
    """The layout when the table is an account-coded budget sheet, else None.

    The header is found by its words, not by position: an Excel export puts the title block
    (and a 'Nomor : ...' corner) above it, so the table often starts well above the header.
    """
    rows = unstack(table).rows
    start = _header_start(rows)
    if start is None:
        return None
    end = _first_data_row(rows, start)
    if end is None or not _is_account_coded(rows[end:]):
        return None
    labels = column_labels([r for r in rows[start:end] if not is_column_number_row(r)], table.n_cols)
    header = " ".join(labels)
    if not (re.search(r"anggaran|pagu", header) and "realisasi" in header):
        return None
    preamble = " ".join([table.caption] + [c for r in rows[:end] for c in r])
    year = YEAR_RE.search(" ".join(preamble.split()))
    return SheetLayout(family=BUDGET, header_rows=end, labels=labels, value_roles=value_roles(labels),
                       fiscal_year=int(year.group(1)) if year else None)


def _header_start(rows: list[list[str]]) -> int | None:
    """The row naming the most budget columns in cells of their own, at least two (a title
    line such as 'LAPORAN REALISASI ANGGARAN' names them in one cell, or in two at most)."""
    counts = [sum(bool(HEADER_WORD_RE.search(normalize(c))) for c in row) for row in rows[:MAX_PREAMBLE_ROWS]]
    best = max(counts, default=0)
    return counts.index(best) if best >= 2 else None


def _first_data_row(rows: list[list[str]], start: int) -> int | None:
    for index in range(start, min(len(rows), start + MAX_PREAMBLE_ROWS)):
        code, _, amounts = read_row(rows[index])
        if code is not None and is_account_code(code) and amounts and not is_column_number_row(rows[index]):
            return index
    return None


def _is_account_coded(rows: list[list[str]]) -> bool:
    """Most rows with amounts start with a code of the chart of accounts, and belanja is broken
    down below its kelompok ('5.2.01'), which a numbered list ('1', '2', ... '5') is not."""
    with_amounts = [code for code, _, amounts in map(read_row, rows) if amounts]
    coded = [c for c in with_amounts if c is not None and is_account_code(c)]
    return bool(with_amounts) and len(coded) >= MIN_CODED_SHARE * len(with_amounts) \
        and any(c.split(".")[0] == BELANJA and c.count(".") >= 2 for c in coded)


def is_account_code(code: str) -> bool:
    """'5', '5.2', '5.2.15.09': an akun digit, then a one-digit kelompok. National nomenclature codes
    of Permendagri 90/2019 ('5.01.02', '2.16.02.2.01') have a two-digit second part."""
    parts = code.split(".")
    return parts[0] in ACCOUNT_GROUPS and (len(parts) == 1 or len(parts[1]) == 1)


def value_roles(labels: list[str]) -> list[str]:
    """The amounts a row prints, in column order: budget, realization, difference, absorption.
    A word-aligned header may merge two columns into one label ('bertambah/(berkurang) (rp) (%)')."""
    roles = [role for label in labels for role in _label_roles(label)]
    return roles if {"budget", "realization"} <= set(roles) else DEFAULT_ROLES


def _label_roles(label: str) -> list[str]:
    has_rp = re.search(r"\brp\b", label) is not None
    if "%" in label and not has_rp:
        return ["absorption"]  # 'realisasi %' under a carried group: one column
    found = []
    if "realisasi" in label:
        found.append((label.index("realisasi"), "realization"))
    elif budget := re.search(r"anggaran|pagu|alokasi", label):
        found.append((budget.start(), "other" if "sebelum" in label else "budget"))
    if difference := DIFFERENCE_RE.search(label):
        found.append((difference.start(), "difference"))
    if "%" in label:
        found.append((label.index("%"), "absorption"))
    return [role for _, role in sorted(found)]


# ---------------------------------------------------------------- rows


def read_row(cells: list[str]) -> tuple[str | None, str, list[str]]:
    """(normalised code or None, uraian, amounts in reading order) of one table row."""
    texts = [fix_split_glyphs(c) for c in cells if c and c.strip()]
    code = None
    if texts and (match := CODE_RE.match(texts[0].strip())) and _is_code(match.group("code")):
        code = re.sub(r"\s+", "", match.group("code"))
        texts = [match.group("rest")] + texts[1:] if match.group("rest") else texts[1:]
    names, amounts = [], []
    for text in texts:
        tokens = _amount_tokens(text)
        if tokens:
            amounts += tokens
        else:
            names.append(clean_cell(text))
    name = " ".join(n for n in names if n)
    return code, re.sub(r"(?<=[A-Za-z])-\s+(?=[a-z])", "-", name), amounts  # 'perundang-\nundangan'


def _is_code(text: str) -> bool:
    """An account code, not an amount: '3.180.000' has only three-digit groups and no spaces."""
    parts = re.split(r"\s*\.\s*", text.strip())
    return not (len(parts) > 1 and " " not in text and all(len(p) == 3 for p in parts[1:]))


def _amount_tokens(text: str) -> list[str]:
    """A cell of amounts: one number, or several that a flavor stacked in one cell ('-768.857.637,00\\n86,33')."""
    text = text.strip()
    if looks_numeric(text):
        return [text]
    for pieces in (text.split("\n"), text.split()):
        pieces = [p.strip() for p in pieces if p.strip()]
        if len(pieces) > 1 and all(looks_numeric(p) for p in pieces):
            return pieces
    return []


def fix_split_glyphs(text: str) -> str:
    """'l\\ni\\nstrik' -> 'listrik', 'D\\ni\\ng\\ni\\ntalisasi' -> 'Digitalisasi'."""
    previous = None
    while previous != text:
        previous, text = text, SPLIT_GLYPHS_RE.sub(r"\1", text)
    return text


def sheet_rows(table: RawTable, header_rows: int) -> list[SheetLine]:
    """Coded lines with their wrapped uraian and stray amounts joined.

    A word-aligned flavor gives every printed line a row: the second line of a wrapped uraian,
    amounts printed on the line below the code, and (at a page break) the clipped text of the
    row cut by the break repeated at the top of the next page, which is dropped.
    """
    lines: list[SheetLine] = []
    for index in range(header_rows, len(table.rows)):
        code, name, amounts = read_row(table.rows[index])
        if not code and not name and not amounts:
            continue
        current = lines[-1] if lines else None
        if code is None and current is not None and not (amounts and current.amounts):
            _continue_line(current, name, amounts)
        else:  # a coded row, or an uncoded one with its own amounts (SURPLUS / (DEFISIT))
            lines.append(SheetLine(index, table.row_pages[index], code, name, amounts, [name] if name else []))
    return lines


def _continue_line(line: SheetLine, name: str, amounts: list[str]) -> None:
    line.amounts = line.amounts or amounts
    if not name or name in line.pieces or name == line.name or line.name.endswith(name):
        return  # a page break repeats the cut row's text
    line.pieces.append(name)
    if re.search(r"[A-Za-z]-$", line.name):  # 'perundang-' + 'undangan'
        line.name += name
    else:
        line.name = f"{line.name} {name}".strip()


# ---------------------------------------------------------------- budget lines


def code_level(code: str | None) -> str | None:
    """program / kegiatan / total from the code; None for accounts and revenue."""
    if code is None:
        return None
    parts = code.split(".")
    if parts[0] != BELANJA or (len(parts) > 1 and len(parts[1]) != 1):
        return None
    if len(parts) <= 2:
        return "total"  # 5 BELANJA, 5.1 BELANJA TIDAK LANGSUNG, 5.2 BELANJA LANGSUNG
    numbered = all(len(p) >= 2 and p.strip("0") for p in parts[2:])  # '00' is "no program"
    if ".".join(parts[:2]) == BELANJA_LANGSUNG and numbered:
        return {3: "program", 4: "kegiatan"}.get(len(parts))
    return None


def sheet_lines(table: RawTable, layout: SheetLayout, doc_format: str | None) -> list[BudgetLine]:
    lines = sheet_rows(unstack(table), layout.header_rows)
    fmt = detect_format([a for line in lines for a in line.amounts], prior=doc_format)
    unit_parts = _unit_code_parts([line.code for line in lines])
    facts = []
    for line in lines:
        level = code_level(line.code) if unit_parts is None else organisation_level(line.code, unit_parts)
        if level is None or not line.amounts:
            continue
        values = _by_role(line.amounts, layout.value_roles)
        facts.append(BudgetLine(
            table_id=table.table_id, row_index=line.index, source_page=line.page, line_number=line.code,
            level=level, level_method=LEVEL_METHOD if unit_parts is None else ORGANISATION_METHOD, line_name=line.name,
            budget_raw=values["budget"], budget_idr=parse_number(values["budget"], fmt),
            realization_raw=values["realization"], realization_idr=parse_number(values["realization"], fmt),
            absorption_raw=values["absorption"], absorption_pct_reported=parse_number(values["absorption"], fmt),
            fiscal_year=layout.fiscal_year,
        ))
    return facts


def _unit_code_parts(codes: list[str | None]) -> int | None:
    """A sheet by urusan and organisation (LRA menurut urusan dan organisasi, Permendagri 90/2019) codes
    its agencies with dashes ('5.1.01.1-01.0-00.0-00.01'); the shortest such code is the agency's own,
    longer ones are its accounts. The number of parts of the agency code, None on other sheets."""
    parts = [len(code.split(".")) for code in codes if code and "-" in code]
    return min(parts) if parts else None


def organisation_level(code: str | None, unit_parts: int) -> str | None:
    """total (akun: 4 pendapatan, 5 belanja, 6 pembiayaan), urusan (urusan and bidang urusan: '5.1',
    '5.1.01'), perangkat_daerah (the agency code); None for the account lines under an agency."""
    if code is None or code.split(".")[0] not in ACCOUNT_GROUPS:
        return None
    parts = len(code.split("."))
    if "-" not in code:
        return "total" if parts == 1 else "urusan" if parts <= 3 else None
    return "perangkat_daerah" if parts == unit_parts else None


def _by_role(amounts: list[str], roles: list[str]) -> dict[str, str]:
    """Amounts by the header's column order; when some are missing only the first two are
    trusted (anggaran, realisasi), since which cell is empty cannot be told."""
    if len(amounts) == len(roles):
        values = dict(zip(roles, amounts))
    else:
        values = {"budget": amounts[0], "realization": amounts[1] if len(amounts) > 1 else ""}
    return {k: values.get(k, "") for k in ("budget", "realization", "absorption")}
