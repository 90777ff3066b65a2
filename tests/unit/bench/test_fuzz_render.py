"""bench/fuzz: the document keeps the seed tables, variants are reproducible, and each engine
renders a variant whose PDF text holds every number of the tables (engines that are not
installed are skipped)."""
from __future__ import annotations

import dataclasses
import shutil
from collections import Counter

import pytest

from bench import fuzz_score
from bench.fuzz import fonts
from bench.fuzz.document import build_document, strip_markup
from bench.fuzz.layout import build_grid
from bench.fuzz.variants import make_variant, variants
from tests import seed_tables

SEED_FILES = {"jepara": seed_tables.JEPARA, "jambi": seed_tables.JAMBI}


@pytest.mark.parametrize("seed", ["jepara", "jambi"])
def test_document_tables_are_the_seed_rows(seed):
    doc = build_document(seed)
    keys = {t.key for t in doc.tables}
    assert keys == ({"Tabel 3.3", "Tabel 3.17"} if seed == "jepara" else {"Tabel 3.3", "Tabel 3.8", "Tabel 3.9"})
    for t in doc.tables:
        rows = [[strip_markup(c) for c in r] for r in t.rows]
        assert rows == seed_tables.table_lines(SEED_FILES[seed], t.caption_prefix)
        assert t.caption[0].startswith(t.key)


def test_variants_are_reproducible_and_prefix_stable():
    a = list(variants("jepara", "html", 5))
    b = list(variants("lkjip_jepara_2024", "html", 12))
    assert a == b[:5]
    assert len({v.to_json()["font"] for v in variants("jambi", "reportlab", 30)}) >= 5
    v = make_variant("jambi", "libreoffice", 7, base_seed=3)
    assert type(v).from_json(v.to_json()) == v


@pytest.mark.parametrize("seed", ["jepara", "jambi"])
def test_grid_keeps_every_word_of_every_cell(seed):
    doc = build_document(seed)
    for k in range(20):
        v = make_variant(seed, "reportlab", k)
        for t in doc.tables:
            grid = build_grid(t, v)
            got = Counter(w for row in grid.rows for c in row if not c.covered for w in c.text.split())
            want = Counter(w for row in t.rows for c in row for w in strip_markup(c).split())
            assert got == want, (k, t.key)


def _engine_ready(engine: str) -> str | None:
    if not shutil.which("pdftotext"):
        return "pdftotext missing"
    if not fonts.available("DejaVu Sans"):
        return "DejaVu Sans missing"
    return fuzz_score.engine_missing(engine)


@pytest.mark.parametrize("engine", ["reportlab", "libreoffice", "html"])
def test_engine_renders_every_table_number(engine, tmp_path):
    reason = _engine_ready(engine)
    if reason:
        pytest.skip(reason)
    from bench.fuzz.check import check_pdf
    from bench.fuzz.render import render_variant

    for seed in ("jepara", "jambi"):
        v = dataclasses.replace(make_variant(seed, engine, 1), font="DejaVu Sans")
        pdf = render_variant(seed, v, tmp_path)
        assert pdf.is_file() and pdf.with_suffix(".json").is_file()
        total, missing = check_pdf(pdf)
        assert total > 200 and not missing, missing
