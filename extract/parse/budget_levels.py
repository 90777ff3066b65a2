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
    under_program = False
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
        _levels_in_block(block, opens_table=not under_program)
        block = []
        under_program = under_program or line.level == "program"
    _levels_in_block(block, opens_table=not under_program)


def _levels_in_block(block: list[BudgetLine], opens_table: bool = False) -> None:
    if not block:
        return
    for rule in (_by_keyword, _by_letter_case, _by_numbering, _by_numbering_depth, _by_arithmetic):
        flags = rule(block)
        # only capitals tell a sub-kegiatan before the first kegiatan: a table whose program rows carry no
        # amount opens with kegiatan, some named 'Kegiatan ...' and some not
        decided = _split(flags, opens_table and rule is _by_letter_case) if flags is not None else None
        if decided is not None:
            for line, is_kegiatan in zip(block, decided):
                line.level = "kegiatan" if is_kegiatan else "sub_kegiatan"
                line.level_method = rule.__name__.removeprefix("_by_")
            return
    for line in block:
        line.level, line.level_method = "kegiatan", "default"


def _split(flags: list[bool], opens_table: bool = False) -> list[bool] | None:
    """A rule decides only if it separates the block into both levels, kegiatan first. With `opens_table`,
    lines that open a table above its first program may be the last sub-kegiatan of a kegiatan printed
    before them (a part of a table on the next page that was not joined to its start): kegiatan first from
    the first kegiatan."""
    lead = flags.index(True) if opens_table and True in flags else 0
    rest = flags[lead:]
    return flags if any(rest) and not all(rest) and rest[0] else None


def _by_keyword(block):
    names = [b.line_name.lower() for b in block]
    if not any(n.startswith(("kegiatan", "sub kegiatan", "sub-kegiatan")) for n in names):
        return None
    return [n.startswith("kegiatan") for n in names]


def _by_letter_case(block):
    return [in_capitals(b.line_name) for b in block]


def _by_numbering(block):
    return [not b.line_number for b in block]


def _by_numbering_depth(block):
    depths = [b.line_number.rstrip(".").count(".") if b.line_number else -1 for b in block]
    if -1 in depths or len(set(depths)) < 2:
        return None
    return [d == min(depths) for d in depths]


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
    return flags

