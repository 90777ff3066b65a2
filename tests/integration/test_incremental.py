"""Incremental load: a build that starts from a copy of the published warehouse and reads the files of
the new document only has the same raw rows and marts, row for row, as a build from every document."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from extract import pipeline
from extract.layout import FACT_FILES
from extract.publish.swap import publish_file
from tests.integration.test_operations import marts_snapshot
from tests.paths import SAMPLE_PDFS

pytestmark = pytest.mark.slow
JEPARA = SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf"
JAMBI = SAMPLE_PDFS / "lkjip_kota-jambi_2025_ruled.pdf"


def extracted_run(tmp_path: Path, warehouse: Path, pdfs: list[Path]) -> dict:
    ctx = pipeline.start_run(None, str(warehouse), str(tmp_path / "data"))
    pipeline.ingest_files(ctx, pdfs)
    pipeline._extract_all(ctx, pipeline.pending_documents(ctx), progress=False, workers=1)
    return ctx


def raw_snapshot(path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM raw.{t} ORDER BY ALL").fetchall() for t in ("documents", *FACT_FILES)}


def test_an_incremental_build_equals_a_full_rebuild(tmp_path):
    published = tmp_path / "wh" / "lkjip.duckdb"
    # the first night published Jepara alone (its raw layer is all the next load takes from it)
    first = extracted_run(tmp_path, published, [JEPARA])
    assert pipeline.load(first)["incremental"] is False
    publish_file(Path(first["build_path"]), published)
    pipeline.record_published_inputs(first, pipeline.current_inputs(first))

    second = extracted_run(tmp_path, published, [JAMBI])  # the next night lands Jambi
    loaded = pipeline.load(second)
    assert (loaded["incremental"], loaded["documents_loaded"], loaded["documents"]) == (True, 1, 2)
    pipeline.transform(second)
    full = pipeline.start_run(None, str(tmp_path / "other" / "lkjip.duckdb"), str(tmp_path / "data"))
    assert pipeline.load(full)["incremental"] is False
    pipeline.transform(full)

    incremental, rebuilt = Path(second["build_path"]), Path(full["build_path"])
    assert raw_snapshot(incremental) == raw_snapshot(rebuilt)
    assert marts_snapshot(incremental, drop=set()) == marts_snapshot(rebuilt, drop=set())
    with duckdb.connect(str(incremental), read_only=True) as con:  # both documents' facts, as the seeds print
        sasaran = con.execute("SELECT region_code, target_value, realization_value "
                              "FROM marts.fct_performance_indicator WHERE level = 'sasaran'").fetchall()
    assert ("33.20", 2.90, 2.73) in sasaran and ("15.71", 45.00, 60.97) in sasaran


def test_a_changed_override_reloads_only_the_documents_table(tmp_path):
    published = tmp_path / "wh" / "lkjip.duckdb"
    first = extracted_run(tmp_path, published, [JEPARA])
    pipeline.load(first)
    publish_file(Path(first["build_path"]), published)
    pipeline.record_published_inputs(first, pipeline.current_inputs(first))
    assert pipeline.unchanged_since_publish(first, pipeline.current_inputs(first))

    second = pipeline.start_run(None, str(published), str(tmp_path / "data"))
    pipeline.ingest_files(second, [JEPARA], fiscal_year=2023)  # an operator sets the year
    assert not pipeline.unchanged_since_publish(second, pipeline.current_inputs(second))
    loaded = pipeline.load(second)
    assert (loaded["incremental"], loaded["documents_loaded"]) == (True, 0)
    assert raw_snapshot(Path(second["build_path"]))["cells"] == raw_snapshot(Path(first["build_path"]))["cells"]
    with duckdb.connect(second["build_path"], read_only=True) as con:
        assert con.execute("SELECT fiscal_year FROM raw.documents").fetchall() == [(2023,)]
