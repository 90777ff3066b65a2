"""The words of column labels that both a table's family and its column roles are read from: the names
of budget, spending, money and percentage columns, and the amount units printed in headers and captions.

Amount units ("(Rp 000)", "(juta)", "dalam ribuan rupiah") are exposed, not applied: per column by
`TableLayout.multipliers` / `BudgetColumns.budget_multiplier` and `realization_multiplier`, for the
whole table by `TableLayout.unit_multiplier` (from the caption). A parser multiplies the parsed
amount by them; percentages always get 1.
"""
from __future__ import annotations

import re


def normalize(text: str) -> str:
    return " ".join(text.split()).lower()


YEAR_RE = re.compile(r"\b(20\d\d)\b")


def year_in(label: str) -> int | None:
    match = YEAR_RE.search(label)
    return int(match.group(1)) if match else None


# Words of the sub-columns a group cell is printed over: value columns (target, realisasi, %,
# amounts in rupiah, years), never a name, unit or source column.
VALUE_LABEL_RE = re.compile(r"target|realisasi|capaian|%|anggaran|pagu|alokasi|fisik|keuangan|\brp\b|rupiah|"
                            r"\b(19|20)\d\d\b|\btw\b|triwulan|semester|sisa|serapan|\bspj\b|selisih|penetapan|"
                            r"perubahan|murni|nilai|jumlah")
# The two measures of an indicator's year: a cell naming one of them never heads a column whose own
# label names only the other (a "Target" over "Realisasi Tahun 2024" is the top line of its own label).
MEASURE_WORDS = ("target", "realisasi")


def names_other_measure(group: str, label: str) -> bool:
    """`group` names a measure and `label` names only another one."""
    in_group = {w for w in MEASURE_WORDS if w in group}
    in_label = {w for w in MEASURE_WORDS if w in label}
    return bool(in_group) and bool(in_label) and not in_group & in_label


# The column naming a budget line: a program / kegiatan, an account (uraian), or an agency (one row per
# perangkat daerah: "OPD", "SKPD", "Unit Kerja", "Organisasi").
AGENCY_NAME_RE = re.compile(r"\b(opd|skpd|perangkat daerah|unit kerja|satuan kerja|organisasi|instansi)\b")
BUDGET_NAME_RE = re.compile(rf"program|kegiatan|uraian|{AGENCY_NAME_RE.pattern}")
# The budget of a line, however it is called: anggaran, pagu, alokasi, DPA, penetapan / perubahan.
BUDGET_LABEL_RE = re.compile(r"anggaran|pagu|alokasi|\bdpa\b|penetapan|perubahan|\bapbd\b")
MONEY_LABEL_RE = re.compile(r"anggaran|pagu|alokasi|\bdpa\b|\brp\b|rupiah|keuangan|belanja|\bdana\b")
# Spending against it: realisasi (keuangan), serapan, SPJ; a remainder (sisa, selisih) is neither.
SPENT_LABEL_RE = re.compile(r"realisasi|serapan|penyerapan|\bspj\b")
REMAINDER_RE = re.compile(r"\bsisa\b|selisih|deviasi|efisiensi")
# A column of performance beside the money ("Capaian Sasaran (%)", a "Kinerja" group's Realisasi and
# Capaian): its realisasi and % are the indicator's, not the budget's.
PERFORMANCE_LABEL_RE = re.compile(r"\b(kinerja|sasaran|indikator)\b")
# A realisasi of a body other than the reporting one, printed beside its own to compare ("Realisasi
# Nasional", "Realisasi Provinsi", "Realisasi Daerah" of the other regions), or a standard's.
OTHER_BODY_RE = re.compile(r"\b(nasional|internasional|provinsi|propinsi|kabupaten|kab|kota|daerah|standar|lain)\b")


def is_other_body_label(label: str) -> bool:
    return "realisasi" in label and OTHER_BODY_RE.search(label) is not None


def is_performance_label(label: str) -> bool:
    return PERFORMANCE_LABEL_RE.search(label) is not None and MONEY_LABEL_RE.search(label) is None


# Amount units printed in headers and captions: "(Rp 000)", "(Rp. 000.000)", "(dalam ribuan rupiah)",
# "(juta)", "(Rp Miliar)". Checked largest first.
UNIT_RES = ((re.compile(r"\bmil[iy]ar|\bm(?:ilya)?rd\b|\b000[.,]000[.,]000\b"), 1_000_000_000),
            (re.compile(r"\bjuta(?:an)?\b|\bjt\b|\b000[.,]000\b"), 1_000_000),
            (re.compile(r"\bribu(?:an)?\b|\brp\.?\s*000\b|\(000\)"), 1_000))
PERCENT_LABEL_RE = re.compile(r"%|persen|capaian|fisik|serapan")


def unit_multiplier(text: str) -> int | None:
    """The amount unit a header or caption names (1 000 for thousands, ...), None when it names none."""
    return next((factor for pattern, factor in UNIT_RES if pattern.search(text)), None)


def column_multiplier(label: str, table_multiplier: int = 1) -> int:
    """A column's own unit wins over the table's; percentages are never scaled."""
    own = unit_multiplier(label)
    if own:
        return own
    return 1 if PERCENT_LABEL_RE.search(label) and not MONEY_LABEL_RE.search(label) else table_multiplier


def is_percent_label(label: str) -> bool:
    return "%" in label or "capaian" in label or "persen" in label


def is_budget_label(label: str) -> bool:
    return MONEY_LABEL_RE.search(label) is not None
