"""Extracted facts of a seed rendering against the seed's expected facts (bench/expected.py).

A fact is exact when region, fiscal year, level, name and all three values are right
(year: the fact's own year, else the document's).
  recall    = expected facts found exactly anywhere in the document;
  precision = exact facts / candidate facts, the candidates being every fact of the tables
              captioned like the expected tables (invented rows and wrong values count against
              it); when no extracted table carries such a caption, every fact about an expected
              subject (same level, name and year) from any table the extractor read as an
              achievement or budget table ("subject" basis): the targets of a Perjanjian Kinerja
              table (family plan_target) claim no achievement, so they are not judged there.
Table only (score_both): region and year are blanked where they come from the title block or equal
the report's year, so a title-block miss does not hide the tables; a fact its own column dates to
another year (a 2023 column beside 2024) keeps that year and is about another subject.
Used by the seed-rendering table and the fuzz table of bench/accuracy.py.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from bench import expected as exp

TARGETS_ONLY_FAMILY = "plan_target"  # extract.parse.families.PLAN_TARGET (bench does not import extract)


class Got(NamedTuple):
    """One extracted fact in the shape of bench.expected facts, with what judging it needs."""
    fact: tuple
    caption: str
    own_year: int | None  # the year its row carries (a year column), None when it is the document's
    claims_achievement: bool  # False for the targets of an agreement table (family plan_target)


def extracted_facts(record: dict, frames: dict) -> dict[str, list[Got]]:
    """{family: [Got]} of every indicator and budget row extracted."""
    region, doc_year = record.get("region_code"), record.get("fiscal_year")
    tables = frames["tables"]
    captions = dict(zip(tables.table_id, tables.caption.fillna(""))) if not tables.empty else {}
    families = dict(zip(tables.table_id, tables.family)) if "family" in tables else {}
    out: dict[str, list] = {exp.INDICATOR: [], exp.BUDGET: []}
    specs = ((exp.INDICATOR, "indicators", "indicator_name",
              ("target_value", "realization_value", "achievement_pct_reported")),
             (exp.BUDGET, "budget_lines", "line_name", ("budget_idr", "realization_idr", "absorption_pct_reported")))
    for family, frame_name, name_col, value_cols in specs:
        frame = frames[frame_name]
        for row in frame.to_dict("records") if not frame.empty else []:
            own = row.get("fiscal_year")
            own = None if own is None or own != own else int(own)
            f = exp.fact(family, region, doc_year if own is None else own, row.get("level"),
                         row.get(name_col) or "", *(row.get(c) for c in value_cols))
            out[family].append(Got(f, captions.get(row["table_id"], ""), own,
                                   families.get(row["table_id"]) != TARGETS_ONLY_FAMILY))
    return out


def _caption_matches(caption: str, prefixes: list[str]) -> bool:
    return any(re.match(re.escape(p) + r"(?!\d)", caption or "") for p in prefixes)


def score(expected: list[tuple], got: list[Got], caption_prefixes: list[str]) -> dict:
    expected_set = set(expected)
    subjects = {f[:5] for f in expected}
    got_set = {g.fact for g in got}
    candidates = [g.fact for g in got if _caption_matches(g.caption, caption_prefixes)]
    by_caption = bool(candidates)
    if not by_caption:  # captions lost: judge the achievement facts about expected subjects, from any table
        candidates = [g.fact for g in got if g.fact[:5] in subjects and g.claims_achievement]
    exact = sum(1 for f in candidates if f in expected_set)
    found = len(expected_set & got_set)
    missing = sorted(expected_set - got_set, key=str)[:3]
    wrong = [f for f in candidates if f not in expected_set][:3]
    return {
        "expected": len(expected_set), "found": found, "candidates": len(candidates), "exact": exact,
        "recall": round(found / len(expected_set), 4) if expected_set else None,
        "precision": round(exact / len(candidates), 4) if candidates else None,
        "precision_basis": "caption" if by_caption else "subject",
        "examples_missing": [list(m) for m in missing], "examples_wrong": [list(w) for w in wrong],
    }


def without_region_year(facts: list[tuple]) -> list[tuple]:
    """The same facts with region and year blanked: what the table reading alone got right."""
    return [(f[0], None, None, *f[3:]) for f in facts]


def score_both(record: dict, frames: dict, slug: str) -> dict:
    """{'exact': {family: score}, 'table_only': {family: score}} of one rendering of seed `slug`;
    table_only ignores region and year (a miss of the title block does not hide the tables)."""
    got = extracted_facts(record, frames)
    want, captions = exp.expected_for(slug), exp.captions_for(slug)
    out: dict = {"exact": {}, "table_only": {}}
    for fam in (exp.INDICATOR, exp.BUDGET):
        out["exact"][fam] = score(want[fam], got[fam], captions[fam])
        years = {f[2] for f in want[fam]}
        blind = [_blind(g, years) for g in got[fam]]
        out["table_only"][fam] = score(without_region_year(want[fam]), blind, captions[fam])
    return out


def _blind(got: Got, years: set) -> Got:
    """The fact with region and year blanked, unless its own column dates it to another year."""
    if got.own_year is not None and got.own_year not in years:
        return got
    return got._replace(fact=without_region_year([got.fact])[0])
