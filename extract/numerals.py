"""Number and unit parsing for Indonesian government reports.

Reports mix two conventions, sometimes inside one table:
  Indonesian ('id'): dot groups thousands, comma marks decimals  -> 1.871.557.000 / 95,22
  English    ('en'): comma groups thousands, dot marks decimals  -> 6,847,986,125.50 / 16.47

A single cell such as "1.010" cannot tell the two apart, so the convention is decided per
column from the cells that *do* carry evidence (see `detect_format`), optionally falling back
to a document-level prior. A cell whose own text is unambiguous ("12,03" in an English column)
is always read by its own evidence: the column format only settles the ambiguous cells.

Rule for an ambiguous cell with no column evidence and no prior ("1.010", "352,390"):
read the separator as a thousands separator (1010, 352390). Reports print decimal values with
two decimals almost everywhere, so a three-digit fraction is much rarer than a count in the
thousands.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

ID, EN = "id", "en"

MISSING_TOKENS = {"-", "–", "—", "--", "na", "n/a", "n.a", "n.a.", "#n/a", "dtt", "tidak ada", "nihil"}

_RP = re.compile(r"\brp\.?", re.IGNORECASE)
_MINUS_CHARS = str.maketrans({"\u2212": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_FOOTNOTE = re.compile(r"[*†‡]+")
_CLOSING_STOP = re.compile(r"%\s*\.$")  # "96,12 %." : the full stop ends the sentence, not the number
_TRAILING_DASH = re.compile(r"[.,]\s*-+$")  # "4.861.984.853,-" : printed "no cents"
# A bare numeric core: digits and separators, possibly broken by wrapping spaces.
_CORE = re.compile(r"^[+-]?\d[\d.,]*(?:\s+[\d.,]+)*$")
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+s\.?\s*/?\s*d\.?\s+|\s+sampai(?:\s+dengan)?\s+|\s+hingga\s+)"
_NUM_TOKEN = r"\d[\d.,]*(?:\s\d{1,2}(?!\d))?"
_RANGE = re.compile(rf"^({_NUM_TOKEN})\s*%?{_RANGE_SEP}({_NUM_TOKEN})$", re.IGNORECASE)
_PAREN_NUMBER = re.compile(r"\(\s*([+-]?\d[\d.,]*)\s*%?\s*\)")
_NUMBER_WITH_UNIT = re.compile(r"^([+-]?\d[\d.,]*)\s+([A-Za-z][A-Za-z/ .]*)$")
_ROW_NUMBER = re.compile(
    r"^(?:\d{1,3}\.?|\d{1,3}(?:\.[1-9]\d?)+\.?|[a-zA-Z][.)]|\(?[a-z]\)|[IVXLC]{1,6}\.?)$"
)
_SPELLED_OUT = re.compile(r"\([^\W\d_]+\)")  # '(satu)' after '1': a number written out in words


# ---------------------------------------------------------------- cleaning

def _normalise(text: str) -> str:
    """Unicode minus to '-', footnote marks and non-breaking spaces removed, trimmed."""
    text = (text or "").translate(_MINUS_CHARS).replace("\u00a0", " ")
    return _FOOTNOTE.sub("", text).strip()


def _strip_decorations(text: str) -> tuple[str, bool, bool, bool]:
    """Remove Rp, %, ',-' and parentheses-negative. Returns (core, has_rp, has_pct, negative)."""
    text = _CLOSING_STOP.sub("%", text)
    has_rp = bool(_RP.search(text))
    has_pct = "%" in text
    core = _RP.sub(" ", text).replace("%", " ").strip()
    core = _TRAILING_DASH.sub("", core).strip()
    negative = False
    if core.startswith("(") and core.endswith(")"):
        negative, core = True, core[1:-1].strip()
    return core, has_rp, has_pct, negative


def _join_wrapped(core: str) -> str | None:
    """'104,1 6' -> '104,16'. Only joins when a separator proves it is one number:
    two plain integers side by side ('2 3') may be two merged cells, so they are refused."""
    if not _CORE.match(core):
        return None
    if " " not in core:
        return core
    joined = re.sub(r"\s+", "", core)
    return joined if re.search(r"[.,]", joined) else None


# ---------------------------------------------------------------- evidence

def _token_evidence(num: str) -> str | None:
    """Which convention a single bare number proves, or None when it proves nothing."""
    digits = num.lstrip("+-")
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        return ID if digits.rfind(",") > digits.rfind(".") else EN
    sep = "." if dots else "," if commas else None
    if sep is None:
        return None
    groups = digits.split(sep)
    if len(groups) > 2:
        # Several group separators: thousands grouping in that convention.
        if all(len(g) == 3 for g in groups[1:]):
            return ID if sep == "." else EN
        return None  # "17,833,004,534,00" or account codes: no clean vote
    head, tail = groups
    if len(tail) != 3 or head in ("0", ""):
        # A separator not followed by exactly 3 digits (or "0.123") is a decimal mark.
        return EN if sep == "." else ID
    return None


def detect_format(texts: Iterable[str], prior: str | None = None) -> str | None:
    """Vote 'id' / 'en' over the cells of one column; ties and no evidence fall back to prior."""
    votes: Counter[str] = Counter()
    for text in texts:
        num = _bare_number(text)
        if num is None:
            continue
        vote = _token_evidence(num)
        if vote:
            votes[vote] += 1
    if votes[ID] > votes[EN]:
        return ID
    if votes[EN] > votes[ID]:
        return EN
    return prior


def _bare_number(text: str) -> str | None:
    """The numeric core of a cell that is a plain (decorated) number, else None."""
    core, _, _, _ = _strip_decorations(_normalise(text))
    return _join_wrapped(core) if core else None


# ---------------------------------------------------------------- conversion

def _to_float(num: str, fmt: str | None) -> float | None:
    """Convert a bare number (digits, '.', ',' and a sign) using its own evidence first."""
    sign = -1.0 if num.startswith("-") else 1.0
    digits = num.lstrip("+-")
    if not re.fullmatch(r"\d[\d.,]*", digits) or digits[-1] in ".,":
        return None
    decimal_mark = _decimal_mark(digits, fmt)
    if decimal_mark is False:
        return None
    if decimal_mark:
        int_part, frac = digits.rsplit(decimal_mark, 1)
    else:
        int_part, frac = digits, ""
    int_digits = re.sub(r"[.,]", "", int_part)
    if not _valid_grouping(int_part):
        return None
    return sign * float(f"{int_digits}.{frac}" if frac else int_digits)


def _decimal_mark(digits: str, fmt: str | None):
    """Return '.', ',' or None (integer), or False when the text is not a number."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        return "," if digits.rfind(",") > digits.rfind(".") else "."
    sep = "." if dots else "," if commas else None
    if sep is None:
        return None
    groups = digits.split(sep)
    if len(groups) > 2:
        if all(len(g) == 3 for g in groups[1:]):
            return None
        # Run of 3-digit groups ending in 2 digits: amount printed against convention,
        # "17,833,004,534,00" -> the last separator is the decimal mark.
        if len(groups[-1]) == 2 and all(len(g) == 3 for g in groups[1:-1]):
            return sep
        return False
    head, tail = groups
    if len(tail) != 3 or head in ("0", ""):
        return sep
    # Ambiguous "1.010": the column decides; without a format read it as thousands.
    if fmt == ID:
        return "," if sep == "," else None
    if fmt == EN:
        return "." if sep == "." else None
    return None


