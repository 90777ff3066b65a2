"""Indicator catalog matching measured on the labelled names (bench/truth/indicator_names.csv).

Each row is a name as printed in a seed report or a corpus page with its catalog code or 'none'. The
matcher (extract/warehouse/indicator_match.py) sees the printed name, and its printed unit when the file has a
`unit` column (the labelled set has none); not the agency's urusan, and not the analyst's overrides seed.
  precision = names matched to their labelled code / names matched to any code;
  recall    = names matched to their labelled code / names labelled with a code.
A 'none' name matched to a code is a wrong match; a labelled name left unmatched is a miss.

Usage: python -m bench.matching [--truth FILE] [--worst N]
"""
from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extract.warehouse.indicator_match import match

TRUTH = Path(__file__).resolve().parent / "truth" / "indicator_names.csv"


@dataclass
class Score:
    labelled: int = 0   # names with a catalog code
    matched: int = 0    # names the matcher gave a code
    correct: int = 0    # ... the labelled one

    @property
    def precision(self) -> float:
        return self.correct / self.matched if self.matched else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    def add(self, expected: str | None, found: str | None) -> None:
        self.labelled += expected is not None
        self.matched += found is not None
        self.correct += found is not None and found == expected


def read_truth(path: Path = TRUTH) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def evaluate(rows: list[dict[str, str]]) -> tuple[Score, dict[str, Score], list[tuple]]:
    """Overall score, score per source file, and (name, file, expected, found, score) of every error."""
    overall, per_file, errors = Score(), defaultdict(Score), []
    for row in rows:
        expected = None if row["indicator_code"] == "none" else row["indicator_code"]
        m = match(row["name_printed"], row.get("unit") or None)
        overall.add(expected, m.indicator_code)
        per_file[row["source_file"]].add(expected, m.indicator_code)
        if m.indicator_code != expected:
            errors.append((row["name_printed"], row["source_file"], expected, m.indicator_code, m.score))
    return overall, dict(per_file), errors


def report(overall: Score, per_file: dict[str, Score], errors: list[tuple], worst: int) -> str:
    lines = [f"overall: precision {overall.precision:.1%} ({overall.correct}/{overall.matched}), "
             f"recall {overall.recall:.1%} ({overall.correct}/{overall.labelled})", "", "per source file:"]
    for name, s in sorted(per_file.items(), key=lambda kv: (min(kv[1].recall, kv[1].precision), kv[0])):
        lines.append(f"  {name:62s} precision {s.precision:6.1%}  recall {s.recall:6.1%}  "
                     f"({s.labelled} labelled, {s.matched} matched, {s.matched - s.correct} wrong)")
    misses = sorted((e for e in errors if e[3] is None), key=lambda e: -e[4])
    wrong = sorted((e for e in errors if e[3] is not None), key=lambda e: -e[4])
    lines += ["", f"worst misses ({len(misses)}): labelled, not matched"]
    lines += [f"  {e[4]:.3f}  {e[0]!r} [{e[1]}] expected {e[2]}" for e in misses[:worst]]
    lines += ["", f"wrong matches ({len(wrong)}): matched to another code"]
    lines += [f"  {e[4]:.3f}  {e[0]!r} [{e[1]}] expected {e[2] or 'none'}, got {e[3]}" for e in wrong[:worst]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--truth", type=Path, default=TRUTH, help="labelled names (CSV: name_printed, source_file, "
                    "page, indicator_code, notes)")
    ap.add_argument("--worst", type=int, default=15, help="how many misses and wrong matches to print")
    args = ap.parse_args(argv)
    print(report(*evaluate(read_truth(args.truth)), args.worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
