"""What changed since the last publish: new documents, changed facts, new data-quality issues.

Each publish first keeps the previous export (the folder behind `exports`) as a dated folder under
`exports_history/` (hard links, safe because export files are never modified in place: nothing is copied,
and each kept day holds only its own export), then compares the new export with it and writes
`changes.html` and `changes.json` into the scorecard site folder. Dated folders older than
`$LKJIP_EXPORT_HISTORY_DAYS` days (default 14) are deleted; the newest one always stays, since it is what
the page compares against.

A fact "changed" when a row with the same key (region, agency, year, level, name...) has other values
than before; rows whose key is new are "added", keys gone are "removed".
"""
from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
from jinja2 import Environment

from extract import config
from extract.fsutil import atomic_write
from extract.publish.export import _literal, _quote, read_manifest

STAMP = "%Y-%m-%dT%H%M%SZ"
PAGE, PAGE_JSON = "changes.html", "changes.json"
EXAMPLES = 50  # changed rows listed per fact table; the counts cover all
FACT_KEYS = {  # table: (key columns, value columns)
    "fct_performance_indicator": (
        ["region_code", "agency_name", "fiscal_year", "level", "indicator_name", "unit"],
        ["target_value", "realization_value", "achievement_pct_reported"]),
    "fct_budget_realization": (
        ["region_code", "agency_name", "fiscal_year", "level", "line_number", "line_name"],
        ["budget_idr", "realization_idr", "absorption_pct_reported"]),
    "fct_budget_allocation": (
        ["region_code", "agency_name", "fiscal_year", "level", "line_number", "line_name"], ["budget_idr"]),
    "fct_plan_target": (
        ["region_code", "agency_name", "report_fiscal_year", "plan_kind", "indicator_name", "target_year",
         "is_end_target"],
        ["baseline_value", "target_value"]),
}
DOCUMENT_COLUMNS = ["document_id", "file_name", "region_code", "fiscal_year", "status", "source_url"]
ISSUE_COLUMNS = ["document_id", "region_code", "fiscal_year", "check_name", "severity", "detail", "source_page"]


