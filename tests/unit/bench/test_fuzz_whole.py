"""bench/fuzz whole-report mode: the whole seed report is read in order with every table (counts
and header rows checked by reading samples/seeds/*.txt), the benchmark tables are the table-only
document's, and each engine renders a whole report holding every number of every table."""
from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest

from bench.fuzz.document import OTHER, SEED_INFO, build_document, build_whole_document, strip_markup
from bench.fuzz.layout import Block, blocks, is_numeric
from bench.fuzz.variants import make_variant
from tests.unit.bench.test_fuzz_render import _engine_ready

# Captions as printed in the seed text, in order (Jepara: lines 165-792, no Tabel 3.5-3.11 captions;
# Jambi: lines 202-1213, the list of tables at lines 78-99 is a table of contents, Tabel 2.1 is only
# listed there), and the uncaptioned tables: a tab block starting at that 1-based line.
CAPTIONED = {
    "jepara": ["Tabel 1.1", "Tabel 1.2", "Tabel 1.3", "Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4",
               "Tabel 3.1", "Tabel 3.2", "Tabel 3.3", "Tabel 3.4", "Tabel 3.12", "Tabel 3.13", "Tabel 3.14",
               "Tabel 3.15", "Tabel 3.16", "Tabel 3.17"],
    "jambi": ["Tabel 1.1", "Tabel 1.2", "Tabel 1.3", "Tabel 1.4", "Tabel 1.5", "Tabel 2.2", "Tabel 2.3",
              "Tabel 2.4", "Tabel 2.5", "Tabel 2.6", "Tabel 2.7", "tabel 2.8", "Tabel 3.1", "Tabel 3.2",
              "Tabel 3.3", "Tabel 3.4", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7", "Tabel 3.8", "Tabel 3.9"],
}
# Jepara 481: the PK budget table right after Tabel 2.4 ("NO PROGRAM ANGGARAN KETERANGAN");
# 987 / 997 and 1065 / 1075: the PK and PK Perubahan attachments (sasaran table, then program
# budget table). Jambi 725: "No Indikator Sasaran 2025" after Tabel 3.4; 747: the Renstra targets
# after Tabel 3.5 ("Target 2026 ... Target 2029").
UNCAPTIONED_LINES = {"jepara": [481, 987, 997, 1065, 1075], "jambi": [725, 747]}
# Header rows checked by eye: (seed, caption, header rows, first cell of the first body row).
HEADERS = [
    ("jepara", "Tabel 2.2", 3, "1"),    # label row, years 2023-2026, numbering row 1..8
    ("jepara", "Tabel 3.14", 2, "1"),   # label row, numbering 1..9; "1 Meningkatnya ..." is a sasaran row
    ("jambi", "Tabel 1.4", 2, "A"),     # label row, "B RR RB" condition sub-header; "A Alat - Alat Angkutan"
    ("jambi", "Tabel 1.5", 1, "I"),     # "No Uraian Anggaran Ket", then "I BELANJA DAERAH"
    ("jambi", "Tabel 3.6", 2, "1"),     # numbering row ends "6 = (5-4)"
]


@pytest.mark.parametrize("seed", ["jepara", "jambi"])
def test_whole_document_has_every_table_in_seed_order(seed):
    doc = build_whole_document(seed)
    captioned = [t.key for t in doc.tables if t.caption]
    assert captioned == CAPTIONED[seed]
    assert [t.line + 1 for t in doc.tables if not t.caption] == UNCAPTIONED_LINES[seed]
    assert [t.line for t in doc.tables] == sorted(t.line for t in doc.tables)
    assert [p[0] for k, p in doc.items if k == "chapter"] == ["BAB I", "BAB II", "BAB III", "BAB IV"]
    assert sum(k == "toc" for k, _ in doc.items) == (1 if seed == "jepara" else 2)   # DAFTAR ISI (+ TABEL)


@pytest.mark.parametrize("seed", ["jepara", "jambi"])
def test_benchmark_tables_are_marked_and_unchanged(seed):
    whole, doc = build_whole_document(seed), build_document(seed)
    marked = [t for t in whole.tables if t.family != OTHER]
    assert [t.key for t in marked] == [t.key for t in doc.tables]
    assert {t.key for t in marked} == {p.strip(" :") for p, _, _ in SEED_INFO[seed].tables}
    for t, ref in zip(marked, doc.tables):
        assert (t.family, t.header, t.body, t.caption) == (ref.family, ref.header, ref.body, ref.caption)


@pytest.mark.parametrize("seed,key,nhead,first", HEADERS)
def test_header_rows_of_other_tables(seed, key, nhead, first):
    t = next(t for t in build_whole_document(seed).tables if t.key == key)
    assert t.family == OTHER
    assert len(t.header) == nhead
    assert t.body[0][0] == first


def test_repeated_header_after_a_page_break_is_dropped():
    # Jepara Tabel 2.1 prints its two header rows again at line 375 (the original's page break)
    t = next(t for t in build_whole_document("jepara").tables if t.key == "Tabel 2.1")
    assert [r[0] for r in t.rows].count("No") == 1
    assert any("mengenai program transmigrasi" in c for r in t.body for c in r)


@pytest.mark.parametrize("chapter_break", [True, False])
def test_blocks_hold_every_table_and_break_before_chapters(chapter_break):
    doc = build_whole_document("jambi")
    v = dataclasses.replace(make_variant("jambi", "reportlab", 0, base_seed=1), chapter_break=chapter_break,
                            caption="above")
    story, grids = blocks(doc, v)
    tables = [b for b in story if b.kind == "table"]
    assert [b.grid.key for b in tables] == [t.key for t in doc.tables] and len(grids) == len(doc.tables)
    captions = [b for b in story if b.kind == "caption"]
    assert len(captions) == sum(bool(t.caption) for t in doc.tables)
    before_chapter = [story[i - 1].kind for i, b in enumerate(story) if b.kind == "chapter"]
    assert (set(before_chapter) == {"page_break"}) == chapter_break
    assert isinstance(story[0], Block) and story[0].kind == "title"


def _all_table_numbers(seed: str) -> Counter:
    want: Counter = Counter()
    for t in build_whole_document(seed).tables:
        for cell in (c for row in t.body for c in row):
            text = strip_markup(cell)
            if is_numeric(text):
                want.update(tok for tok in text.replace("Rp", " ").replace("%", " ").split()
                            if re.fullmatch(r"\d[\d.,]*\d", tok) and len(tok) > 2)
    return want


@pytest.mark.parametrize("engine", ["reportlab", "libreoffice", "html"])
def test_engine_renders_a_whole_report(engine, tmp_path):
    reason = _engine_ready(engine)
    if reason:
        pytest.skip(reason)
    from bench.fuzz.check import pdf_tokens
    from bench.fuzz.render import render_variant

    v = dataclasses.replace(make_variant("jambi", engine, 0, base_seed=1), font="DejaVu Sans")
    pdf = render_variant("jambi", v, tmp_path, whole=True)
    assert pdf.name == f"jambi_{engine}_whole_0.pdf" and pdf.stat().st_size > 0
    want = _all_table_numbers("jambi")
    got = Counter(tok for raw, n in pdf_tokens(pdf).items() for tok in [raw.rstrip("%")] * n)
    missing = {tok: n - got[tok] for tok, n in want.items() if got[tok] < n}
    assert sum(want.values()) > 400 and not missing, missing
