"""Hand-labelled indicator facts (bench/truth/*.csv) of real reports from three issuers, asserted against what
the extractor emits from the pages of the labelled table (cut out of the corpus PDF, so the test stays short).

Found = the benchmark's rule (bench/truth_score.match): the same name after normalisation (else a close one on
the same page +-1) and the same numbers. The documents were chosen for the general rules of the indicator
parser they exercise: names beside their row numbers under a spanning label, rates per 100 000, split drop
capitals and underscores in the text layer (jabar-dinkes); a value line without a name and English numbers
(jabar-disperindag); grades with their score printed in two lines (jombang-inspektorat 2022).
"""
from __future__ import annotations

import pandas as pd
import pytest

from bench import truth_score as ts
from extract.extraction import extract_document
from tests.paths import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no real corpus at {CORPUS}: labelled set skipped")

# document -> (first page, last page) of its labelled indicator table
DOCUMENTS = {
    "jabar-dinkes_2016_lakip": (33, 35),
    "jabar-disperindag_2016_lkip": (34, 36),
    "jombang-inspektorat_2022_lkjip": (24, 24),
}


def _cut(pdf, first: int, last: int, out):
    import pypdfium2 as pdfium

    source, part = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    part.import_pages(source, pages=list(range(first - 1, last)))
    part.save(str(out))
    return out


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_labelled_indicator_fact_is_extracted(name, tmp_path):
    first, last = DOCUMENTS[name]
    pdf = _cut(CORPUS / f"{name}.pdf", first, last, tmp_path / f"{name}.pdf")
    record = extract_document(pdf, tmp_path / "extracted", document_id="t")
    assert record["status"] in ("ok", "partial"), record
    frame = pd.read_parquet(next((tmp_path / "extracted").rglob("indicators.parquet")))
    frame["source_page"] += first - 1  # pages of the cut-out -> pages of the report
    labels = [lab for lab in ts.load_labels(ts.TRUTH_DIR / f"{name}.csv") if lab.kind == ts.INDICATOR]
    got = ts.extracted_facts(record, {"indicators": frame}, ts.INDICATOR)
    pairs = ts.match(labels, got)
    missing = [ts._show(lab) for i, lab in enumerate(labels) if lab.expected and i not in pairs]
    assert not missing, f"{name}: labelled facts not extracted: {missing}"
    assert sum(lab.expected for lab in labels) >= 3