def _valid_grouping(int_part: str) -> bool:
    """Thousands groups after the first must have 3 digits; the first 1-3 digits."""
    groups = re.split(r"[.,]", int_part)
    if len(groups) == 1:
        return True
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


# ---------------------------------------------------------------- public parsing

def _is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_TOKENS


def parse_range(text: str, fmt: str | None = None) -> tuple[float, float] | None:
    """'75,70 – 76,20' -> (75.7, 76.2); '5-6%' -> (5.0, 6.0); None when not a range."""
    clean = _normalise(text)
    core = _RP.sub(" ", clean).strip()
    core = re.sub(r"\s*%\s*$", "", core)
    match = _RANGE.match(core)
    if not match:
        return None
    low, high = (_parse_bare(part, fmt) for part in match.groups())
    if low is None or high is None:
        return None
    return (low, high)


def _parse_bare(part: str, fmt: str | None) -> float | None:
    joined = _join_wrapped(part.strip())
    return _to_float(joined, fmt) if joined else None


def parse_number(text: str, fmt: str | None = None) -> float | None:
    """One cell to a float, or None (empty, missing marker, range, words without a number)."""
    return parse_cell(text, fmt).value


def readings(text: str) -> set[float]:
    """Every value the cell can mean: two for a cell the conventions read differently ('1.712' is 1712
    or 1.712), one for the others, none for a cell without a number."""
    return {value for value in (parse_number(text, ID), parse_number(text, EN)) if value is not None}


