"""A fixed subset of the layout-fuzz variants (bench/fuzz): the seed tables rendered by reportlab,
LibreOffice and Chromium under seeded layouts, extracted by the real extractor (camelot, the word
reader, stitching); every fact the seed prints (bench/expected.py) must come out exactly.

The subset covers, per engine, the layouts that broke the table finding: horizontal rules only,
no rules at all, continuation pages without a repeated header, no caption, a table starting near
the bottom of a page, ruled grids whose sub-levels are indented by a rule of their own, tables
ruled between their columns alone.
Renderings are reused from the benchmark's cache (build/fuzz/pdf/<fingerprint>/) or rendered there.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from bench import expected as exp
from bench import seed_score
from extract.extraction import extract_document
from tests.fuzz_variants import fuzz_pdf, vertical_pdf

# (seed, engine, variant number): bench/fuzz/variants.py makes the layout from the number
VARIANTS = [
    ("jepara", "reportlab", 19),  # horizontal rules only, header not repeated, no caption, tables near page bottoms
    ("jepara", "reportlab", 2),  # no rules, no caption, the indicator table starts at a page bottom with one row
    ("jambi", "reportlab", 12),  # ruled grid, the continuation pages split the name column by an indent rule
    ("jepara", "libreoffice", 26),  # no rules, header not repeated, tables starting near page bottoms
    ("jepara", "libreoffice", 3),  # no rules, header not repeated, values set on the decimal mark ('13' under '59,62')
    ("jambi", "html", 10),  # ruled grid, no caption, rows drawn with a column the header does not have
    ("jambi", "html", 21),  # ruled grid, header not repeated, no caption
    ("jepara", "reportlab", 12),  # horizontal rules, "Target Tahun 2024" read as "Target 2024" | "Tahun"
    ("jambi", "reportlab", 29),  # no rules, the continuation pages show an indent column the start's rows do not
    ("jepara", "reportlab", 29),  # horizontal rules only, justified text, centred numbers, a running footer
    ("jepara", "html", 5),  # horizontal rules, cells aligned to the middle, header repeated on continuation pages
    ("jambi", "html", 7),  # no rules, cells centred vertically: the numbering printed beside a name's middle line
    ("jepara", "libreoffice", 22),  # no rules, header repeated, the start's header lost its upper line ('Realisasi')
    ("jepara", "reportlab", 9),  # no rules, cells aligned to the middle: two rows' lines half a pitch apart
    ("jambi", "libreoffice", 21),  # ruled grid, rows split at page breaks: the rest of a name opens the next page
    ("jambi", "html", 24),  # horizontal rules, cells centred: a name's first line a row above its amounts, a program
    # name's middle line read into the numbering column
    ("jambi", "libreoffice", 27),  # no rules, header repeated, rows split: a name's rest under the repeated header
    ("jepara", "reportlab", 22),  # no rules, cells aligned to the bottom: the last sasaran row alone at a page top
    ("jambi", "libreoffice", 28),  # horizontal rules, a table's tail under its header, another table below it
    ("jambi", "libreoffice", 10),  # no rules, cells aligned to the bottom, wide padding: rows 2.5 word heights apart
    ("jepara", "libreoffice", 30),  # no rules, cells aligned to the top, italic names in boxes a descent deep, the
    # last sasaran alone under the repeated header
    ("jambi", "libreoffice", 41),  # horizontal rules, cells centred, 'Target' over '%' beside a hanging 'program'
    ("jambi", "reportlab", 30),  # caption below, header not repeated: the header's first line alone at a page bottom
    ("jambi", "reportlab", 10),  # horizontal rules, a page's first row kept in the previous page's column widths
    ("jepara", "libreoffice", 336),  # no rules, 7 pt cells, 5 pt padding: the header's lines far apart at a page top
    ("jambi", "libreoffice", 352),  # no rules, header not repeated: the header alone at a page bottom, cells aligned
    # to the bottom under it on the next page
    ("jambi", "libreoffice", 363),  # no rules, the header row cut by the page break: its first line alone at a
    # page bottom, the rest over the rows on the next page
    ("jepara", "reportlab", 304),  # no rules, a squeezed name column: a row's name runs up to its amounts, one
    # space apart, and the line fills the text width like a sentence
    ("jepara", "html", 390),  # horizontal rules, the same: the first fresh held-out batch on 0.25.0 (380-399)
    ("jambi", "libreoffice", 390),  # no rules, cells aligned to the bottom, the number cell merged over two rows
    # and aligned to its top: the number's line opens the row's name
    ("jambi", "reportlab", 378),  # no rules, centred cells, header repeated: a row's first lines right under the
    # header of the continuation page, one of them a formula
    ("jambi", "html", 358),  # horizontal rules, a running footer a line under the table, and a cover page without it
    ("jambi", "libreoffice", 402),  # grid, the page break between the two header rows of Tabel 3.9 (400-419)
    ("jepara", "html", 434),  # ruled between columns alone: Tabel 3.3's ruled header and first row end a page,
    # its rows go on unruled (no grid for lattice) on the next (420-439)
    ("jambi", "html", 430),  # the same rules: Tabel 3.8's last row and total open a page under a ruled total
    ("jepara", "reportlab", 431),  # no rules, header repeated: two rows and the summary on the next page, a name
    # a word space from its unit ('berdaya saing %')
    ("jambi", "libreoffice", 439),  # no rules, header repeated, cells aligned to the bottom: the rest of a row cut
    # by the page break between the repeated header and the next row's names
    ("jambi", "html", 319),  # no rules, header repeated, cells aligned to the bottom: the rest of the last row alone
    # under the repeated header, which the word reader sets in other rows than the start's
    ("jambi", "libreoffice", 308),  # horizontal rules, header repeated: the last row's name and the rest of the
    # sasaran merged over it from the page before, under its values
    ("jepara", "libreoffice", 473),  # no rules, no caption: the budget header's first line alone at a page bottom,
    # with two cells only that open with a strong header word ('No | Program /Kegiatan | Alokasi | Realisasi')
    ("jepara", "libreoffice", 470),  # column rules, rows split: the last row's rest, with header words ('capaian',
    # 'target'), opens the next page above the summary rows
    ("jambi", "html", 473),  # horizontal rules, centred cells: the paragraph under Tabel 3.9 sits less than one
    # and a half line heights below it, but further than its rows from each other
    ("jambi", "libreoffice", 316),  # no rules, header repeated, small type and wide padding: the repeated header's
    # column numbers and the first row far apart (so is 465's)
    ("jambi", "libreoffice", 457),  # column rules, cells aligned to the bottom: a taller heading row parts the
    # rows into two blocks, the next program's name lines over its values; the total row set apart the same way
    ("jambi", "libreoffice", 435),  # no rules, centred cells, thin padding: rows 1.24 pitches of wrapped text apart
    ("jambi", "html", 463),  # column rules, centred cells, thin padding: the same at 1.23 pitches, a table start
    # of a few rows at a page bottom
]


def _extract(pdf: Path, root: Path) -> tuple[dict, dict[str, pd.DataFrame]]:
    record = extract_document(pdf, root)
    out = root / record["document_id"] / record["extractor_version"]
    frames = {}
    for name in ("tables", "indicators", "budget_lines"):
        path = out / f"{name}.parquet"
        frames[name] = pd.read_parquet(path) if path.is_file() else pd.DataFrame()
    return record, frames


# Development variants drawn again with column rules alone (bench: rule style 'vertical', which the stream
# draws from variant 420 on only)
VERTICAL = [
    ("jambi", "reportlab", 10),  # Tabel 3.3's last rows open a page above the ruled start of Tabel 3.8: lattice
    # reads that page's grid, the rows above it are headless words
    ("jambi", "libreoffice", 23),  # the same, with Tabel 3.3's caption printed under those rows
    ("jambi", "libreoffice", 21),  # Tabel 3.9's last row cut below its values: the rest of its name alone opens
    # the last page
    ("jambi", "html", 11),  # Tabel 3.9's sasaran names run up to the indicator column, a word space from its text:
    # the drawn column rules part them
    ("jambi", "reportlab", 24),  # Tabel 3.9's row cut by the page break: the rest's first line printed across the
    # top of the grid on the next page, outside its cells
    ("jambi", "reportlab", 13),  # a kegiatan name's last line set from the left margin under the grid, across the
    # empty numbering column ('PARA' | 'PEMANGKU KEPENTINGAN'): it stays the name's
]


@pytest.mark.parametrize("seed,engine,number", VARIANTS, ids=[f"{s}_{e}_{k}" for s, e, k in VARIANTS])
def test_every_printed_fact_comes_out(seed, engine, number, tmp_path):
    pdf, meta = fuzz_pdf(seed, engine, number)
    _assert_every_fact(pdf, meta, tmp_path)


@pytest.mark.parametrize("seed,engine,number", VERTICAL, ids=[f"{s}_{e}_{k}_vertical" for s, e, k in VERTICAL])
def test_every_printed_fact_comes_out_under_column_rules_alone(seed, engine, number, tmp_path):
    pdf = vertical_pdf(seed, engine, number)
    _assert_every_fact(pdf, json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8")), tmp_path)


def _assert_every_fact(pdf: Path, meta: dict, tmp_path: Path) -> None:
    record, frames = _extract(pdf, tmp_path)
    got = seed_score.extracted_facts(record, frames)
    want = exp.expected_for(meta["slug"])
    for family in (exp.INDICATOR, exp.BUDGET):
        lost = sorted(set(want[family]) - {g.fact for g in got[family]}, key=str)
        assert not lost, f"{len(lost)} of {len(want[family])} {family} facts lost, e.g. {lost[:3]}"
        spurious = [fact for fact in _facts_of_expected_tables(record, frames, family, want[family])
                    if fact not in set(want[family])]
        assert not spurious, f"{family} facts in the seed's tables that it does not print: {spurious[:3]}"


def _facts_of_expected_tables(record: dict, frames: dict, family: str, want: list[tuple]) -> list[tuple]:
    """Every fact of the tables that hold an expected fact's subject (level, name): a wrong value,
    an invented row or a header read as a row all count, whatever their subject."""
    subjects = {fact[3:5] for fact in want}
    frame_name = "indicators" if family == exp.INDICATOR else "budget_lines"
    facts = frames[frame_name]
    out = []
    for table_id in ([] if facts.empty else facts.table_id.unique()):
        part = {**frames, "indicators": pd.DataFrame(), "budget_lines": pd.DataFrame(),
                frame_name: facts[facts.table_id == table_id]}
        table_facts = [g.fact for g in seed_score.extracted_facts(record, part)[family]]
        if any(fact[3:5] in subjects for fact in table_facts):
            out += table_facts
    return out
