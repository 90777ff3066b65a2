"""What a published warehouse was built from: which documents a run loads again, and when it rebuilds."""
from __future__ import annotations

import os

from extract.warehouse import inputs


def test_changed_documents_are_the_new_the_re_extracted_and_the_gone():
    before = inputs.build_inputs({"a": {"extracted_at": "1"}, "b": {"extracted_at": "1"}, "c": {}}, {})
    now = inputs.build_inputs({"a": {"extracted_at": "1"}, "b": {"extracted_at": "2"}, "d": {}}, {})
    assert inputs.changed_documents(before, now) == ["b", "c", "d"]
    assert inputs.changed_documents(before, before) == []


def test_an_override_changes_the_inputs_but_reloads_no_document():
    records = {"a": {"extracted_at": "1"}}
    before, now = inputs.build_inputs(records, {}), inputs.build_inputs(records, {"a": {"fiscal_year": 2023}})
    assert before != now and inputs.changed_documents(before, now) == []


def test_nothing_published_or_another_extractor_version_rebuilds():
    now = inputs.build_inputs({"a": {}}, {})
    assert inputs.changed_documents(None, now) is None
    assert inputs.changed_documents({**now, "extractor_version": "0.0.1"}, now) is None


def test_a_warehouse_replaced_since_its_inputs_were_recorded_has_none(tmp_path):
    warehouse = tmp_path / "lkjip.duckdb"
    warehouse.write_bytes(b"first")
    recorded = inputs.build_inputs({"a": {}}, {})
    inputs.save(warehouse, recorded)
    assert inputs.published(warehouse) == recorded
    replacement = tmp_path / "incoming"
    replacement.write_bytes(b"second")
    os.replace(replacement, warehouse)  # as a publish by a run that records nothing would
    assert inputs.published(warehouse) is None
