"""Extracted facts of real corpus PDFs scored against the hand-labelled set (bench/truth/*.csv).

Which labelled facts count (the "expected" facts): every row of kind indicator / budget except
  - rows with level `other` (account lines, group subtotals: not expected as facts), and
  - rows with no number (target, realization and achievement_pct all empty: "WTP", "Level 3").
A file with a header only (tangsel) declares a document without any fact: every fact extracted
from it is wrong (its precision is judged on all its pages, it has no recall).

Matching rule. A labelled fact is *found* when an extracted fact of the same kind (indicator rows of
indicators.parquet, budget rows of budget_lines.parquet) that no other labelled fact took has
  1. the same normalised name (`norm_name`: lower case, `<i>` markers and bullets dropped,
     leading numbering - 1. / 1.2 / (3) / a. / b) / IV. / 5 . 2 . 15 - and trailing footnote marks
     (*, superscript digits) and punctuation stripped, whitespace collapsed; on both sides),
     the nearest page first; or, failing that,
  2. the best fuzzy name match (difflib ratio >= FUZZY_MIN) among facts on the label's page +-1;
     a label with an empty name (an unlabelled total line) matches a fact on page +-1 whose level
     is `total` or whose name is empty or a total word (jumlah, total, ...);
  and in both cases the same numbers: every value the label has (target, realization, achievement
  %) equals the extracted one - rupiah amounts (budget target and realization) exactly (to 0.005),
  other values within 0.01 relative; a value the label leaves empty is not compared.
Level and year are not part of the match; they are reported separately (share of found facts
whose level equals the label's, and whose year - the fact's own, else the document's - does).
recall    = found / expected facts;
precision = of the extracted facts of that kind on the pages of the labelled tables (every page
            holding a labelled row of that kind, whatever table the fact comes from: the same rule
            for every document), the share matched to an expected fact; facts
            matched to an excluded label (`other`, no number) and facts without any number are
            left out of the share, as the labels leave such rows out. The development labels
            (bench/truth) and each later round (bench/truth/heldout, heldout2) may label different
            tables of one PDF on one page: a fact matched to a label of another set is left out too
            (it is neither right nor wrong here), and another set's pages are not judged.
in plans  = of the missed indicator labels that print a target alone (an agreement's or a plan's target),
            those whose target the plan targets hold (plan_targets.parquet, fct_plan_target: same name -
            exact, else fuzzy on page +-1 - same year, same target): printed beside recall, never in it.
with plans = indicator recall and precision when the facts are those of fct_performance_indicator and the
            year targets of fct_plan_target together (a Renstra's or an IKU table's target for one year is
            labelled as an indicator fact with a target alone; the warehouse keeps it as a plan target). Both
            sides count: every plan target on a labelled page is judged, right or wrong; one that repeats a
            fact of fct_performance_indicator (same name, page, year and target) is that fact, counted once.
            The end-of-period target (target akhir) is left out, as the baseline is: it is the period's, not
            a year's, and the labels do not list it. Printed under the table, which counts
            fct_performance_indicator alone.
ceiling   = share of expected facts whose printed numbers (the digit groups of the *_printed texts
            of the values the label has) all appear among the digit groups of the document's raw
            cells (cells.parquet) on the label's page +-1. A fact outside the ceiling was lost
            finding the cells; a missed fact inside it was lost understanding them.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path

from bench.figures import fmt

TRUTH_DIR = Path(__file__).resolve().parent / "truth"
INDICATOR, BUDGET = "indicator", "budget"
WITH_PLANS = "indicator_with_plans"  # indicator facts scored with the plan targets' year targets (see `with plans`)
KINDS = (INDICATOR, BUDGET)
FUZZY_MIN = 0.9
FIELDS = ("target", "realization", "achievement_pct")
PRINTED = {"target": "target_printed", "realization": "realization_printed",
           "achievement_pct": "achievement_printed"}
EXTRACTED = {  # kind -> (frame, name column, columns of target / realization / achievement)
    INDICATOR: ("indicators", "indicator_name", ("target_value", "realization_value", "achievement_pct_reported")),
    BUDGET: ("budget_lines", "line_name", ("budget_idr", "realization_idr", "absorption_pct_reported")),
}
TOTAL_WORDS = {"", "jumlah", "total", "jumlah total", "grand total", "total keseluruhan", "jumlah keseluruhan",
               "jumlah belanja", "total belanja"}
_LEADING = re.compile(r"^(?:[•·\-–*]+|\(?\d{1,3}(?:\s*[.\-]\s*\d{1,3})*[.)]?|\(?[a-z][.)]|[ivx]{1,5}[.)])\s+")
_TRAILING = re.compile(r"[\s*¹²³⁴⁵⁶⁷⁸⁹⁰†.,:;]+$")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def norm_name(text) -> str:
    text = " ".join(str(text or "").replace("<i>", " ").replace("</i>", " ").split()).lower()
    previous = None
    while previous != text:
        previous, text = text, _LEADING.sub("", text).strip()
    return _TRAILING.sub("", text)


def _number(value) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


@dataclass
class Fact:
    kind: str
    name: str          # normalised
    page: int | None
    values: tuple      # target, realization, achievement (None = empty)
    level: str | None = None
    year: int | None = None
    label: dict = field(default_factory=dict)   # the CSV row (labels only)
    expected: bool = True                       # labels: counted in recall
    own: bool = True                            # labels: of the set scored (else of the other set)
    index: int = 0                              # extracted facts: position in its list


# ---------------------------------------------------------------- the labelled set


def truth_files(truth_dir: Path = TRUTH_DIR) -> list[Path]:
    """The labelled-fact CSVs (a `kind` column); indicator_names.csv and the like are left out."""
    out = []
    for path in sorted(Path(truth_dir).glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            header = next(csv.reader(fh), [])
        if {"file", "kind", "name", "target"} <= set(header):
            out.append(path)
    return out


def load_labels(path: Path) -> list[Fact]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        if row["kind"] not in KINDS:
            continue
        values = tuple(_number(row[f]) for f in FIELDS)
        expected = row["level"] != "other" and any(v is not None for v in values)
        out.append(Fact(row["kind"], norm_name(row["name"]), int(row["page"]) if row["page"] else None, values,
                        row["level"], int(row["fiscal_year"]) if row["fiscal_year"] else None, row, expected))
    return out


def label_sets() -> list[Path]:
    """The folders of labels, oldest first: bench/truth and each later round below it (heldout, heldout2)."""
    return [TRUTH_DIR] + sorted(d for d in TRUTH_DIR.iterdir() if d.is_dir() and truth_files(d))


def other_set_labels(path: Path) -> list[Fact]:
    """The same PDF's labels in the other sets (another round labelled other tables), as neutral labels."""
    path = Path(path).resolve()
    others = [d / path.name for d in label_sets() if d.resolve() != path.parent]
    return [replace(lab, expected=False, own=False) for other in others if other.is_file()
            for lab in load_labels(other)]


