"""What changed since the last publish (extract.publish.changes), on the shared seed warehouse (test_export:
`lkjip ingest` of the ruled Jepara and Kota Jambi samples, built once per test process).

The seed ingest is a first publish: its changes page lists both reports as new. A second publish is replayed
from exports, with no extraction, load or dbt build of its own: the previous export is a copy of the seed
warehouse without the Kota Jambi report and with Jepara's TPAK 2024 realisasi and Renstra end target 2026 as an
earlier revision of the report could have printed them (SYNTHETIC values; the seed prints 71,94 in Tabel 3.3 and
71,00 in three plan tables); the current export is the seed warehouse itself. The previous export is archived
and compared as `pipeline.publish` does.
"""
from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta

import duckdb
import pytest

from extract.fsutil import sha256_file
from extract.publish.changes import STAMP, archive_exports, compare_exports, write_changes_page
from extract.publish.export import export_marts
from tests.integration.test_export import SAMPLES, seed_warehouse

pytestmark = pytest.mark.slow
JEPARA_PDF, JAMBI_PDF = SAMPLES
TPAK = "indicator_name = 'Tingkat Partisipasi angkatan Kerja' AND region_code = '33.20'"
EARLIER_TPAK_2024 = 71.0  # SYNTHETIC: the realisasi of an earlier revision (the seed prints 71,94)
EARLIER_TPAK_END_TARGET = 70.5  # SYNTHETIC: the Renstra end target 2026 (the seed prints 71,00 in three tables)


def _earlier_warehouse(warehouse, path):
    """A copy of `warehouse` as it was before the Kota Jambi report arrived, with two earlier TPAK values."""
    shutil.copy(warehouse, path)
    jambi = sha256_file(JAMBI_PDF)
    with duckdb.connect(str(path)) as con:
        tables = con.execute("SELECT t.table_name FROM information_schema.tables t JOIN information_schema.columns c "
                             "USING (table_schema, table_name) WHERE t.table_schema = 'marts' "
                             "AND t.table_type = 'BASE TABLE' AND c.column_name = 'document_id'").fetchall()
        for (table,) in tables:
            con.execute(f'DELETE FROM marts."{table}" WHERE document_id = ?', [jambi])
        changed = con.execute(f"UPDATE marts.fct_performance_indicator SET realization_value = ? "
                              f"WHERE {TPAK} AND fiscal_year = 2024", [EARLIER_TPAK_2024]).fetchone()[0]
        targets = con.execute(f"UPDATE marts.fct_plan_target SET target_value = ? "
                              f"WHERE {TPAK} AND plan_kind = 'renstra' AND target_year = 2026 AND is_end_target",
                              [EARLIER_TPAK_END_TARGET]).fetchone()[0]
    assert changed == 1 and targets > 1
    return path


@pytest.fixture(scope="module")
def second_publish(tmp_path_factory):
    """(folder, changes) of the replayed second publish."""
    root = tmp_path_factory.mktemp("changes")
    warehouse = seed_warehouse()[0]
    export_marts(_earlier_warehouse(warehouse, root / "earlier.duckdb"), root / "previous", workbooks=True)
    previous = archive_exports(root / "previous", root / "exports_history", keep_days=14)
    export_marts(warehouse, root / "exports", workbooks=True)
    changes = compare_exports(previous, root / "exports")
    write_changes_page(changes, root / "site")
    return root, changes


def test_first_publish_lists_everything_as_new():
    first = json.loads((seed_warehouse()[0].parent / "site" / "changes.json").read_text())
    assert first["previous_published_at"] is None
    assert sorted(d["file_name"] for d in first["new_documents"]) == sorted(p.name for p in SAMPLES)
    assert all(f["removed"] == 0 and f["changed"] == 0 for f in first["facts"].values())


def test_second_publish_names_the_new_document_and_its_facts(second_publish):
    out, changes = second_publish
    previous = json.loads((out / "previous" / "_manifest.json").read_text())
    assert changes["previous_published_at"] == previous["exported_at"]
    assert [(d["file_name"], d["region_code"], d["fiscal_year"]) for d in changes["new_documents"]] == \
        [(JAMBI_PDF.name, "15.71", 2025)]
    facts = changes["facts"]
    assert facts["fct_performance_indicator"]["added"] > 0 and facts["fct_budget_realization"]["added"] > 0
    assert all(f["removed"] == 0 for f in facts.values())
    assert {i["region_code"] for i in changes["new_data_quality_issues"]} <= {"15.71"}
    page = (out / "site" / "changes.html").read_text()
    assert JAMBI_PDF.name in page and JEPARA_PDF.name not in page
    assert "Dokumen baru (1)" in page and 'lang="id"' in page


def test_a_revised_value_is_changed_not_added(second_publish):
    out, changes = second_publish
    facts = changes["facts"]
    assert facts["fct_budget_realization"]["changed"] == 0
    indicators = facts["fct_performance_indicator"]
    assert indicators["changed"] == 1
    row = indicators["changed_rows"][0]
    assert (row["indicator_name"], row["fiscal_year"], row["region_code"]) == \
        ("Tingkat Partisipasi angkatan Kerja", 2024, "33.20")
    assert (row["realization_value_before"], row["realization_value"]) == (EARLIER_TPAK_2024, 71.94)  # Tabel 3.3
    assert (row["target_value_before"], row["target_value"]) == (70.30, 70.30)
    assert "71.94" in (out / "site" / "changes.html").read_text()


def test_a_target_printed_in_several_tables_is_one_changed_fact(second_publish):
    _, changes = second_publish
    targets = changes["facts"]["fct_plan_target"]
    assert targets["changed"] == 1 and targets["removed"] == 0          # (added: the Jambi report's targets)
    assert {(r["plan_kind"], r["target_value_before"], r["target_value"]) for r in targets["changed_rows"]} == \
        {("renstra", EARLIER_TPAK_END_TARGET, 71.0)}


def test_previous_exports_kept_in_a_dated_folder(second_publish):
    out, changes = second_publish
    stamp = datetime.fromisoformat(changes["previous_published_at"]).strftime(STAMP)
    kept = out / "exports_history" / stamp
    assert (kept / "_manifest.json").exists() and (kept / "xlsx" / "lkjip_33_jawa-tengah.xlsx").exists()
    assert not (kept / "xlsx" / "lkjip_15_jambi.xlsx").exists()              # the previous export had no Jambi
    original = (out / "previous").resolve() / "_manifest.json"
    assert os.stat(kept / "_manifest.json").st_ino == os.stat(original).st_ino  # a hard link, not a copy


def test_dated_folders_older_than_the_kept_days_are_pruned(second_publish, tmp_path):
    out, _ = second_publish
    history = tmp_path / "history"
    old = history / (datetime.now(UTC) - timedelta(days=3)).strftime(STAMP)
    recent = history / (datetime.now(UTC) - timedelta(hours=1)).strftime(STAMP)
    for folder in (old, recent):
        folder.mkdir(parents=True)
    kept = archive_exports(out / "exports", history, keep_days=2)
    assert sorted(p.name for p in history.iterdir()) == sorted([recent.name, kept.name])
    assert archive_exports(out / "exports", history, keep_days=0) == kept and kept.exists()  # the newest stays
