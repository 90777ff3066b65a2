"""A bug in the tables stage quarantines the document and says where it happened.

The page of Jepara Tabel 3.3 (an indicator table) is cut from the committed ruled sample and
extracted for real; only one parse helper is replaced by one that fails as an indexing bug
would, so the quarantine record must name the innermost frame of the extractor's own code.
"""
from __future__ import annotations

import inspect
import json

import pandas as pd

from extract import extraction
from extract.layout import DOCUMENT_RECORD, output_dir
from extract.parse import indicators
from tests.page_cuts import cut_pages
from tests.paths import SAMPLE_PDFS

TABEL_3_3_PAGE = 23  # of lkjip_jepara_2024_ruled.pdf


def _one_page(tmp_path):
    return cut_pages(SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf", [TABEL_3_3_PAGE], tmp_path / "tabel-3-3.pdf")


def _line_of(function, text: str) -> int:
    lines, first = inspect.getsourcelines(function)
    return first + next(i for i, line in enumerate(lines) if text in line)


def test_a_parse_bug_is_quarantined_with_its_location(tmp_path, monkeypatch):
    def broken_data_rows(table, header_rows):
        return [[]][1]  # a row assumed to exist: "list index out of range"

    monkeypatch.setattr(indicators, "data_rows", broken_data_rows)
    pdf = _one_page(tmp_path)
    record = extraction.extract_document(pdf, tmp_path / "extracted", document_id="d1")

    where = f"extract.parse.indicators:indicator_rows:{_line_of(indicators.indicator_rows, 'data_rows(')}"
    assert record["status"] == "quarantined" and record["stage"] == "tables"
    assert record["status_reason"] == (
        f"table_extraction_failed: IndexError: list index out of range (at {where})")
    assert "\n" not in record["status_reason"]
    written = json.loads((output_dir(tmp_path / "extracted", "d1") / DOCUMENT_RECORD).read_text())
    assert written["status_reason"] == record["status_reason"]


def test_the_same_page_without_the_bug_is_read(tmp_path):
    # the control: the cut page itself is fine, so the quarantine above came from the bug
    pdf = _one_page(tmp_path)
    record = extraction.extract_document(pdf, tmp_path / "extracted", document_id="d1")
    assert record["status"] == "ok" and record["status_reason"] is None
    facts = pd.read_parquet(output_dir(tmp_path / "extracted", "d1") / "indicators.parquet")
    first = facts[facts.indicator_name == "Persentase tenaga kerja siap kerja"].iloc[0]
    assert (first.target_value, first.realization_value, first.achievement_pct_reported) == (2.90, 2.73, 94.14)
    assert len(facts) == 7  # the seven sasaran indicators printed in Tabel 3.3