def pdf_name(path: Path) -> str:
    return Path(path).stem + ".pdf"


# ---------------------------------------------------------------- extracted facts


def extracted_facts(record: dict, frames: dict, kind: str) -> list[Fact]:
    frame_name, name_col, value_cols = EXTRACTED[kind]
    frame = frames.get(frame_name)
    if frame is None or frame.empty:
        return []
    out = []
    for i, row in enumerate(frame.to_dict("records")):
        year = _number(row.get("fiscal_year"))
        year = int(year) if year is not None else record.get("fiscal_year")
        page = _number(row.get("source_page"))
        out.append(Fact(kind, norm_name(row.get(name_col)), int(page) if page is not None else None,
                        tuple(_number(row.get(c)) for c in value_cols), row.get("level"), year, index=i))
    return out


# ---------------------------------------------------------------- matching


def same_values(label: Fact, got: Fact) -> bool:
    for i, (want, have) in enumerate(zip(label.values, got.values)):
        if want is None:
            continue
        if have is None:
            return False
        rupiah = label.kind == BUDGET and i < 2
        if rupiah and abs(want - have) > 0.005:
            return False
        if not rupiah and not math.isclose(want, have, rel_tol=0.01, abs_tol=1e-9):
            return False
    return True


def _near(label: Fact, got: Fact, pages: int = 1) -> bool:
    return label.page is None or got.page is None or abs(label.page - got.page) <= pages


