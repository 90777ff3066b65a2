"""extract_document(): one PDF in, files out. A pure function of (file bytes, extractor version).

It never touches the warehouse, so any number of workers can run it, and its output is a
cache: an unchanged file with an unchanged extractor version is not extracted again.
Overrides given by an operator (--region, --year) are applied at load time, not here,
so they never change the cached extraction.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from pypdfium2 import PdfiumError

from extract.fsutil import sha256_file, staged_folder
from extract.layout import DOCUMENT_RECORD, EXTRACTOR_VERSION, FACT_FILES, output_dir
from extract.model import UNRULED_FLAVORS, RawTable
from extract.numerals import detect_format, looks_numeric
from extract.parse import families as cls
from extract.parse.account_sheet import is_sheet, sheet_layout, sheet_lines
from extract.parse.budget import allocation_lines, budget_beside_performance, budget_beside_targets, budget_lines
from extract.parse.currency_columns import join_currency_columns
from extract.parse.indicators import indicator_rows
from extract.parse.metadata import infer_metadata, load_region_index
from extract.parse.plan_targets import plan_target_rows
from extract.parse.records import as_records
from extract.parse.scales import scale_rows
from extract.pdf import ocr, orientation
from extract.pdf.find import find_tables
from extract.pdf.inventory import PdfError, read_inventory
from extract.pdf.stitch import stitch

log = logging.getLogger(__name__)

_PACKAGE_ROOT = Path(__file__).resolve().parent  # extract/: frames here are the extractor's own
CAMELOT_UNRULED = ("stream", "network")  # the word-position reader's blocks are kept even when unknown


def extract_document(pdf_path: Path, extracted_root: Path, document_id: str | None = None) -> dict:
    """Extract one PDF into extracted_root/<sha256>/<version>/ and return its document record.

    Bad input never raises: the record says status 'quarantined' with the stage and reason.
    """
    pdf_path = Path(pdf_path)
    document_id = document_id or sha256_file(pdf_path)
    out_dir = output_dir(extracted_root, document_id)
    if (out_dir / DOCUMENT_RECORD).exists():
        return json.loads((out_dir / DOCUMENT_RECORD).read_text())

    started = time.monotonic()
    record, frames = _extract(pdf_path, document_id)
    record["extract_seconds"] = round(time.monotonic() - started, 3)
    _write_atomically(out_dir, record, frames)
    return record


def _extract(pdf_path: Path, document_id: str) -> tuple[dict, dict[str, pd.DataFrame]]:
    record = {
        "document_id": document_id, "file_name": pdf_path.name, "extractor_version": EXTRACTOR_VERSION,
        "extracted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "page_count": None, "status": "ok", "status_reason": None, "stage": None,
        "region_code": None, "agency_name": None, "fiscal_year": None, "doc_type": None,
        "metadata_evidence": {}, "pages_without_text": [],
    }
    frames = {name: pd.DataFrame() for name in FACT_FILES}
    try:
        inventory = read_inventory(pdf_path)
    except PdfError as exc:
        return _quarantine(record, "open", exc.reason, exc.detail), frames
    record["page_count"] = inventory.page_count
    record["pages_without_text"] = [p.number for p in inventory.pages if not p.has_text]
    with tempfile.TemporaryDirectory(prefix="lkjip-ocr-") as scratch:
        if inventory.pages_to_ocr:
            pdf_path, inventory = _ocr(pdf_path, inventory, record, Path(scratch))
        _add_metadata(record, inventory.texts())
        if not inventory.text_pages:
            reason = record.get("ocr_error") or "no_text_layer: no page has a text layer and OCR found none"
            return _quarantine(record, "text", *reason.split(": ", 1)), frames
        return _extract_tables(pdf_path, inventory, record, document_id)


def _ocr(pdf_path: Path, inventory, record: dict, scratch: Path):
    """Scanned pages get a text layer from tesseract (ocrmypdf); the rest stay as they are."""
    pages = inventory.pages_to_ocr
    try:
        pdf_path = _upright(pdf_path, pages, record, scratch)
        timeout = 120 + 60 * len(pages)  # a hang guard only: the worker limits CPU time per page
        ocred = ocr.ocr_pages(pdf_path, scratch / pdf_path.name, pages=pages, timeout=timeout)
        inventory = read_inventory(ocred, update=inventory, pages=pages)
    except ocr.OcrError as exc:
        record["ocr_error"] = f"{exc.reason}: {getattr(exc, 'detail', '')}".rstrip(": ")
        return pdf_path, inventory
    record["ocr_pages"] = [p for p in pages if inventory.pages[p - 1].has_text]
    return ocred, inventory


def _upright(pdf_path: Path, pages: list[int], record: dict, scratch: Path) -> Path:
    """The PDF to OCR: a copy with its sideways scanned pages turned upright, if it has any. Where that
    fails, the pages are OCRed as they are and the record says why."""
    if ocr.unavailable_reason() is not None:
        return pdf_path  # ocr_pages says what is missing
    try:
        turns = orientation.sideways_pages(pdf_path, pages)
        if not turns:
            return pdf_path
        upright = orientation.upright_copy(pdf_path, turns, scratch / f"upright-{pdf_path.name}")
    except (PdfiumError, OSError, ValueError) as exc:  # a page pdfium cannot render
        log.warning("%s: sideways pages not turned: %s", pdf_path.name, exc)
        record["turn_error"] = f"{type(exc).__name__}: {exc}"
        return pdf_path
    record["turned_pages"] = {str(page): degrees for page, degrees in sorted(turns.items())}
    return upright


def _extract_tables(pdf_path: Path, inventory, record: dict, document_id: str):
    frames = {name: pd.DataFrame() for name in FACT_FILES}
    try:
        unread: list[str] = []
        tables = read_tables(pdf_path, inventory, record.get("ocr_pages", []), unread)
        frames = tables_to_frames(document_id, tables)
        if unread:
            record["pictures_unread"] = unread
    except Exception as exc:  # camelot on a hostile file, or a bug: record, never crash the run
        log.exception("table extraction failed for %s", pdf_path)
        detail = f"{type(exc).__name__}: {exc} (at {_failure_location(exc)})"
        return _quarantine(record, "tables", "table_extraction_failed", detail), frames
    if frames["indicators"].empty and frames["budget_lines"].empty:
        record["status"], record["stage"] = "partial", "facts"
        record["status_reason"] = f"no recognised indicator or budget table among {len(tables)} tables"
    return record, frames


def _failure_location(exc: BaseException) -> str:
    """`module:function:line` of the innermost frame of the extractor's own code in the
    traceback: enough to find a bug from document.json without re-running the document."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if Path(f.filename).resolve().is_relative_to(_PACKAGE_ROOT)]
    if not frames:
        return "unknown"
    frame = frames[-1]
    module = Path(frame.filename).resolve().relative_to(_PACKAGE_ROOT.parent).with_suffix("")
    return f"{'.'.join(module.parts)}:{frame.name}:{frame.lineno}"


