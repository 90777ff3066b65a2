"""Budget lines' levels (program / kegiatan / sub-kegiatan) by keyword, case, numbering and arithmetic."""
from __future__ import annotations

from extract.parse.records import BudgetLine
from extract.text import TOTAL_RE, in_capitals


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
        if TOTAL_RE.match(name) or not (name or line.line_number):  # amounts alone close or open the table
            line.level, line.level_method = "total", "keyword" if name else "position"
        elif line.level:  # decided by the table's columns (per-level amounts, one row per agency)
            continue
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
    return _split([in_capitals(b.line_name) for b in block])


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