def _distance(label: Fact, got: Fact) -> int:
    return abs(label.page - got.page) if label.page is not None and got.page is not None else 999


def _fuzzy(label: Fact, got: Fact) -> float:
    if not label.name:
        return 1.0 if got.level == "total" or got.name in TOTAL_WORDS else 0.0
    matcher = SequenceMatcher(None, label.name, got.name, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= FUZZY_MIN else 0.0


def match(labels: list[Fact], extracted: list[Fact]) -> dict[int, int]:
    """{label position: extracted position}, one to one: exact names (nearest pages first), then
    fuzzy names on page +-1 (best ratio first); expected labels pick, by both rules, before excluded
    ones (another round's label of the same indicator on another page must not take its fact)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_name: dict[str, list[Fact]] = {}
    for got in extracted:
        by_name.setdefault(got.name, []).append(got)
    for tier in (True, False):
        order = [i for i in range(len(labels)) if labels[i].expected is tier]
        _match_exact(labels, order, by_name, pairs, used)
        _match_fuzzy(labels, order, extracted, pairs, used)
    return pairs


def _match_exact(labels, order, by_name, pairs, used) -> None:
    """Nearest pages first over all labels, not label by label: a fact printed on two pages (an achievement
    table, a summary) pairs with the label of its own page, whichever label comes first in the file."""
    candidates = sorted((_distance(labels[i], g), i, g.index) for i in order if labels[i].name
                        for g in by_name.get(labels[i].name, []) if g.index not in used and same_values(labels[i], g))
    for _, i, index in candidates:
        if i not in pairs and index not in used:
            pairs[i] = index
            used.add(index)


def _match_fuzzy(labels, order, extracted, pairs, used) -> None:
    for i in order:
        if i in pairs:
            continue
        label = labels[i]
        scored = [(_fuzzy(label, g), -_distance(label, g), -g.index, g) for g in extracted
                  if g.index not in used and _near(label, g) and same_values(label, g)]
        scored = [s for s in scored if s[0] >= FUZZY_MIN]
        if scored:
            best = max(scored, key=lambda s: s[:3])[3]
            pairs[i] = best.index
            used.add(best.index)


# ---------------------------------------------------------------- ceiling


def cell_digits_by_page(cells) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    if cells is None or cells.empty:
        return out
    for page, text in zip(cells.page, cells.text):
        out.setdefault(int(page), set()).update(_DIGITS.findall(str(text or "")))
    return out


def printed_digits(label: Fact) -> set[str]:
    out: set[str] = set()
    for f, value in zip(FIELDS, label.values):
        if value is not None:
            out.update(_DIGITS.findall(label.label.get(PRINTED[f]) or ""))
    return out


def in_cells(label: Fact, digits_by_page: dict[int, set[str]]) -> bool:
    want = printed_digits(label)
    pages = [label.page - 1, label.page, label.page + 1] if label.page is not None else list(digits_by_page)
    have = set().union(*(digits_by_page.get(p, set()) for p in pages))
    return bool(want) and want <= have


# ---------------------------------------------------------------- scoring


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def plan_facts(frames: dict) -> list[Fact]:
    """The year targets of multi-year plan tables (plan_targets: fct_plan_target), one per indicator and year
    (the end-of-period target left out)."""
    frame = frames.get("plan_targets")
    if frame is None or frame.empty:
        return []
    return [Fact(INDICATOR, norm_name(row.get("indicator_name")), int(row["source_page"]),
                 (_number(row.get("target_value")), None, None), row.get("level"), int(row["target_year"]), index=i)
            for i, row in enumerate(frame.to_dict("records"))
            if _number(row.get("target_year")) is not None and row.get("is_end_target") is not True]


def _target_only(label: Fact) -> bool:
    return label.values[0] is not None and label.values[1] is None and label.values[2] is None


def found_in_plans(labels: list[Fact], plans: list[Fact]) -> int:
    """Of the labels given (missed target-only indicator facts), how many the plan targets hold: the same name
    (exact, else fuzzy on page +-1), year and target. Reported beside recall, not in it: a plan's target is
    a fact of fct_plan_target, not of fct_performance_indicator."""
    used: set[int] = set()
    found = 0
    for label in labels:
        same_year = [p for p in plans if p.year == label.year and p.index not in used]
        pairs = match([label], same_year)
        if pairs:
            used.add(pairs[0])
            found += 1
    return found


def score_kind(labels: list[Fact], extracted: list[Fact], digits_by_page: dict, doc_year,
               all_pages: bool = False, plans: list[Fact] | None = None) -> dict:
    """Recall, precision, ceiling and the split of the losses for one kind of one document."""
    pairs = match(labels, extracted)
    expected = [i for i, lab in enumerate(labels) if lab.expected]
    found = [i for i in expected if i in pairs]
    ceiling = {i for i in expected if in_cells(labels[i], digits_by_page)}
    pages = {lab.page for lab in labels if lab.page is not None and lab.own}
    on_pages = [g for g in extracted if all_pages or g.page in pages]
    neutral = {pairs[i] for i, lab in enumerate(labels) if not lab.expected and i in pairs}
    right = {pairs[i] for i in found}
    judged = [g for g in on_pages if g.index not in neutral and any(v is not None for v in g.values)]
    level_ok = sum(1 for i in found if labels[i].level == extracted[pairs[i]].level)
    year_ok = sum(1 for i in found if (extracted[pairs[i]].year or doc_year) == labels[i].year)
    missing = [i for i in expected if i not in pairs]
    target_only = [labels[i] for i in missing if _target_only(labels[i])]
    return {
        "expected": len(expected), "found": len(found), "recall": _share(len(found), len(expected)),
        "judged": len(judged), "right": sum(1 for g in judged if g.index in right),
        "precision": _share(sum(1 for g in judged if g.index in right), len(judged)),
        "excluded_labels": sum(1 for lab in labels if lab.own) - len(expected), "matched_excluded": len(neutral),
        "in_cells": len(ceiling), "ceiling": _share(len(ceiling), len(expected)),
        "lost_finding_cells": sum(1 for i in missing if i not in ceiling),
        "lost_reading_cells": sum(1 for i in missing if i in ceiling),
        "level_ok": level_ok, "year_ok": year_ok,
        "missed_target_only": len(target_only), "missed_in_plans": found_in_plans(target_only, plans or []),
        "examples_missing": [_show(labels[i]) for i in missing[:3]],
        "examples_wrong": [_show(g) for g in judged if g.index not in right][:3],
    }


def _show(fact: Fact) -> list:
    return [fact.page, fact.level, fact.name[:80], *fact.values]


def score_document(labels: list[Fact], extracted) -> dict:
    """extracted: a bench.cache.Extracted. Per kind scores plus the document's region and year."""
    record, frames = extracted.record, extracted.frames
    digits = cell_digits_by_page(frames.get("cells"))
    declared_empty = not any(lab.own for lab in labels)
    region = next((lab.label.get("region_code") for lab in labels if lab.own), None)
    out = {"status": record.get("status"), "status_reason": record.get("status_reason"),
           "region_code": record.get("region_code"), "fiscal_year": record.get("fiscal_year"),
           "region_ok": (record.get("region_code") == region) if region else None, "kinds": {}}
    for kind in KINDS:
        kind_labels = [lab for lab in labels if lab.kind == kind]
        got = extracted_facts(record, frames, kind)
        if any(lab.own for lab in kind_labels) or declared_empty:
            doc_year = record.get("fiscal_year")
            plans = plan_facts(frames) if kind == INDICATOR else None
            out["kinds"][kind] = score_kind(kind_labels, got, digits, doc_year, all_pages=declared_empty,
                                            plans=plans)
            if kind == INDICATOR:
                # A target that both marts hold (the Renstra column of an achievement table) is one fact.
                held = {(g.name, g.page, g.year, g.values[0]) for g in got}
                extra = [p for p in plans if (p.name, p.page, p.year, p.values[0]) not in held]
                with_plans = got + [replace(p, index=len(got) + i) for i, p in enumerate(extra)]
                out[WITH_PLANS] = score_kind(kind_labels, with_plans, digits, doc_year, all_pages=declared_empty)
    return out


def summarize(documents: dict[str, dict]) -> dict:
    """Totals over documents (sums, then shares) and per-document means, per kind and for the ceiling."""
    total: dict = {}
    for kind in KINDS:
        scores = [d["kinds"][kind] for d in documents.values() if kind in d["kinds"]]
        sums = {k: sum(s[k] for s in scores) for k in ("expected", "found", "judged", "right", "in_cells",
                                                        "lost_finding_cells", "lost_reading_cells",
                                                        "level_ok", "year_ok", "missed_target_only",
                                                        "missed_in_plans")}
        total[kind] = {**sums, "recall": _share(sums["found"], sums["expected"]),
                       "precision": _share(sums["right"], sums["judged"]),
                       "ceiling": _share(sums["in_cells"], sums["expected"]),
                       "mean_recall": _mean(s["recall"] for s in scores),
                       "mean_precision": _mean(s["precision"] for s in scores),
                       "mean_ceiling": _mean(s["ceiling"] for s in scores)}
    scores = [d[WITH_PLANS] for d in documents.values() if WITH_PLANS in d]
    sums = {k: sum(s[k] for s in scores) for k in ("expected", "found", "judged", "right")}
    total[WITH_PLANS] = {**sums, "recall": _share(sums["found"], sums["expected"]),
                         "precision": _share(sums["right"], sums["judged"]),
                         "mean_recall": _mean(s["recall"] for s in scores),
                         "mean_precision": _mean(s["precision"] for s in scores)}
    both = [d["kinds"].get(k, {}) for d in documents.values() for k in KINDS]
    expected = sum(s.get("expected", 0) for s in both)
    total["all"] = {"expected": expected, "found": sum(s.get("found", 0) for s in both),
                    "ceiling": _share(sum(s.get("in_cells", 0) for s in both), expected),
                    "mean_ceiling": _mean(doc_ceiling(d) for d in documents.values())}
    return total


def doc_ceiling(document: dict) -> float | None:
    expected = sum(s["expected"] for s in document["kinds"].values())
    return _share(sum(s["in_cells"] for s in document["kinds"].values()), expected)


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


# ---------------------------------------------------------------- running and reporting


def select_files(names: list[str] | None, limit: int | None, truth_dir: Path = TRUTH_DIR) -> list[Path]:
    """Labelled files whose name contains one of names (all when None), the first `limit` of them."""
    files = [p for p in truth_files(truth_dir) if not names or any(n in p.stem for n in names)]
    return files[:limit] if limit else files


def run_truth(files: list[Path], corpus: Path, cache, jobs: int, log) -> dict:
    """Extract (cached) and score every labelled document whose PDF is in the corpus folder."""
    from concurrent.futures import ThreadPoolExecutor

    out: dict = {"documents": {}, "missing_pdfs": [], "rule": __doc__,
                 "truth_dir": str(files[0].parent) if files else str(TRUTH_DIR)}
    present = []
    for path in files:
        pdf = Path(corpus) / pdf_name(path)
        (present if pdf.is_file() else out["missing_pdfs"]).append((path, pdf))
    out["missing_pdfs"] = [str(pdf) for _, pdf in out["missing_pdfs"]]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [(path, pdf, pool.submit(cache.extract, pdf)) for path, pdf in present]
        for path, pdf, future in futures:
            extracted = future.result()
            log(f"  truth {pdf.name}: {extracted.record.get('status')}{' (cached)' if extracted.cached else ''}")
            out["documents"][pdf.name] = score_document(load_labels(path) + other_set_labels(path), extracted)
            out["documents"][pdf.name]["document_id"] = extracted.document_id
    out["total"] = summarize(out["documents"])
    return out


def _pair(s: dict | None, key: str):
    return None if s is None else s[key]


def truth_rows(truth: dict) -> list[list]:
    rows = []
    for name, d in truth["documents"].items():
        ind, bud = d["kinds"].get(INDICATOR), d["kinds"].get(BUDGET)
        lost = [sum(s[k] for s in d["kinds"].values()) for k in ("lost_finding_cells", "lost_reading_cells")]
        found = [s for s in d["kinds"].values() if s["found"]]
        rows.append([name[:-4], d["status"], _pair(ind, "expected"), _pair(ind, "recall"), _pair(ind, "precision"),
                     _pair(bud, "expected"), _pair(bud, "recall"), _pair(bud, "precision"), doc_ceiling(d),
                     f"{lost[0]}/{lost[1]}",
                     _share(sum(s["level_ok"] for s in found), sum(s["found"] for s in found)),
                     _share(sum(s["year_ok"] for s in found), sum(s["found"] for s in found)),
                     {True: "ok", False: f"WRONG {d['region_code']}", None: "-"}[d["region_ok"]]])
    t = truth["total"]
    lost = f"{t[INDICATOR]['lost_finding_cells'] + t[BUDGET]['lost_finding_cells']}/" \
           f"{t[INDICATOR]['lost_reading_cells'] + t[BUDGET]['lost_reading_cells']}"
    found = t[INDICATOR]["found"] + t[BUDGET]["found"]
    rows.append(["TOTAL (all facts)", "", t[INDICATOR]["expected"], t[INDICATOR]["recall"], t[INDICATOR]["precision"],
                 t[BUDGET]["expected"], t[BUDGET]["recall"], t[BUDGET]["precision"], t["all"]["ceiling"], lost,
                 _share(t[INDICATOR]["level_ok"] + t[BUDGET]["level_ok"], found),
                 _share(t[INDICATOR]["year_ok"] + t[BUDGET]["year_ok"], found), ""])
    rows.append(["MEAN per document", "", "", t[INDICATOR]["mean_recall"], t[INDICATOR]["mean_precision"], "",
                 t[BUDGET]["mean_recall"], t[BUDGET]["mean_precision"], t["all"]["mean_ceiling"], "", "", "", ""])
    return rows


def report_truth(truth: dict, print_table, out=print) -> None:
    where = Path(truth.get("truth_dir") or TRUTH_DIR)
    where = where.relative_to(TRUTH_DIR.parent.parent) if where.is_relative_to(TRUTH_DIR.parent.parent) else where
    out(f"## Labelled corpus documents ({where}): found = same name (exact, else fuzzy on page +-1) and numbers")
    print_table(["document", "status", "ind n", "ind R", "ind P", "bud n", "bud R", "bud P", "ceiling",
                 "lost cells/reading", "level ok", "year ok", "region"], truth_rows(truth), out)
    out("ceiling = share of labelled facts whose printed numbers are all in the raw cells (page +-1); "
        "lost cells/reading = missed facts outside / inside the ceiling")
    ind, plans = truth["total"][INDICATOR], truth["total"].get(WITH_PLANS)
    if ind.get("missed_target_only"):
        out(f"missed indicator facts with a target alone: {ind['missed_target_only']}; of them in the plan targets "
            f"(fct_plan_target: same name, year and target, not counted in recall): {ind['missed_in_plans']}")
    if plans and plans["expected"]:
        out(f"indicator facts with the plan targets (fct_performance_indicator and fct_plan_target's year targets, "
            f"both judged): recall {fmt(plans['recall'])}, precision {fmt(plans['precision'])} "
            f"({plans['found']}/{plans['expected']} found, {plans['right']}/{plans['judged']} right; per document "
            f"{fmt(plans['mean_recall'])} / {fmt(plans['mean_precision'])})")
    for pdf in truth["missing_pdfs"]:
        out(f"missing PDF: {pdf}")
