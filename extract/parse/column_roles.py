"""Which column of a recognised table plays which role: the numbering, goal, indicator, unit and the
target / realisasi / capaian columns grouped by year of an indicator table (`IndicatorColumns`); the
name, budget, realisation, absorption and level columns of a budget table (`BudgetColumns`).
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field

from extract.parse.labels import (
    BUDGET_LABEL_RE,
    BUDGET_NAME_RE,
    REMAINDER_RE,
    SPENT_LABEL_RE,
    YEAR_RE,
    column_multiplier,
    is_budget_label,
    is_other_body_label,
    is_percent_label,
    is_performance_label,
    year_in,
)


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
class YearAmounts:
    """The budget, realisasi and % columns of one year in a budget table of several years."""

    year: int
    budget: int | None = None
    realization: int | None = None
    absorption: int | None = None


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
    # columns of performance beside the money ("Capaian Sasaran (%)", a "Kinerja" group): no amount of a line
    performance: list[int] = field(default_factory=list)
    # the level above program the name column names ("Sasaran Strategis/ Program"): a line headed by
    # it lists its programs below its name in the same cell
    heading_level: str | None = None
    # the unlabelled columns right of the name column: one printed column a ruled reader cut in
    # several on some pages, the name in whichever of them
    name_span: list[int] = field(default_factory=list)
    # a name column per level ('Program | Kegiatan | Sub Kegiatan', or 'Uraian' under each level's group):
    # level -> column; `line_level` is the level the table's amounts belong to (budget.py `at_line_level`)
    line_levels: dict[str, int] = field(default_factory=dict)
    line_level: str | None = None
    # amount columns grouped by the year their label names (a Renstra's past funding: 'Anggaran 2017 | 2018 |
    # Realisasi 2017 | 2018 | % 2017 | 2018'): the table is read once per year (`for_year`)
    years: list[YearAmounts] = field(default_factory=list)
    year: int | None = None  # the year whose columns these roles read


def indicator_columns(labels: list[str], targets_only: bool = False) -> IndicatorColumns:
    """Map indicator-table columns to roles; target/realisasi/capaian grouped by year.
    With targets_only (agreement tables), a group of a target alone is kept."""
    roles = IndicatorColumns()
    groups: list[ValueGroup] = []
    goals: list[int] = []  # goal columns left of the indicators, or before any
    merged: set[int] = set()  # value columns of a group whose roles one header cell names
    before: list[int] = []  # realisasi columns no target before them took
    for col, label in enumerate(labels):
        if _is_number_label(label) and roles.number is None:
            roles.number = col
        elif "indikator" in label and roles.indicator is None:
            roles.indicator = col
        elif _is_goal_label(label) and (roles.goal is None or roles.indicator is None):
            goals.append(col)
            roles.goal = col  # the nearest left of the indicators ('Tujuan | Sasaran | Indikator': the sasaran)
        elif "satuan" in label:
            roles.unit = col
        elif _is_category_label(label):
            roles.category = col
        elif is_budget_label(label) or _is_plan_label(label):
            continue
        elif col in merged:
            continue
        elif "target" in label:
            groups.append(_merged_roles(labels, col) or ValueGroup(target=col, year=year_in(label)))
            merged.update(groups[-1].columns())
        elif "realisasi" in label and groups and groups[-1].realization is None and not SHARE_REALIZED_RE.match(label):
            groups[-1].realization = col
            groups[-1].year = groups[-1].year or year_in(label)
        elif _is_achievement_label(label) and groups and groups[-1].achievement is None:
            groups[-1].achievement = col
        elif "realisasi" in label:
            before.append(col)
    if roles.indicator is not None and (named := _indicator_level(labels[roles.indicator])):
        # 'Tujuan | Sasaran | Indikator Tujuan': the indicators measure the goal their label names
        roles.goal = next((c for c in goals if named in labels[c]), roles.goal)
    _realisasi_before_target(groups, before, labels)
    # a year of the plan's target alone is kept where the years are read from the labels (_year_groups)
    roles.groups = _year_groups(labels, roles, groups) or \
        [g for g in groups if targets_only or g.realization is not None or g.achievement is not None]
    if roles.indicator is None and roles.groups:
        roles.indicator = _unnamed_indicator_column(labels, roles)
    return roles


def _unnamed_indicator_column(labels: list[str], roles: IndicatorColumns) -> int | None:
    """No column says 'indikator' ('Parameter | Target | Realisasi Kinerja | Capaian Kinerja'): the names are
    the nearest labelled column left of the values that plays no other role."""
    first_value = min(c for g in roles.groups for c in g.columns())
    taken = {roles.number, roles.unit, roles.category, roles.goal}
    for col in range(first_value - 1, -1, -1):
        if col not in taken and labels[col] and not is_budget_label(labels[col]) and not _is_plan_label(labels[col]):
            return col
    return None


def _realisasi_before_target(groups: list[ValueGroup], before: list[int], labels: list[str]) -> None:
    """A realisasi printed right before the target it is read against ("Realisasi 2021 | Target
    Renstra"): the two are one group whatever their order, unless the target names another year
    (then the years are compared: _year_groups)."""
    for group in groups:
        col = group.target - 1 if group.target is not None else None
        if group.realization is not None or col not in before:
            continue
        year = year_in(labels[col])
        if None in (year, group.year) or year == group.year:
            group.realization, group.year = col, group.year or year


def _role_key(label: str) -> str | None:
    if "target" in label:
        return "target"
    if "realisasi" in label and not SHARE_REALIZED_RE.match(label):
        return "realization"
    return "achievement" if _is_achievement_label(label) else None


# "% Realisasi", "Persentase Realisasi": the share of the target realised, the capaian; not "Realisasi (%)",
# a realisasi printed in percent.
SHARE_REALIZED_RE = re.compile(r"^(?:.*\s)?(?:%|persentase|prosentase)\s*realisasi\b")


def _is_achievement_label(label: str) -> bool:
    return "capaian" in label or label.strip() in {"%", "(%)"} or bool(SHARE_REALIZED_RE.match(label))


def _year_groups(labels: list[str], roles: IndicatorColumns, groups: list[ValueGroup]) -> list[ValueGroup] | None:
    """Value columns grouped by the year each label names, where reading them in order left some out:
    a table comparing years prints a realisasi without a target ("Realisasi 2015 | Realisasi 2016 |
    Capaian"), its roles over the years ("Realisasi 2015 | 2016 | Target 2016 | 2018") or the realisasi
    alone ("Realisasi 2021 | Realisasi 2020": each year's realisasi is a fact of that year). The year is
    the label's last (the sub-column's: "% Capaian 2015 thadap RPJMD 2018" is of 2018); a capaian
    naming none belongs to the column before it. None when a year prints a role twice or a target or
    realisasi names no year."""
    taken = {getattr(roles, k) for k in ("number", "indicator", "goal", "unit", "category")}
    taken |= {c for g in groups for c in g.columns()}
    values = [c for c, label in enumerate(labels) if c not in taken and _role_key(label)
              and not is_budget_label(label) and not _is_plan_label(label)
              and not (is_other_body_label(label) and not year_in(label))]  # another body's, beside
    if not values:
        return None
    by_year: dict[int, ValueGroup] = {}
    last = None
    for col in sorted(values + [c for g in groups for c in g.columns()]):
        key, years = _role_key(labels[col]), YEAR_RE.findall(labels[col])
        if not years and (key != "achievement" or last is None):
            return None
        group = by_year.setdefault(int(years[-1]), ValueGroup(year=int(years[-1]))) if years else last
        if getattr(group, key) is not None:
            return None
        setattr(group, key, col)
        last = group
    if not any(g.target is not None or g.achievement is not None for g in by_year.values()) and \
            not _realisasi_alone(labels, list(by_year.values())):
        return None
    return _against_other_year(list(by_year.values()))


def _realisasi_alone(labels: list[str], groups: list[ValueGroup]) -> bool:
    """Realisasi of named years and no other role, not even the plan's end target or a capaian against
    it: this body's years compared, each a fact of its year. Not another body's ("Realisasi Nasional
    2021"), nor a realisasi read against the plan ("Realisasi s.d. 2024 | Target Akhir Renstra | Capaian
    terhadap Renstra": its target is not the year's)."""
    if any("target" in label or "capaian" in label for label in labels):
        return False
    return not any(is_other_body_label(labels[g.realization]) for g in groups)


def _against_other_year(groups: list[ValueGroup]) -> list[ValueGroup]:
    """No year prints both a target and a realisasi, one prints only a realisasi and one only a target
    ("Realisasi 2016 | Target 2018 | Capaian"): the capaian measures that realisasi against that target,
    one reading of the realisasi's year."""
    if any(g.target is not None and g.realization is not None for g in groups):
        return groups
    actual = [g for g in groups if g.realization is not None]
    planned = [g for g in groups if g.target is not None]
    if len(actual) != 1 or len(planned) != 1:
        return groups
    reading, plan = actual[0], planned[0]
    if reading.achievement is not None and plan.achievement is not None:
        return groups
    merged = ValueGroup(target=plan.target, realization=reading.realization,
                        achievement=reading.achievement if reading.achievement is not None else plan.achievement,
                        year=reading.year)
    return [merged if g is reading else g for g in groups if g is not plan]


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


GOAL_LEVELS = ("tujuan", "sasaran", "program", "kegiatan", "sub kegiatan")  # highest first
# a label is searched for the lower levels first: 'sub kegiatan' holds 'kegiatan'
LEVELS_LOW_FIRST = tuple(reversed(GOAL_LEVELS))


def _indicator_level(label: str) -> str | None:
    """The level an indicator column's label names ('Indikator Sasaran' -> 'sasaran'), as printed."""
    rest = label.replace("indikator", "") if "indikator" in label else ""
    return next((level for level in LEVELS_LOW_FIRST if level in rest), None)


def goal_level(labels: list[str]) -> str:
    """The level of the indicators: what the indicator label or the goal column names (program, sasaran, ...)."""
    for label in labels:
        if (level := _indicator_level(label)):
            return level.replace(" ", "_")
    # else the goal column nearest left of the indicators ('Tujuan | Sasaran | Indikator': the sasaran's)
    at = next((col for col, label in enumerate(labels) if "indikator" in label), len(labels))
    for label in [*reversed(labels[:at]), *labels[at:]]:
        for level in LEVELS_LOW_FIRST:
            if level in label and "indikator" not in label:
                return level.replace(" ", "_")
    return "sasaran"


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
            roles.heading_level = "sasaran" if "sasaran" in label else None
        elif "fisik" in label:
            roles.physical = col if roles.physical is None else roles.physical
        elif is_performance_label(label):
            roles.performance.append(col)
        elif REMAINDER_RE.search(label):
            continue
        elif SPENT_LABEL_RE.search(label) and not is_percent_label(label) and roles.realization is None:
            roles.realization = col
        elif BUDGET_LABEL_RE.search(label) and not is_percent_label(label):
            budgets.append(col)
        elif is_percent_label(label) and roles.absorption is None:
            roles.absorption = col
    if not roles.level_columns and len(named := _named_levels(budgets, labels)) >= 2:
        roles.level_columns = named
        budgets = [c for c in budgets if c not in named.values()]
    roles.realization = roles.realization if roles.realization is not None else _unit_only(labels, roles, budgets)
    roles.line_levels = _line_level_columns(labels)
    if roles.name is not None:
        roles.name_span = list(itertools.takewhile(lambda c: not labels[c].strip(), range(roles.name + 1, len(labels))))
    roles.budget = _final_budget(budgets, labels)
    roles.other_amounts = [c for c in budgets if c != roles.budget]
    if roles.budget is None and roles.level_columns:
        roles.budget = min(roles.level_columns.values())
    roles.years = _year_amounts(labels)
    return _with_multipliers(roles, labels, table_multiplier)


def _with_multipliers(roles: BudgetColumns, labels: list[str], table_multiplier: int) -> BudgetColumns:
    multipliers = [column_multiplier(label, table_multiplier) for label in labels]
    roles.budget_multiplier = multipliers[roles.budget] if roles.budget is not None else table_multiplier
    roles.realization_multiplier = multipliers[roles.realization] if roles.realization is not None \
        else table_multiplier
    return roles


def _year_amounts(labels: list[str]) -> list[YearAmounts]:
    """Amount columns grouped by the year each label names, when two or more years have money of their own
    (indicator tables group their values by year the same way: `_year_groups`). Empty when a year would hold
    two columns of one role: that is one year's original and revised budget, not a table of years."""
    by_year: dict[int, YearAmounts] = {}
    for col, label in enumerate(labels):
        year = year_in(label)
        key = "absorption" if is_percent_label(label) else "realization" if SPENT_LABEL_RE.search(label) \
            else "budget" if BUDGET_LABEL_RE.search(label) else None
        if year is None or key is None:
            continue
        group = by_year.setdefault(year, YearAmounts(year))
        if getattr(group, key) is not None:
            return []
        setattr(group, key, col)
    groups = [g for g in by_year.values() if g.budget is not None or g.realization is not None]
    return groups if len(groups) >= 2 else []


def for_year(roles: BudgetColumns, group: YearAmounts, labels: list[str], table_multiplier: int) -> BudgetColumns:
    """The roles reading one year's columns of a budget table of several years."""
    one = dataclasses.replace(roles, budget=group.budget, realization=group.realization,
                              absorption=group.absorption, other_amounts=[], years=[], year=group.year)
    return _with_multipliers(one, labels, table_multiplier)


# "per sub-kegiatan" before "per kegiatan"; "per paket" / "per pekerjaan" is below a budget line
LEVEL_WORD = r"(program|sub\s*-?\s*kegiatan|kegiatan|paket|pekerjaan)"
PER_LEVEL_RE = re.compile(rf"\bper\s+{LEVEL_WORD}\b")
LEVEL_WORD_RE = re.compile(rf"\b{LEVEL_WORD}\b")


def _per_level(label: str) -> str | None:
    """The level of a per-level budget column ("Anggaran per Sub-Kegiatan" -> sub_kegiatan)."""
    match = PER_LEVEL_RE.search(label)
    if not match or SPENT_LABEL_RE.search(label):
        return None
    return _level_of(match.group(1))


def name_column_level(labels: list[str], roles: BudgetColumns) -> str | None:
    """The level the name column's label names alone ('Program | Anggaran | Keterangan': program), where the
    table has no column per level. A header printed from above the numbering column leaves its first word
    there ('Sub' | 'Kegiatan'): read with it first."""
    if roles.name is None or roles.name >= len(labels) or roles.line_levels or roles.level_columns:
        return None
    label = labels[roles.name].strip()
    for text in (f"{labels[roles.name - 1].strip()} {label}" if roles.name else label, label):
        if (match := LINE_LEVEL_LABEL_RE.fullmatch(text)):
            return _level_of(match.group(1))
    return None


def _level_of(word: str) -> str:
    return "paket" if word in ("paket", "pekerjaan") else "sub_kegiatan" if word.startswith("sub") else word


def _named_levels(budgets: list[int], labels: list[str]) -> dict[str, int]:
    """Budget columns that each name a different level without "per" ("Anggaran Paket | Anggaran
    Sub-Kegiatan | Anggaran Kegiatan | Anggaran Program"): a budget column per level, when every budget
    column names one and no two the same (two naming one level are its original and revised budget)."""
    found = {_level_of(m.group(1)): c for c in budgets if (m := LEVEL_WORD_RE.search(labels[c]))}
    return found if len(found) == len(budgets) else {}


# a line column named by its level alone, or by 'Uraian' under the level's group ('Kegiatan' / 'Uraian');
# 'Sub Sub Kegiatan' (the steps of a sub-kegiatan) names no level of a budget line
LINE_LEVEL_LABEL_RE = re.compile(r"(program|sub\s*-?\s*kegiatan|kegiatan)(\s+uraian)?")


def _line_level_columns(labels: list[str]) -> dict[str, int]:
    """Name columns of two or more levels side by side, each line's name in its level's column."""
    found: dict[str, int] = {}
    for col, label in enumerate(labels):
        if (match := LINE_LEVEL_LABEL_RE.fullmatch(label.strip())):
            found.setdefault(_level_of(match.group(1)), col)
    return found if len(found) >= 2 else {}


CURRENCY_LABEL_RE = re.compile(r"\(?(rupiah|rp\.?)\)?")


def _unit_only(labels: list[str], roles: BudgetColumns, budgets: list[int]) -> int | None:
    """An amount column labelled only by its currency ("Rupiah") right before the "%" column, right of
    the budget columns: the realisasi that % measures, its group label ("Realisasi Keuangan") unprinted
    over the pair. A budget is never labelled by its currency alone beside a %."""
    col = roles.absorption - 1 if roles.absorption else None
    first_budget = min([*budgets, *roles.level_columns.values()], default=None)
    if col is None or first_budget is None or col <= first_budget:
        return None
    return col if CURRENCY_LABEL_RE.fullmatch(labels[col].strip()) else None


def _final_budget(columns: list[int], labels: list[str]) -> int | None:
    """The revised budget when printed ("Perubahan", "Setelah Perubahan", "P-APBD"), else the first."""
    revised = [c for c in columns if re.search(r"perubahan|\bp-apbd\b", labels[c]) and "sebelum" not in labels[c]]
    return (revised or columns or [None])[0]


def _is_number_label(label: str) -> bool:
    return label.replace(" ", "").rstrip(".") in {"no", "nomor", "kode", "no urut"}


def _is_goal_label(label: str) -> bool:
    return any(w in label for w in ("sasaran", "tujuan", "program", "kegiatan"))


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
    return plan_end or _is_standard_target(label) or \
        any(w in label for w in ("target akhir", "akhir periode", "kondisi", "rumus", "formula", "sumber data"))


# The target a standard sets, beside the agency's own targets (a Renstra's 'Target SPM | Target IKK | Target
# Indikator Lainnya | Target Renstra Tahun ke- ...': the minimum service standard's, the key indicators')
STANDARD_TARGET_RE = re.compile(r"\b(spm|ikk|nasional|lainnya)\b")


def _is_standard_target(label: str) -> bool:
    return "target" in label and STANDARD_TARGET_RE.search(label) is not None and year_in(label) is None
