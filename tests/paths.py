"""Paths the tests share: the checkout, the sample PDFs and seeds, the real corpus beside it."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_PDFS = SAMPLES / "pdf"
# ../shared/corpus (the real published reports) sits beside the checkout; CI copies it there too.
CORPUS = Path(os.environ.get("LKJIP_CORPUS_DIR") or REPO.parent / "shared" / "corpus")
