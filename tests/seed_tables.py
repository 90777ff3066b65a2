"""Expected values read straight from the seed text (samples/seeds/*.txt), independently of extract/.

The seeds print tables as tab-separated lines under a caption ("Tabel 3.17 ..."). This reader
only splits those lines and converts numbers with the one format each seed uses, so the tests
compare the warehouse with what the report prints, not with what the extractor returned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.paths import SAMPLES

SEEDS = SAMPLES / "seeds"
JEPARA = SEEDS / "lkjip_jepara_2024_diskopukmnakertrans.txt"
JAMBI = SEEDS / "lkjip_kota-jambi_2025_disnakerkopukm.txt"


def table_lines(seed: Path, caption_prefix: str) -> list[list[str]]:
    """Tab-separated rows after the caption line, until the next paragraph of plain text.
    The caption also appears in the list of tables (DAFTAR TABEL): the longest table wins."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip().startswith(caption_prefix)]
    return max((_rows_after(lines, start) for start in starts), key=len)


def _rows_after(lines: list[str], start: int) -> list[list[str]]:
    rows, seen_table = [], False
    for line in lines[start + 1:]:
        if "\t" in line:
            seen_table = True
            rows.append([re.sub(r"</?i>", "", c).strip() for c in line.split("\t")])
        elif line.strip() and seen_table:
            break
    return rows


@dataclass
class SeedBudgetLine:
    name: str
    budget_idr: float
    realization_idr: float
    absorption_pct: float


def budget_lines(seed: Path, caption_prefix: str, english: bool) -> list[SeedBudgetLine]:
    """Rows holding two amounts and a percentage; text-only rows continue the previous name,
    except the section headings ("BIDANG SEKRETARIAT") that Jambi prints between programs."""
    result: list[SeedBudgetLine] = []
    for cells in table_lines(seed, caption_prefix):
        amounts = [c for c in cells if _is_amount(c)]
        texts = [c for c in cells if c and not _is_amount(c) and not re.fullmatch(r"\d+\.?|\d+ \d+|[%0-9 ]+", c)]
        if len(amounts) >= 3:
            result.append(SeedBudgetLine(" ".join(texts), _number(amounts[0], english),
                                         _number(amounts[1], english), _number(amounts[2], english)))
        elif texts and result and not amounts and not texts[0].startswith("BIDANG"):
            result[-1].name += " " + " ".join(texts)
    return result


@dataclass
class SeedAllocationLine:
    name: str
    budget_idr: float


def allocation_lines(seed: Path, header: str, english: bool) -> list[SeedAllocationLine]:
    """Rows of every table under a header line starting with `header` (a program list with its anggaran, which
    the seeds print without a caption): the name and the one amount of each row, in the order printed."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    result = []
    for start in (i for i, line in enumerate(lines) if line.lower().startswith(header.lower())):
        for cells in _rows_after(lines, start):
            amounts = [i for i, c in enumerate(cells) if _is_amount(c.replace("Rp. ", ""))
                       and not re.fullmatch(r"\d{1,2}(\.\d{1,2})+", c)]  # '1.1': the program's number
            if len(amounts) == 1:  # the name printed right before the amount
                name = next(c for c in reversed(cells[:amounts[0]]) if c and not _is_amount(c))
                result.append(SeedAllocationLine(name, _number(cells[amounts[0]].replace("Rp.", ""), english)))
    return result


def _is_amount(cell: str) -> bool:
    if re.fullmatch(r"\d{1,2}\.?", cell):
        return False  # row numbering ("1", "1."), not a value
    return bool(re.fullmatch(r"(Rp\.? ?)?[\d.,]+", cell)) and any(ch.isdigit() for ch in cell) and (
        "," in cell or "." in cell or len(cell) > 3)


def _number(cell: str, english: bool) -> float:
    digits = cell.replace("Rp", "").replace(" ", "")
    digits = digits.replace(",", "") if english else digits.replace(".", "").replace(",", ".")
    return float(digits)
