"""A layout-fuzz variant for a test: rendered into the benchmark's cache (build/fuzz/pdf/<fingerprint>/)
or reused from it; the test is skipped when the engine's program (soffice, chromium) is missing."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import fuzz_score
from bench.cache import ROOT


def fuzz_pdf(seed: str, engine: str, number: int) -> tuple[Path, dict]:
    missing = fuzz_score.engine_missing(engine)
    if missing:
        pytest.skip(f"{engine} variants need {missing}")
    render_dir = fuzz_score.render_dir(ROOT / "build" / "fuzz")
    render_dir.mkdir(parents=True, exist_ok=True)
    return fuzz_score.render_cached(seed, engine, number, render_dir)