def _quarantine(record: dict, stage: str, reason: str, detail: str = "") -> dict:
    record.update(status="quarantined", stage=stage, status_reason=f"{reason}: {detail}" if detail else reason)
    return record


def _add_metadata(record: dict, texts: list[str]) -> None:
    meta = infer_metadata(texts, _regions())
    record.update(region_code=meta.region_code, agency_name=meta.agency_name,
                  fiscal_year=meta.fiscal_year, doc_type=meta.doc_type,
                  metadata_evidence=dict(meta.evidence))


_REGION_INDEX = None


def _regions():
    global _REGION_INDEX
    if _REGION_INDEX is None:
        _REGION_INDEX = load_region_index()
    return _REGION_INDEX


def read_tables(pdf_path: Path, inventory, ocr_pages: list[int] | None = None,
                unread: list[str] | None = None) -> list[RawTable]:
    """Every table of the document; why pictures of tables were left unread is added to `unread`."""
    scanned = sorted(set(ocr_pages or []) | set(inventory.scanned_text_pages))
    native = [p for p in inventory.ruled_text_pages if p not in scanned]  # lattice reads drawn lines only
    tables = stitch(find_tables(pdf_path, native, stream_pages=inventory.text_pages, scanned_pages=scanned,
                                is_known=_is_known_table, pictures=inventory.picture_boxes, unread=unread))
    return _with_unique_ids(tables)


def _with_unique_ids(tables: list[RawTable]) -> list[RawTable]:
    """Each table's id once in its document (the warehouse's key): a second table with an id already
    given (two word tables starting at the same height of a page) gets a suffix, not the load refused."""
    seen: dict[str, int] = {}
    for table in tables:
        seen[table.table_id] = seen.get(table.table_id, 0) + 1
        if seen[table.table_id] > 1:
            log.warning("table id %s given twice; the second is %s_%d", table.table_id, table.table_id,
                        seen[table.table_id])
            table.table_id = f"{table.table_id}_{seen[table.table_id]}"
    return tables


