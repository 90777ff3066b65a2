"""Agency names as printed on report covers -> a standard perangkat daerah type (seeds std_agency_types.csv,
std_agency_renamings.csv).

A name resolves by its abbreviation ('Diskominfo', 'Inspektorat'), by its full name or a variant after
normalisation (punctuation, 'dan', the region's name and common shorthands such as 'UKM' removed or expanded;
token order ignored, small spelling differences tolerated), or by the type word it starts with ('Kecamatan X',
'RSUD X', 'UPTD ...'). A name of a renamed agency (BP3AKB -> DP3AKB) resolves to its successor, so the agency
keeps one id across the renaming. A document without an agency is the region's whole government ('pemda').
Run inside `dbt build` by the Python model int_agency_matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from extract import reference
from extract.warehouse.indicator_match import drop_region_names

TYPES_SEED = "std_agency_types.csv"
RENAMINGS_SEED = "std_agency_renamings.csv"
MIN_NAME_SCORE = 90  # rapidfuzz token_sort_ratio of the normalised names
# Types of which a region has one instance: the standard name identifies the agency. Other types
# (kecamatan, puskesmas, RSUD, UPTD, biro, bagian ...) are told apart by their printed name.
ONE_PER_REGION = frozenset({"sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan",
                            "satuan_polisi_pamong_praja"})
PEMDA = "pemda"
SHORTHANDS = {"ukm": "usaha kecil menengah", "umkm": "usaha mikro kecil menengah", "kb": "keluarga berencana",
              "pu": "pekerjaan umum", "pupr": "pekerjaan umum penataan ruang", "sda": "sumber daya air",
              "sdm": "sumber daya manusia", "ptsp": "pelayanan terpadu satu pintu", "dprd": "dewan perwakilan "
              "rakyat daerah", "kominfo": "komunikasi informatika", "esdm": "energi sumber daya mineral"}
FILLER = frozenset({"dan", "serta", "kabupaten", "kota", "provinsi", "kab", "daerah", "pemerintah"})


@dataclass(frozen=True)
class AgencyType:
    agency_type: str
    standard_name: str
    bidang_urusan_code: str | None  # pipe-separated, the main urusan first
    names: tuple[str, ...]          # normalised standard name and variants
    abbreviations: tuple[str, ...]  # lower-case


@dataclass(frozen=True)
class Resolution:
    agency_type: str
    agency_name: str                # standard name, or the printed name when it does not identify the agency
    agency_key: str                 # identifies the agency within its region
    bidang_urusan_code: str | None
    match_method: str               # pemda, abbreviation, name, fuzzy, prefix, unresolved (+ '+renaming')


def normalize_agency(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", (name or "").lower().replace("&", " dan "))
    words = " ".join(SHORTHANDS.get(w, w) for w in words).split()
    return drop_region_names(" ".join(w for w in words if w not in FILLER))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in re.split(r"\|", value or "") if v.strip()]


@lru_cache(maxsize=1)
def agency_types() -> tuple[AgencyType, ...]:
    out = []
    for row in reference.read_seed(TYPES_SEED):
        variants = [re.sub(r"\s*\([^)]*\)", "", v) for v in _split(row["name_variants"])]
        names = tuple(dict.fromkeys(normalize_agency(n) for n in [row["standard_name"], *variants] if n))
        abbreviations = tuple(a.lower().rstrip(".") for a in _split(row["abbreviations"]))
        out.append(AgencyType(row["agency_type"], row["standard_name"], row["bidang_urusan_code"] or None,
                              names, abbreviations))
    return tuple(out)


@lru_cache(maxsize=1)
def renamings() -> dict[str, str]:
    """Normalised old name or old abbreviation -> the successor's standard name."""
    out = {}
    for row in reference.read_seed(RENAMINGS_SEED):
        for old in re.split(r";\s*", row["old_name"]):
            out[normalize_agency(old)] = row["new_name"]
        for abbreviation in re.split(r"[|;]\s*", row["old_abbreviation"] or ""):
            if abbreviation.strip():
                out[abbreviation.strip().lower()] = row["new_name"]
    return out


def _unique_abbreviations() -> dict[str, AgencyType]:
    owners: dict[str, list[AgencyType]] = {}
    for t in agency_types():
        for a in t.abbreviations:
            owners.setdefault(a, []).append(t)
    return {a: ts[0] for a, ts in owners.items() if len({t.standard_name for t in ts}) == 1}


def _by_name(key: str) -> tuple[AgencyType | None, str]:
    """The type whose standard name or variant is this normalised name (exactly, else closely)."""
    best, best_score = None, 0.0
    for t in agency_types():
        for name in t.names:
            if name == key:
                return t, "name"
            score = fuzz.token_sort_ratio(key, name)
            if score > best_score:
                best, best_score = t, score
    return (best, "fuzzy") if best_score >= MIN_NAME_SCORE else (None, "")


def _by_prefix(key: str, printed: str) -> AgencyType | None:
    """'Kecamatan Mlonggo', 'RSUD Kartini', 'UPTD BLK': a type that has several instances in a region."""
    first = printed.lower().split()[0].rstrip(".") if printed.split() else ""
    for t in agency_types():
        if t.agency_type in ONE_PER_REGION:
            continue
        if first in t.abbreviations or any(key.startswith(n) for n in t.names[:1]):
            return t
    return None


def _resolved(t: AgencyType, method: str, printed_key: str) -> Resolution:
    one = t.agency_type in ONE_PER_REGION and method != "prefix"
    key = normalize_agency(t.standard_name) if one else printed_key
    return Resolution(t.agency_type, t.standard_name if one else "", key, t.bidang_urusan_code, method)


def resolve(printed: str | None) -> Resolution:
    """The agency type and identity of a printed agency name (None: the region's whole government)."""
    if not (printed or "").strip():
        return Resolution(PEMDA, "", PEMDA, None, PEMDA)
    key = normalize_agency(printed)
    token = printed.strip().lower().rstrip(".")
    successor = renamings().get(key) or renamings().get(token)
    if successor:
        found, method = _by_name(normalize_agency(successor))
        if found:
            return _resolved(found, method + "+renaming", key)
    abbreviated = _unique_abbreviations().get(token)
    if abbreviated:
        return _resolved(abbreviated, "abbreviation", key)
    found, method = _by_name(key)
    if found:
        return _resolved(found, method, key)
    found = _by_prefix(key, printed)
    if found:
        return _resolved(found, "prefix", key)
    return Resolution("other", "", key, None, "unresolved")
