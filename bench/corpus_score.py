"""The corpus section of bench/accuracy.py: per real document the metadata found (region, year,
type, checked against SOURCES.md), tables per family, indicator rows, and the share of indicator
rows whose reported capaian agrees within 1 point with realisasi/target x 100 or
(2 x target - realisasi)/target x 100, among rows with all three values; target/realisasi x 100 is
accepted too, but only for indicators the warehouse deems lower-is-better (the polarity seeds of
dbt_project/seeds, read by polarity_rules), since for others it is the sign of a target and
realisasi read from swapped columns.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What SOURCES.md says about the corpus (region code, fiscal year, document type).
CORPUS_TRUTH = {
    "jombang-inspektorat_2022_lkjip.pdf": ("35.17", 2022, "lkjip"),
    "ambon-diskominfo_2021_lakip.pdf": ("81.71", 2021, "lkjip"),
    "provsu_2021_lakip.pdf": ("12", 2021, "lkjip"),
    "wonosobo-diskominfo_2017_penjabaran-lra.pdf": ("33.07", 2017, "budget_realization"),
    "jombang-inspektorat_2020_pk-scan.pdf": ("35.17", 2020, "perjanjian_kinerja"),
}


POLARITY_SEEDS = ROOT / "dbt_project" / "seeds"


def _normalize_name(name: str) -> str:
    """The warehouse's indicator_key (dbt macro normalize_name), so the seed patterns match alike."""
    key = re.sub(r"[^a-z0-9%]+", " ", name.lower())
    key = re.sub(r"\byg\b", "yang", key)
    key = re.sub(r"\b(dgn|dg)\b", "dengan", key)
    key = re.sub(r"\b(jml|jmh|jlh)\b", "jumlah", key)
    return re.sub(r"\s+", " ", key).strip()


def polarity_rules(seeds: Path = POLARITY_SEEDS):
    """polarity(name) by the warehouse's rules (int_indicator_polarity): seed indicator_polarity_overrides
    (exact key, then pattern) wins over the keyword patterns of seed indicator_polarity_rules; default
    higher_is_better. The seeds are read, not copied, so the bench and the warehouse cannot drift apart."""
    import csv

    def read(name):
        with open(seeds / f"{name}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    overrides = read("indicator_polarity_overrides")
    by_key = {o["indicator_key"].strip().lower(): o["polarity"]
              for o in overrides if (o["indicator_key"] or "").strip()}
    by_pattern = [(re.compile(o["pattern"]), o["polarity"]) for o in overrides
                  if not (o["indicator_key"] or "").strip() and o["pattern"]]
    rules = [(re.compile(r["pattern"]), r["polarity"]) for r in read("indicator_polarity_rules")]

    def polarity(name: str) -> str:
        key = _normalize_name(name or "")
        if key in by_key:
            return by_key[key]
        for patterns in (by_pattern, rules):
            found = sorted(p for rx, p in patterns if rx.search(key))  # min() like the dbt model
            if found:
                return found[0]
        return "higher_is_better"

    return polarity


def capaian_formula(t: float, r: float, a: float, polarity: str) -> str | None:
    """Which accepted formula gives the printed capaian a within 1 point, or None.
    realisasi / target and (2 x target - realisasi) / target always; target / realisasi only for a
    lower-is-better indicator (many reports compute it so): for any other indicator it is what a
    target and realisasi read from swapped columns would give, and must count as a disagreement."""
    candidates = {"realisasi/target": r / t * 100, "(2*target-realisasi)/target": (2 * t - r) / t * 100}
    if polarity == "lower_is_better" and r:
        candidates["target/realisasi"] = t / r * 100
    return next((name for name, c in candidates.items() if abs(c - a) <= 1), None)


def capaian_agreement(indicators, polarity=None) -> dict:
    """Rows with target, realisasi and capaian ('complete'), how many agree within 1 point (and by
    which formula), and the disagreeing rows as printed."""
    polarity = polarity or polarity_rules()
    out = {"complete": 0, "agree": 0, "by_formula": Counter(), "disagreements": []}
    for row in indicators.to_dict("records") if not indicators.empty else []:
        t, r, a = row.get("target_value"), row.get("realization_value"), row.get("achievement_pct_reported")
        if any(v is None or v != v for v in (t, r, a)) or not t:
            continue
        out["complete"] += 1
        formula = capaian_formula(t, r, a, polarity(row.get("indicator_name")))
        if formula:
            out["agree"] += 1
            out["by_formula"][formula] += 1
        else:
            out["disagreements"].append({k: row.get(k) for k in (
                "source_page", "table_id", "row_index", "indicator_name", "target_raw", "realization_raw",
                "achievement_raw")})
    out["by_formula"] = dict(out["by_formula"])
    return out


def corpus_documents(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.pdf"))


def needs_ocr(pdf: Path) -> bool:
    from extract.pdf.inventory import read_inventory

    return not read_inventory(pdf).text_pages




def corpus_entry(pdf: Path, pages: int, measured: dict, frames: dict) -> dict:
    """The corpus table's entry of one measured document (bench/accuracy.py measure / read_outputs)."""
    record = measured["record"]
    tables, indicators = frames["tables"], frames["indicators"]
    capaian = capaian_agreement(indicators)
    complete, agree = capaian["complete"], capaian["agree"]
    truth = CORPUS_TRUTH.get(pdf.name)
    found_meta = (record.get("region_code"), record.get("fiscal_year"), record.get("doc_type"))
    return {
        "document": pdf.name, "pages": pages, "document_id": measured["document_id"],
        "status": record.get("status"), "status_reason": record.get("status_reason"),
        "region_code": found_meta[0], "fiscal_year": found_meta[1], "doc_type": found_meta[2],
        "metadata_expected": list(truth) if truth else None,
        "metadata_ok": [a == b for a, b in zip(found_meta, truth)] if truth else None,
        "tables_per_family": dict(Counter(tables.family)) if not tables.empty else {},
        "indicator_rows": len(indicators), "budget_lines": len(frames["budget_lines"]),
        "capaian_rows_complete": complete, "capaian_rows_agree": agree,
        "capaian_agree_share": round(agree / complete, 4) if complete else None,
        "capaian_agree_by_formula": capaian["by_formula"], "capaian_disagreements": capaian["disagreements"],
        "seconds": round(measured["wall"], 2) if measured["wall"] else None,
        "peak_rss_mb": round(measured["maxrss_kb"] / 1024) if measured["maxrss_kb"] else None,
    }


def report_corpus(entries: list[dict], print_table, out=print) -> None:
    out("## Corpus: metadata, tables, capaian consistency, speed")
    rows = []
    for e in entries:
        ok = e.get("metadata_ok") or [None] * 3
        meta = " ".join(f"{v}{'' if k is None else (' ok' if k else ' WRONG')}"
                        for v, k in zip((e["region_code"], e["fiscal_year"], e["doc_type"]), ok))
        fams = ",".join(f"{k}:{v}" for k, v in sorted(e["tables_per_family"].items())) or "-"
        share = f"{e['capaian_rows_agree']}/{e['capaian_rows_complete']}" + (
            f" ={e['capaian_agree_share']:.2f}" if e["capaian_agree_share"] is not None else "")
        per_page = e["seconds"] / e["pages"] if e.get("seconds") and e["pages"] else None
        rows.append([e["document"], e["pages"], e["status"], meta, fams, e["indicator_rows"], e["budget_lines"],
                     share, per_page, e.get("peak_rss_mb")])
    print_table(["document", "pages", "status", "region year type", "tables per family", "ind rows",
                 "budget", "capaian agrees", "s/page", "RSS MB"], rows, out)