def archive_exports(exports: Path, history: Path, keep_days: int | None = None) -> Path | None:
    """Keep the current export (before it is replaced) as `history/<its export time>`; prune old ones.
    Returns the kept folder, or None when there is no export yet."""
    exports, history = Path(exports), Path(history)
    try:
        manifest = read_manifest(exports)
    except FileNotFoundError:
        return None
    stamp = datetime.fromisoformat(manifest["exported_at"]).strftime(STAMP)
    target = history / stamp
    if not target.exists():
        history.mkdir(parents=True, exist_ok=True)
        incoming = history / f".{stamp}.incoming-{os.getpid()}"
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.copytree(exports.resolve(), incoming, copy_function=_link_or_copy)
        os.replace(incoming, target)
    _prune_history(history, keep_days if keep_days is not None else config.export_history_days(), keep=target)
    return target


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def _prune_history(history: Path, keep_days: int, keep: Path) -> None:
    limit = datetime.now(UTC) - timedelta(days=keep_days)
    for folder in history.iterdir():
        try:
            when = datetime.strptime(folder.name, STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue  # not a dated folder (an incoming copy of another process)
        if folder != keep and when < limit:
            shutil.rmtree(folder, ignore_errors=True)


def compare_exports(previous: Path | None, current: Path) -> dict:
    """The changes from the export in `previous` (None: nothing published before) to `current`."""
    now = read_manifest(current)
    before = read_manifest(previous) if previous else None
    with duckdb.connect() as con:
        for side, folder, manifest in (("cur", current, now), ("prev", previous, before)):
            _views(con, side, folder, manifest, now)
        documents = _rows(con, f"SELECT {_cols(DOCUMENT_COLUMNS)} FROM cur_dim_document WHERE document_id NOT IN "
                               f"(SELECT document_id FROM prev_dim_document) ORDER BY ALL")
        issues = _rows(con, f"SELECT {_cols(ISSUE_COLUMNS)} FROM cur_mart_data_quality_issues EXCEPT "
                            f"SELECT {_cols(ISSUE_COLUMNS)} FROM prev_mart_data_quality_issues ORDER BY ALL")
        facts = {table: _fact_changes(con, table, *columns) for table, columns in FACT_KEYS.items()
                 if any(t["name"] == table for t in now["tables"])}
    return {"published_at": now["exported_at"], "previous_published_at": before["exported_at"] if before else None,
            "new_documents": documents, "facts": facts, "new_data_quality_issues": issues}


def _views(con, side: str, folder: Path | None, manifest: dict | None, current: dict) -> None:
    """One view per table of an export; a side without the table gets an empty view of its columns."""
    have = {t["name"]: t for t in (manifest or {"tables": []})["tables"]}
    for table in current["tables"]:
        entry = have.get(table["name"])
        present = {c["name"] for c in entry["columns"]} if entry else set()
        # the current columns; one the other export lacks (a column added since) reads as NULL
        columns = ", ".join(_quote(c["name"]) if c["name"] in present else f"NULL::{c['type']} AS {_quote(c['name'])}"
                            for c in table["columns"])
        source = "(SELECT 1) WHERE false" if entry is None else (
            f"read_parquet({_literal(Path(folder) / entry['path'])}, "
            f"hive_partitioning = {str(entry['partitioned']).lower()}, union_by_name = true)")
        con.execute(f"CREATE VIEW {_quote(side + '_' + table['name'])} AS SELECT {columns} FROM {source}")


def _fact_changes(con, table: str, keys: list[str], values: list[str]) -> dict:
    both = _cols(keys + values)
    con.execute(f"CREATE TEMP TABLE added AS SELECT DISTINCT {both} FROM cur_{table} "
                f"EXCEPT SELECT DISTINCT {both} FROM prev_{table}")
    con.execute(f"CREATE TEMP TABLE removed AS SELECT DISTINCT {both} FROM prev_{table} "
                f"EXCEPT SELECT DISTINCT {both} FROM cur_{table}")
    join = " AND ".join(f"a.{_quote(k)} IS NOT DISTINCT FROM r.{_quote(k)}" for k in keys)
    before = ", ".join(f"r.{_quote(v)} AS {_quote(v + '_before')}" for v in values)
    after = ", ".join(f"a.{_quote(c)}" for c in keys + values)
    changed = _rows(con, f"SELECT {after}, {before} FROM added a JOIN removed r ON {join} ORDER BY ALL "
                         f"LIMIT {EXAMPLES}")
    counts = {name: con.execute(f"SELECT count(*) FROM {name} a WHERE NOT EXISTS "
                                f"(SELECT 1 FROM {other} r WHERE {join})").fetchone()[0]
              for name, other in (("added", "removed"), ("removed", "added"))}
    # changed facts are keys, not join rows: a target printed in several tables is one key with several rows
    a_keys = ", ".join(f"a.{_quote(k)}" for k in keys)
    counts["changed"] = con.execute(f"SELECT count(*) FROM (SELECT DISTINCT {a_keys} FROM added a WHERE EXISTS "
                                    f"(SELECT 1 FROM removed r WHERE {join}))").fetchone()[0]
    con.execute("DROP TABLE added; DROP TABLE removed")
    return {"keys": keys, "values": values, "added": counts["added"], "removed": counts["removed"],
            "changed": counts["changed"], "changed_rows": changed}


def _cols(names: list[str]) -> str:
    return ", ".join(_quote(n) for n in names)


def _rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def write_changes_page(changes: dict, site_dir: Path) -> Path:
    """`changes.html` and `changes.json` in the site folder. Returns the page's path."""
    site_dir = Path(site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(site_dir / PAGE_JSON, json.dumps(changes, indent=2, default=str, ensure_ascii=False), fsync=False)
    html = Environment(autoescape=True).from_string(TEMPLATE).render(c=changes, labels=FACT_LABELS)
    atomic_write(site_dir / PAGE, html, fsync=False)
    for name in (PAGE, PAGE_JSON):
        (site_dir / name).chmod(0o644)
    return site_dir / PAGE


FACT_LABELS = {"fct_performance_indicator": "Indikator kinerja", "fct_budget_realization": "Realisasi anggaran",
               "fct_budget_allocation": "Alokasi anggaran (PK, Rencana Aksi)",
               "fct_plan_target": "Target rencana (Renstra / RPJMD)"}
TEMPLATE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Perubahan sejak publikasi terakhir</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid #ccc;padding:.2rem .4rem}</style>
</head><body>
<p><a href="index.html">&larr; Rapor kinerja</a> · <a href="changes.json">changes.json</a></p>
<h1>Perubahan sejak publikasi terakhir</h1>
<p>Publikasi {{ c.published_at }}{% if c.previous_published_at %}, dibandingkan dengan {{ c.previous_published_at }}
{% else %} (publikasi pertama: semua data baru){% endif %}.</p>
<h2>Dokumen baru ({{ c.new_documents | length }})</h2>
{% if c.new_documents %}<table><tr><th>Berkas</th><th>Wilayah</th><th>Tahun</th><th>Status</th><th>Dokumen</th></tr>
{% for d in c.new_documents %}<tr><td>{% if d.source_url %}<a href="{{ d.source_url }}">{{ d.file_name }}</a>
{% else %}{{ d.file_name }}{% endif %}</td><td>{{ d.region_code or '' }}</td><td>{{ d.fiscal_year or '' }}</td>
<td>{{ d.status }}</td><td><code>{{ d.document_id[:12] }}</code></td></tr>{% endfor %}</table>
{% else %}<p>Tidak ada.</p>{% endif %}
<h2>Fakta yang berubah</h2>
<table><tr><th>Tabel</th><th>Baru</th><th>Berubah</th><th>Hilang</th></tr>
{% for table, f in c.facts.items() %}<tr><td>{{ labels.get(table, table) }} (<code>{{ table }}</code>)</td>
<td>{{ f.added }}</td><td>{{ f.changed }}</td><td>{{ f.removed }}</td></tr>{% endfor %}</table>
{% for table, f in c.facts.items() if f.changed_rows %}<h3>{{ labels.get(table, table) }}: nilai yang berubah</h3>
<table><tr>{% for k in f.changed_rows[0].keys() %}<th>{{ k }}</th>{% endfor %}</tr>
{% for r in f.changed_rows %}<tr>{% for v in r.values() %}<td>{{ '' if v is none else v }}</td>{% endfor %}</tr>
{% endfor %}</table>{% endfor %}
<h2>Masalah kualitas data baru ({{ c.new_data_quality_issues | length }})</h2>
{% if c.new_data_quality_issues %}<table><tr><th>Wilayah</th><th>Tahun</th><th>Pemeriksaan</th><th>Tingkat</th>
<th>Keterangan</th><th>Halaman</th></tr>
{% for i in c.new_data_quality_issues %}<tr><td>{{ i.region_code or '' }}</td><td>{{ i.fiscal_year or '' }}</td>
<td>{{ i.check_name }}</td><td>{{ i.severity }}</td><td>{{ i.detail }}</td><td>{{ i.source_page or '' }}</td></tr>
{% endfor %}</table>{% else %}<p>Tidak ada.</p>{% endif %}
</body></html>
"""
