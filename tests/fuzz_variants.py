"""A layout-fuzz variant for a test: rendered into the benchmark's cache (build/fuzz/pdf/<fingerprint>/)
or reused from it; the test is skipped when the engine's program (soffice, chromium) is missing."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import fuzz_score
from bench.cache import ROOT
from tests.file_lock import exclusive


def fuzz_pdf(seed: str, engine: str, number: int, whole: bool = False) -> tuple[Path, dict]:
    """Variant `number`; if `whole`, the whole seed report of that number (bench: --only whole)."""
    missing = fuzz_score.engine_missing(engine)
    if missing:
        pytest.skip(f"{engine} variants need {missing}")
    render_dir = fuzz_score.render_dir(ROOT / "build" / "fuzz" / "whole" if whole else ROOT / "build" / "fuzz")
    render_dir.mkdir(parents=True, exist_ok=True)
    with exclusive(render_dir / ".render.lock"):  # a variant is rendered once, whole, before any reader sees it
        return fuzz_score.render_cached(seed, engine, number, render_dir, whole)


def vertical_pdf(seed: str, engine: str, number: int) -> Path:
    """Development variant `number` with column rules alone (rule style 'vertical', which the stream
    draws from variant 420 on only), rendered into build/fuzz/vertical/."""
    from dataclasses import replace

    from bench.fuzz.render import render_variant
    from bench.fuzz.variants import make_variant

    missing = fuzz_score.engine_missing(engine)
    if missing:
        pytest.skip(f"{engine} variants need {missing}")
    variant = replace(make_variant(seed, engine, number), rules="vertical")
    out_dir = fuzz_score.render_dir(ROOT / "build" / "fuzz" / "vertical")
    pdf = out_dir / f"{variant.name}.pdf"
    with exclusive(out_dir / ".render.lock"):
        return pdf if pdf.with_suffix(".json").is_file() else render_variant(seed, variant, out_dir)


def word_tables_near(seed: str, engine: str, number: int, needle: str, *, sep: str = " ", before: bool = False,
                     whole: bool = False):
    """The word reader's tables of the variant's pages whose text holds `needle` (lines joined by
    `sep`), with the page after each and, if `before`, the page before (a table continued)."""
    import pypdfium2 as pdfium

    from extract.pdf.unruled import read_word_tables

    pdf, _ = fuzz_pdf(seed, engine, number, whole)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        texts = [doc[i].get_textpage().get_text_range().replace("\r\n", sep) for i in range(len(doc))]
    finally:
        doc.close()
    found = [i + 1 for i, text in enumerate(texts) if needle in text]
    near = (-1, 0, 1) if before else (0, 1)
    pages = sorted({page + step for page in found for step in near if 1 <= page + step <= len(texts)})
    return read_word_tables(pdf, pages)


def squash(text: str) -> str:
    """A cell's text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def cells_after(tables, names, count: int) -> dict[str, tuple[str, ...]]:
    """For each cell of the tables whose squashed text is one of `names`: the `count` cells right of it."""
    found = {}
    for row in (row for table in tables for row in table.rows):
        cells = [squash(cell) for cell in row]
        for i, cell in enumerate(cells):
            if cell in names:
                found[cell] = tuple(cells[i + 1:i + 1 + count])
    return found


def _facts_of(seed: str, engine: str, number: int, family: str, facts) -> set[tuple]:
    """The union of `facts(table, layout)` over the variant's tables of `family`."""
    from extract.extraction import read_tables
    from extract.parse.families import classify
    from extract.pdf.inventory import read_inventory

    pdf, _ = fuzz_pdf(seed, engine, number)
    found = set()
    for table in read_tables(pdf, read_inventory(pdf)):
        layout = classify(table.rows, table.caption)
        if layout.family == family:
            found |= facts(table, layout)
    return found


def budget_lines_of(seed: str, engine: str, number: int) -> set[tuple]:
    """(name, budget, realisasi, %) of every budget line the variant's tables give (names' spaces as one)."""
    from extract.parse.budget import budget_lines
    from extract.parse.families import BUDGET

    return _facts_of(seed, engine, number, BUDGET, lambda table, layout: {
        (squash(line.line_name), line.budget_idr, line.realization_idr, line.absorption_pct_reported)
        for line in budget_lines(table, layout, None)})


def indicator_facts_of(seed: str, engine: str, number: int) -> set[tuple]:
    """(name, target, realisasi, capaian %) of every indicator fact the variant's tables give (names'
    spaces as one)."""
    from extract.parse.families import INDICATOR
    from extract.parse.indicators import indicator_rows

    return _facts_of(seed, engine, number, INDICATOR, lambda table, layout: {
        (squash(fact.indicator_name), fact.target_value, fact.realization_value, fact.achievement_pct_reported)
        for fact in indicator_rows(table, layout, None)})
