"""Document metadata (region, agency, fiscal year, document type) from the page text.

Every decision is a weighted vote: the cover and title pages (the first pages that carry any
text) count more than the body, because a report names its own region and year on the cover
but mentions neighbouring regions, regulations and plan periods everywhere else.
The winning phrase and its page go into `evidence` so a wrong guess can be traced.

Choice for whole-government reports (e.g. the LKIP of Pemerintah Provinsi Sumatera Utara):
agency_name is None -- the report is not about one agency; the region code carries the
government. evidence['agency'] says so.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from extract import reference
from extract.text import STOP_WORDS

TITLE_PAGES = 4          # first non-empty pages treated as cover / foreword
PAGE_WEIGHTS = (5.0, 3.0, 2.0, 2.0)
BODY_WEIGHT = 0.2        # whole-text mentions only break ties or fill gaps
TITLE_BONUS = 10.0       # the first phrase of the title page names the document


@dataclass(frozen=True)
class Region:
    code: str
    name: str            # "Kabupaten Jepara", "Kota Jambi", "Provinsi Sumatera Utara"
    kind: str            # kabupaten | kota | provinsi
    bare_names: tuple[str, ...]


@dataclass
class RegionIndex:
    regions: list[Region]
    # (kind, first letter of a name variant) -> regions, in index order: a page is matched only
    # against the regions a mention's first letter allows, and their patterns are compiled on first
    # use (compiling all ~550 cost 0.15 CPU-s, more than matching a document).
    by_initial: dict[tuple[str, str], list[Region]] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentMetadata:
    region_code: str | None
    region_name: str | None
    agency_name: str | None
    fiscal_year: int | None
    doc_type: str | None
    evidence: dict[str, str]


# ---------------------------------------------------------------- region index

_PREFIXES = {
    "kabupaten": r"(?:kabupaten|kab\.?|pemkab|bupati)",
    "kota": r"(?:kota|pemkot|wali\s*kota)",
    "provinsi": r"(?:provinsi|propinsi|prov\.?|pemprov|gubernur)",
}


def load_region_index() -> RegionIndex:
    """Regencies, cities and provinces from the reference seeds, with name variants."""
    regions = []
    for row in reference.regencies():
        kind = row["regency_type"].strip().lower()
        bare = re.sub(r"^(kabupaten|kota)\s+", "", row["regency_name"], flags=re.I)
        regions.append(Region(row["regency_code"], row["regency_name"], kind,
                              _variants(bare, row.get("bps_name", ""))))
    for row in reference.provinces():
        name = row["province_name"]
        regions.append(Region(row["province_code"], f"Provinsi {name}", "provinsi",
                              _variants(name, row.get("bps_name", ""))))
    by_initial: dict[tuple[str, str], list[Region]] = defaultdict(list)
    for region in regions:
        for initial in sorted({name[0] for name in region.bare_names}):
            by_initial[region.kind, initial].append(region)
    return RegionIndex(regions, dict(by_initial))


def _variants(*names: str) -> tuple[str, ...]:
    """Spellings seen in print: 'Batanghari' vs 'BATANG HARI'."""
    out = {n.strip().lower() for n in names if n and n.strip()}
    out |= {n.replace(" ", "") for n in out}
    return tuple(sorted(out, key=len, reverse=True))


@functools.cache
def _region_pattern(region: Region) -> re.Pattern:
    names = "|".join(r"\s*".join(map(re.escape, n.split())) for n in region.bare_names)
    # The name must end at a word boundary so "Kota Jambi" never matches inside another name.
    return re.compile(rf"\b{_PREFIXES[region.kind]}\s+(?:{names})\b", re.IGNORECASE)


# ---------------------------------------------------------------- pages

def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _weighted_pages(pages_text: list[str]) -> list[tuple[int, float, str]]:
    """(page number, weight, whitespace-normalised text) for every page with text."""
    out, rank = [], 0
    for index, text in enumerate(pages_text):
        clean = _clean(text)
        if not clean or len(clean) < 3:
            continue
        weight = PAGE_WEIGHTS[rank] if rank < TITLE_PAGES else BODY_WEIGHT
        out.append((index + 1, weight, clean))
        rank += 1
    return out


# ---------------------------------------------------------------- region

def _find_region(pages, index: RegionIndex):
    """Score region mentions. A page listing several regions is a comparison, so its weight
    is shared among them; the first region named on the title page gets a bonus."""
    scores: dict[Region, float] = defaultdict(float)
    first_seen: dict[Region, str] = {}
    for rank, (page, weight, text) in enumerate(pages):
        hits = _non_overlapping(text, index)
        distinct = len({region for _, _, region in hits})
        for start, end, region in hits:
            scores[region] += weight / distinct
            first_seen.setdefault(region, f"'{text[start:end]}' (page {page})")
        if rank == 0 and hits and weight >= PAGE_WEIGHTS[0]:
            scores[hits[0][2]] += TITLE_BONUS
    if not scores:
        return None, None
    best = max(scores, key=lambda r: (scores[r], r.kind != "provinsi"))
    return best, f"{first_seen[best]}; score {scores[best]:.1f}"


# Where a region mention of each kind can start: trying the ~570 region patterns only there
# costs 1/40 of scanning the whole page text with each of them.
_STARTS = {kind: re.compile(rf"\b(?={prefix})", re.IGNORECASE) for kind, prefix in _PREFIXES.items()}


# A prefix and the first letter of the name after it ('Kabupaten J|epara').
_INITIALS = {kind: re.compile(rf"(?:{prefix})\s+(\w)", re.IGNORECASE) for kind, prefix in _PREFIXES.items()}


def _non_overlapping(text: str, index: RegionIndex):
    hits = []
    starts = {kind: [s.start() for s in pattern.finditer(text)] for kind, pattern in _STARTS.items()}
    for region in _candidates(text, starts, index):
        pattern = _region_pattern(region)
        last_end = -1  # a pattern's own matches never overlap, as with finditer
        for start in starts[region.kind]:
            found = pattern.match(text, start) if start >= last_end else None
            if found:
                hits.append((found.start(), found.end(), region))
                last_end = found.end()
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, last_end = [], -1  # a tie keeps the region listed first: candidates come in index order
    for hit in hits:
        if hit[0] >= last_end:
            kept.append(hit)
            last_end = hit[1]
    return kept


def _candidates(text: str, starts: dict[str, list[int]], index: RegionIndex) -> list[Region]:
    """The regions whose pattern can match at one of `starts`: a name variant starts with the letter
    after the prefix there. In index order, so the hits come out as when every pattern was tried."""
    keys = {(kind, found.group(1).lower()) for kind, pattern in _INITIALS.items()
            for start in starts[kind] if (found := pattern.match(text, start))}
    wanted = {id(region) for key in keys for region in index.by_initial.get(key, [])}
    return [region for region in index.regions if id(region) in wanted]


# ---------------------------------------------------------------- fiscal year

_YEAR = r"(20[0-4]\d)"
_REPORT = r"(?:lkjip|lakip|lkip|laporan\s+(?:akuntabilitas\s+)?kinerja)"
_YEAR_RULES = [
    (re.compile(rf"\b(?:tahun\s+anggaran|t\.\s?a\.?|ta\.)\s*{_YEAR}\b", re.I), 3.0),
    (re.compile(rf"\b{_REPORT}\b[^.;]{{0,90}}?\btahun\s+{_YEAR}\b", re.I), 3.0),
    (re.compile(rf"\btahun\s+{_YEAR}\b", re.I), 1.0),
]
# "Nomor 53 Tahun 2014", "Nomor ... Tahun 2017": a regulation's year, not the report's.
_REGULATION_BEFORE = re.compile(r"\b(?:nomor|no\.?)\s*[\w./-]*\s*(?:\.{2,}|…)?\s*tahun\s*$", re.I)
_PERIOD_AFTER = re.compile(r"^\s*(?:[-–—/]|s\.?\s?d\.?|sampai)\s*20\d\d")


def _find_year(pages):
    votes: Counter[int] = Counter()
    where: dict[int, str] = {}
    for page, weight, text in pages:
        # a year counts once per page, by its strongest phrase: a sheet listing many items each named
        # with a year ("... DAK Bidang Irigasi Tahun 2021") outvoted its one title "TAHUN ANGGARAN 2020"
        strongest: dict[int, float] = {}
        for year, phrase in _year_mentions(text):
            strongest[year] = max(strongest.get(year, 0.0), phrase[1])
            where.setdefault(year, f"'{phrase[0]}' (page {page})")
        for year, strength in strongest.items():
            votes[year] += weight * strength
        if page_is_cover_year := _cover_year(text, weight):
            votes[page_is_cover_year] += weight
    if not votes:
        return None, None
    year = max(votes, key=lambda y: (votes[y], y))
    return year, f"{where.get(year, 'cover year')}; score {votes[year]:.1f}"


# A plan's period as printed: "2021-2026", "2018 – 2023", "2019 s.d. 2023" (four to six years).
_PLAN_PERIOD = re.compile(rf"\b{_YEAR}\s*(?:[-–—/]|s\.?\s?d\.?|sampai)\s*{_YEAR}\b", re.I)
PLAN_TYPES = ("renstra",)


def _plan_start(pages):
    """A plan document (Renstra) names no report year: its year is the first year of the period it
    names most (weighted like the other votes), as '2021-2026' -> 2021; the LKjIP years, regulations
    and earlier periods it quotes are named less often."""
    votes: Counter[tuple[int, int]] = Counter()
    for _, weight, text in pages:
        for m in _PLAN_PERIOD.finditer(text):
            start, end = int(m.group(1)), int(m.group(2))
            if 4 <= end - start <= 6:
                votes[start, end] += weight
    if not votes:
        return None, None
    (start, end), score = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    return start, f"plan period {start}-{end}; score {score:.1f}"


def _year_mentions(text: str):
    """Years named as the report year; skips regulation numbers and plan periods."""
    for pattern, strength in _YEAR_RULES:
        for m in pattern.finditer(text):
            year_start = m.start(1)
            if _REGULATION_BEFORE.search(text[max(0, year_start - 40):year_start]):
                continue
            if _PERIOD_AFTER.match(text[m.end(1):m.end(1) + 12]):
                continue
            yield int(m.group(1)), (_clip(m.group(0)), strength)


def _cover_year(text: str, weight: float) -> int | None:
    """A cover often prints the year alone ('2024'); only trusted on the title page."""
    if weight < PAGE_WEIGHTS[0]:
        return None
    m = re.match(rf"^{_YEAR}\b(?!\s*[-–])", text)
    return int(m.group(1)) if m else None


def _clip(phrase: str, limit: int = 80) -> str:
    return phrase if len(phrase) <= limit else phrase[:40] + " … " + phrase[-35:]


# ---------------------------------------------------------------- document type

_DOC_TYPES = [
    ("budget_realization",
     re.compile(r"\blaporan\s+realisasi\s+anggaran\b|\bLRA\b|penjabaran\s+(?:laporan\s+)?realisasi", re.I)),
    ("lkjip", re.compile(rf"\b{_REPORT}\b|\blaporan\s+kinerja\s+instansi", re.I)),
    ("perjanjian_kinerja", re.compile(r"(?<!teknis\s)\bperjanjian\s+kinerja\b", re.I)),
    ("renstra", re.compile(r"\brencana\s+strategis\b|\brenstra\b", re.I)),
    ("renja", re.compile(r"\brencana\s+kerja\b|\brenja\b", re.I)),
]


def _find_doc_type(pages):
    """Mentions on the first pages vote; the first phrase of the title page gets a bonus
    because an LKjIP talks about its Renstra and Perjanjian Kinerja inside."""
    scores: Counter[str] = Counter()
    title_page = [p for p in pages if p[1] >= PAGE_WEIGHTS[0]]
    for page, weight, text in pages:
        if weight < BODY_WEIGHT * 2:
            continue
        for doc_type, pattern in _DOC_TYPES:
            scores[doc_type] += weight * len(pattern.findall(text))
    first = _first_type(title_page[0][2]) if title_page else None
    if first:
        scores[first] += TITLE_BONUS
    if not scores or max(scores.values()) == 0:
        return None, None
    best = max(scores, key=scores.get)
    return best, f"title phrase {first!r}; scores {dict(scores)}"


def _first_type(text: str) -> str | None:
    found = [(m.start(), t) for t, p in _DOC_TYPES if (m := p.search(text))]
    return min(found)[1] if found else None


# ---------------------------------------------------------------- agency

_AGENCY_HEAD = (r"(?:Dinas|Badan|Inspektorat|Sekretariat|Satuan|Kantor|Rumah\s+Sakit|RSUD|"
                r"Kecamatan|Kelurahan|Biro|Bappeda\w*|Bappelitbangda|Balai|Unit)")
_AGENCY_WORD = r"(?:[A-Z][\w/&.-]*|dan|serta|&)"
# "Kantor Gubernur/Bupati/Wali Kota <region>" is the head of government, not an agency.
_LEADER_OFFICE = re.compile(r"^(?:Kantor|Sekretariat)\s+(?:Gubernur|Bupati|Wali\s*kota)\b", re.I)
# "DINAS X PEMERINTAH KABUPATEN Y": the word 'Pemerintah' belongs to the region phrase.
_TRAILING_GOVERNMENT = re.compile(r"[\s,]+(?:Pemerintah|Pemerintahan)[\s,]*$", re.I)


def _find_agency(pages, region: Region | None, index: RegionIndex | None):
    """'<Agency> <Region>' phrases vote; cover lines in capitals are a fallback."""
    votes: Counter[str] = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for page, weight, text in pages:
        for name in _agency_phrases(text, region, index):
            key = _agency_key(name)
            votes[key] += weight
            forms[key][name] += 1
    if not votes:
        return None, None
    key = max(votes, key=votes.get)
    return _display_name(forms[key]), f"{votes[key]:.1f} weighted mentions of {key!r}"


def _agency_phrases(text: str, region: Region | None, index: RegionIndex | None):
    if region is None:
        return []
    pattern = _region_pattern(region)
    found = []
    for m in pattern.finditer(text):
        candidate = _last_agency(text[max(0, m.start() - 160):m.start()])
        if candidate and not _LEADER_OFFICE.match(candidate):
            found.append(candidate)
    return found


def _last_agency(before: str) -> str | None:
    """The agency name that ends right before a region phrase. Words after the head must be
    capitalised (or 'dan'/'serta'), so running prose ('... kepada Dinas') stops the phrase."""
    before = _TRAILING_GOVERNMENT.sub("", before)
    starts = list(re.finditer(rf"\b{_AGENCY_HEAD}\b", before, re.I))
    for start in reversed(starts):
        tail = before[start.start():]
        words = re.split(r"[\s,]+", tail.strip(" ,"))
        if all(re.fullmatch(_AGENCY_WORD, w) for w in words[1:]) and len(words) <= 14:
            return re.sub(r"\s+", " ", tail.strip(" ,"))
    return None


def _agency_key(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"[,\s]+", " ", name.lower())).strip()


def _display_name(forms: Counter) -> str:
    """Prefer the most common mixed-case spelling; title-case an all-caps one."""
    mixed = [f for f, _ in forms.most_common() if not f.isupper()]
    if mixed:
        return mixed[0]
    words = forms.most_common(1)[0][0].split()
    return " ".join(w.lower() if w.lower() in STOP_WORDS else
                    w if len(w) <= 4 and not re.search(r"[AIUEO].*[AIUEO]", w) else w.capitalize()
                    for w in words)


# ---------------------------------------------------------------- entry point

def infer_metadata(pages_text: list[str], regions: RegionIndex | None = None) -> DocumentMetadata:
    """Metadata from the text of every page (title pages weighted); no text -> all None."""
    regions = regions or load_region_index()
    pages = _weighted_pages(pages_text)
    evidence: dict[str, str] = {}
    region, evidence["region"] = _find_region(pages, regions)
    year, evidence["fiscal_year"] = _find_year(pages)
    doc_type, evidence["doc_type"] = _find_doc_type(pages)
    if doc_type in PLAN_TYPES:
        start, why = _plan_start(pages)
        if start:
            year, evidence["fiscal_year"] = start, why
    agency, evidence["agency"] = _find_agency(pages[:TITLE_PAGES] or pages, region, regions)
    if agency is None and region is not None:
        evidence["agency"] = f"no agency phrase: whole-government report of Pemerintah {region.name}"
    if not pages:
        doc_type = None
    return DocumentMetadata(
        region_code=region.code if region else None,
        region_name=region.name if region else None,
        agency_name=agency,
        fiscal_year=year,
        doc_type=doc_type or ("unknown" if pages else None),
        evidence={k: v for k, v in evidence.items() if v},
    )
