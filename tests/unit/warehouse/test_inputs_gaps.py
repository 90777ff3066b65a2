"""The no-op check sees every change that reaches the published files: a new source URL in the
fetch log, the reference module and data the extractor and matchers read, the glossary; and an
extraction made with other reference data is done again."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract import pipeline
from extract.warehouse import inputs
from tests.paths import REPO, SAMPLE_PDFS

SHA = "a" * 64
RECORDS = {SHA: {"document_id": SHA, "extracted_at": "2026-11-01T00:00:00"}}


def _fetch(url: str, fetched_at: str) -> dict:
    return {"source_id": "jepara", "url": url, "sha256": SHA, "outcome": "unchanged", "fetched_at": fetched_at}


def _inputs(log: list[dict]) -> dict:
    return inputs.build_inputs(RECORDS, {}, pipeline._latest_source_by_sha(log))


def test_a_new_source_url_for_the_same_pdf_changes_the_inputs_a_refetch_does_not():
    first = [_fetch("https://jeparakab.go.id/lkjip/lkjip_jepara_2024_ruled.pdf", "2026-11-01T01:00:00")]
    refetched = first + [{**first[0], "fetched_at": "2026-11-02T01:00:00"}]
    moved = refetched + [_fetch("https://ppid.jeparakab.go.id/dokumen/lkjip-2024.pdf", "2026-11-03T01:00:00")]
    assert _inputs(refetched) == _inputs(first)  # every nightly crawl fetches again: not a change
    assert _inputs(moved) != _inputs(first)  # dim_document.source_url and file_name change
    assert inputs.changed_documents(_inputs(first), _inputs(moved)) == []  # raw.documents is rewritten anyway


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A copy of the project folders and of the package, as LKJIP_HOME and the hashed package."""
    copy = tmp_path / "home"
    skip = shutil.ignore_patterns(*inputs.GENERATED)
    for folder in (*inputs.PROJECT_FOLDERS, "docs"):
        shutil.copytree(REPO / folder, copy / folder, ignore=skip)
    shutil.copytree(REPO / "extract", copy / "extract", ignore=skip)
    monkeypatch.setenv("LKJIP_HOME", str(copy))
    monkeypatch.setattr(inputs, "_package", lambda: copy / "extract")
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_editing_reference_py_changes_the_code_and_the_extraction(home):
    code, extraction = inputs.code_digest(), inputs.extraction_digest()
    _append(home / "extract" / "reference.py", "\n# a new reader of the seeds\n")
    assert inputs.code_digest() != code  # the warehouse matchers import it
    assert inputs.extraction_digest() != extraction  # the parsers import it


@pytest.mark.parametrize("seed", ["ref_nomenclature.csv", "ref_regency.csv"])
def test_editing_a_seed_the_extractor_reads_changes_the_code_and_the_extraction(home, seed):
    code, extraction = inputs.code_digest(), inputs.extraction_digest()
    _append(home / "dbt_project" / "seeds" / seed, "\n")
    assert (inputs.code_digest() != code, inputs.extraction_digest() != extraction) == (True, True)


def test_editing_a_seed_only_dbt_reads_rebuilds_but_extracts_nothing_again(home):
    code, extraction = inputs.code_digest(), inputs.extraction_digest()
    _append(home / "dbt_project" / "seeds" / "indicator_match_overrides.csv", "\n")
    assert (inputs.code_digest() != code, inputs.extraction_digest() == extraction) == (True, True)


def test_editing_the_glossary_or_a_module_the_matchers_import_changes_the_code(home):
    code = inputs.code_digest()
    _append(home / "docs" / "GLOSSARY.md", "\n")
    after_glossary = inputs.code_digest()
    _append(home / "extract" / "layout.py", "\n")
    assert code != after_glossary != inputs.code_digest()


def test_an_extraction_made_with_another_nomenclature_seed_is_done_again(home, tmp_path):
    ctx = pipeline.start_run(data_dir=str(tmp_path / "data"), warehouse=str(tmp_path / "wh" / "lkjip.duckdb"))
    [document_id] = pipeline.ingest_files(ctx, [SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf"])
    data = pipeline._data(ctx)
    summary = pipeline.extract_one(ctx, document_id)
    assert (summary["status"], summary["region_code"]) == ("ok", "33.20")
    assert pipeline.pending_documents(ctx) == []
    _append(home / "dbt_project" / "seeds" / "ref_nomenclature.csv", "\n")
    assert pipeline.pending_documents(ctx) == [document_id]
    assert not data.output_dir(document_id).exists()  # the stale files are gone before extraction