@dataclass(frozen=True)
class ParsedCell:
    raw: str
    value: float | None
    kind: str  # number | percent | amount | empty | missing | qualitative | range | text


def parse_cell(text: str, fmt: str | None = None) -> ParsedCell:
    """Classify and parse one cell; the raw text is always kept."""
    raw = text if text is not None else ""
    clean = _normalise(raw)
    if not clean:
        return ParsedCell(raw, None, "empty")
    if _is_missing(clean) or _is_missing(_strip_decorations(clean)[0]):
        return ParsedCell(raw, None, "missing")
    if parse_range(clean, fmt):
        return ParsedCell(raw, None, "range")
    numeric = _parse_decorated(clean, fmt)
    if numeric is not None:
        return ParsedCell(raw, *numeric)
    return _parse_wordy(raw, clean, fmt)


def _parse_decorated(clean: str, fmt: str | None) -> tuple[float, str] | None:
    """(value, kind) for a number decorated only with Rp / % / ',-' / parentheses."""
    core, has_rp, has_pct, negative = _strip_decorations(clean)
    joined = _join_wrapped(core) if core else None
    value = _to_float(joined, fmt) if joined else None
    if value is None:
        return None
    kind = "amount" if has_rp else "percent" if has_pct else "number"
    return (-value if negative else value, kind)


def _parse_wordy(raw: str, clean: str, fmt: str | None) -> ParsedCell:
    """Cells with words: grades with a number in parentheses, numbers with a unit, text."""
    if not re.search(r"\d", clean):
        return ParsedCell(raw, None, "text")
    paren = _PAREN_NUMBER.search(clean)
    if paren and re.search(r"[A-Za-z]", clean):
        # "Level 3 (3,35)", "Nilai A (82,92)": the number in parentheses is the score.
        return ParsedCell(raw, _parse_bare(paren.group(1), fmt), "qualitative")
    with_unit = _NUMBER_WITH_UNIT.match(clean)
    if with_unit:
        # "5 Dokumen", "12 orang": a count followed by its unit.
        value = _parse_bare(with_unit.group(1), fmt)
        if value is not None:
            return ParsedCell(raw, value, "number")
    if re.search(r"[A-Za-z]", clean):
        return ParsedCell(raw, None, "qualitative")
    return ParsedCell(raw, None, "text")  # digits that form no number, e.g. account codes


def parse_column(texts: list[str], prior: str | None = None) -> tuple[list[float | None], str | None]:
    """Detect the column's convention once, then parse every cell with it."""
    fmt = detect_format(texts, prior)
    return [parse_number(t, fmt) for t in texts], fmt


def looks_numeric(text: str) -> bool:
    """True when the cell is a number, possibly decorated with Rp, %, ',-' or a footnote mark."""
    clean = _normalise(text)
    return bool(clean) and _parse_decorated(clean, None) is not None


def is_row_number(text: str) -> bool:
    """Row numbering: '1', '1.', '2.1', '1.1.1.1', 'a.', 'b)', 'I', 'IV.'."""
    return bool(_ROW_NUMBER.match((text or "").strip()))


def opens_spelled_out(text: str) -> bool:
    """'(satu) Daerah' after '1': a count written out again in words, not the text after a row number."""
    return bool(_SPELLED_OUT.match(text))


def is_column_number_row(row: list[str]) -> bool:
    """The '1 2 3 4 ...' row printed under many Indonesian table headers."""
    cells = [" ".join(c.split()) for c in row if c.strip()]
    if len(cells) < 3:
        return False
    small_ints = [c for c in cells if re.fullmatch(r"\(?\d{1,2}\)?(\s*=.*)?", c)]
    return len(small_ints) == len(cells) or (
        len(small_ints) >= len(cells) - 1 and not any(looks_numeric(c) and len(c) > 3 for c in cells)
    )


def is_running_count(cells: list[str]) -> bool:
    """Every filled cell a small number, running one by one ('1 2 3 4', '(7) (8) (9)'): the row
    numbering a table's columns. A row of small values ('11 21 70 80 90', '3 2 2 2') is no count."""
    filled = [c.strip() for c in cells if c.strip()]
    numbers = [int(m.group(1)) for c in filled if (m := re.fullmatch(r"\(?(\d{1,2})\)?", c))]
    return len(filled) >= 3 and len(numbers) == len(filled) and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def is_year(text: str) -> bool:
    """A bare year ("2024") in a header row groups columns; it is not a data value."""
    return bool(re.fullmatch(r"\(?(19|20)\d\d\)?", text.strip()))