def _is_known_table(table: RawTable) -> bool:
    table = join_currency_columns(table)
    return sheet_layout(table) is not None or cls.classify(table.rows, table.caption).family != cls.UNKNOWN


# ---------------------------------------------------------------- tables -> data frames


def tables_to_frames(document_id: str, tables: list[RawTable]) -> dict[str, pd.DataFrame]:
    doc_format = detect_format([c for t in tables for r in t.rows for c in r if looks_numeric(c)])
    table_rows, cell_rows, indicators, budgets, scales, plans = [], [], [], [], [], []
    for printed in tables:
        table = join_currency_columns(printed)  # raw.cells keep the cells as read
        layout = sheet_layout(table) or cls.classify(table.rows, table.caption)
        if table.flavor in UNRULED_FLAVORS and cls.is_side_by_side(layout):
            layout = dataclasses.replace(layout, family=cls.UNKNOWN)  # panels of a diagram: cells only
        if table.flavor in CAMELOT_UNRULED and layout.family == cls.UNKNOWN:
            continue  # camelot's word alignment reads paragraphs as tables too; keep only recognised ones
        table_rows.append(_table_record(document_id, printed, layout))
        cell_rows += _cell_records(document_id, printed)
        if layout.family == cls.INDICATOR:
            indicators += as_records(indicator_rows(table, layout, doc_format))
            plans += as_records(plan_target_rows(table, layout, doc_format))  # "Target Akhir Renstra" columns
            budgets += as_records(budget_beside_performance(table, layout, doc_format))
        elif layout.family == cls.PLAN_TARGET:  # Perjanjian Kinerja: targets of one year, no realisasi yet
            indicators += as_records(indicator_rows(table, layout, doc_format, targets_only=True))
            budgets += as_records(budget_beside_targets(table, layout, doc_format))  # a Rencana Aksi's anggaran
        elif layout.family == cls.MULTI_YEAR_PLAN:  # Renstra / RPJMD: a target per year of the plan period
            plans += as_records(plan_target_rows(table, layout, doc_format))
        elif layout.family == cls.BUDGET:
            read = sheet_lines if is_sheet(layout) else budget_lines  # account-coded LRA sheets
            budgets += as_records(read(table, layout, doc_format))
        elif layout.family == cls.BUDGET_ALLOCATION:  # a PK's program list, a Rencana Aksi: the budget alone
            budgets += as_records(allocation_lines(table, layout, doc_format))
        elif layout.family == cls.CATEGORY_SCALE:
            scales += as_records(scale_rows(table, layout))
    return {
        "tables": pd.DataFrame(table_rows),
        "cells": pd.DataFrame(cell_rows),
        "indicators": _with_document(document_id, indicators),
        "budget_lines": _with_document(document_id, budgets),
        "category_scales": _with_document(document_id, scales),
        "plan_targets": _with_document(document_id, plans),
    }


def _table_record(document_id: str, table: RawTable, layout: cls.TableLayout) -> dict:
    return {
        "document_id": document_id, "table_id": table.table_id, "page_start": table.page_start,
        "page_end": table.page_end, "caption": table.caption, "family": layout.family,
        "n_rows": len(table.rows), "n_cols": table.n_cols, "flavor": table.flavor,
        "header_text": layout.header_text,
    }


def _cell_records(document_id: str, table: RawTable) -> list[dict]:
    return [
        {"document_id": document_id, "table_id": table.table_id, "page": table.row_pages[r],
         "row_index": r, "col_index": c, "text": text}
        for r, row in enumerate(table.rows) for c, text in enumerate(row)
    ]


def _with_document(document_id: str, records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(records)
    if not frame.empty:
        frame.insert(0, "document_id", document_id)
    return frame


# ---------------------------------------------------------------- output


def _write_atomically(out_dir: Path, record: dict, frames: dict[str, pd.DataFrame]) -> None:
    """Readers never see half an output; if another worker finished the same file first, its
    (identical) output is kept."""
    with staged_folder(out_dir, keep_existing=True) as tmp:
        for name, frame in frames.items():
            frame.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / DOCUMENT_RECORD).write_text(json.dumps(record, indent=2, ensure_ascii=False, default=str))
