"""A caption belongs to the table it sits on, above or below, by the document's own convention.

Renderings with captions printed below their tables (fuzz knob caption=below): the caption under a
table that ran on from earlier pages goes to the table's start (its continuations stay captionless
and are stitched), a caption opening the page after a table's last rows is that table's, and a
caption below one table right before the next is not the next one's.
Printed texts: Jepara 'Tabel 3.3' / 'Capaian Kinerja Sasaran Dinas Koperasi UKM Tenaga Kerja dan
Transmigrasi Kabupaten Jepara Tahun 2024', 'Tabel 3.17' / 'Realisasi Anggaran Dinas Koperasi UKM
...', the report's captions in order (Tabel 1.1 ... 2.4, the uncaptioned PK budget table, 3.1 ...);
Jambi 'Tabel 3.3 : Pengukuran Kinerja Program Tahun 2025', 'Tabel 3.8 : Realisasi Anggaran' (seed
lines of samples/seeds)."""
from __future__ import annotations

import pandas as pd

from extract.extraction import extract_document, output_dir
from tests.fuzz_variants import fuzz_pdf


def _tables(pdf, tmp_path) -> pd.DataFrame:
    record = extract_document(pdf, tmp_path)
    return pd.read_parquet(output_dir(tmp_path, record["document_id"]) / "tables.parquet")


def _caption_of(tables: pd.DataFrame, family: str) -> list[str]:
    return tables.loc[tables["family"] == family, "caption"].tolist()


def test_caption_on_the_page_after_the_last_rows_is_the_tables(tmp_path):
    """jepara reportlab 3: Tabel 3.3's last rows end page 5's top, its caption follows them; the
    table started at the foot of page 3. Tabel 3.17's caption is under its fourth page."""
    pdf, meta = fuzz_pdf("jepara", "reportlab", 3)
    assert meta["variant"]["caption"] == "below"
    tables = _tables(pdf, tmp_path)
    [indicator] = _caption_of(tables, "indicator_achievement")
    assert indicator.startswith("Tabel 3.3 Capaian Kinerja Sasaran Dinas Koperasi UKM")
    [budget] = _caption_of(tables, "budget_realization")
    assert budget.startswith("Tabel 3.17 Realisasi Anggaran Dinas Koperasi UKM")


def test_captions_below_each_of_three_tables(tmp_path):
    """jambi reportlab 0: Tabel 3.8 runs over four pages; its caption below the last part is its
    start's, and Tabel 3.3's caption above Tabel 3.8 is not Tabel 3.8's."""
    pdf, meta = fuzz_pdf("jambi", "reportlab", 0)
    assert meta["variant"]["caption"] == "below"
    tables = _tables(pdf, tmp_path)
    [budget] = _caption_of(tables, "budget_realization")
    assert budget.startswith("Tabel 3.8 : Realisasi Anggaran")
    captions = tables["caption"].tolist()
    assert any(c.startswith("Tabel 3.3 : Pengukuran Kinerja Program Tahun 2025") for c in captions)


def test_caption_below_is_not_the_next_tables(tmp_path):
    """jepara whole report, reportlab 0 (captions below, every table): Tabel 1.1 is not Tabel 1.2's
    table, Tabel 2.4 is the Perjanjian Kinerja table's (which opens its page, after Tabel 2.3's
    caption) and not the uncaptioned PK budget table's under it."""
    pdf, meta = fuzz_pdf("jepara", "reportlab", 0, whole=True)
    assert meta["variant"]["caption"] == "below"
    captions = [" ".join(c.split()[:2]) for c in _tables(pdf, tmp_path)["caption"]]
    assert captions[:10] == ["Tabel 1.1", "Tabel 1.2", "Tabel 1.3", "Tabel 2.1", "Tabel 2.2.", "Tabel 2.3",
                             "Tabel 2.4", "", "Tabel 3.1", "Tabel 3.2"]


def test_caption_at_a_page_foot_is_the_next_pages_table(tmp_path):
    """jambi whole report, LibreOffice 1 (captions above): 'Tabel 3.4 : Target dan Realisasi Kinerja
    Tahun 2024' ends page 25 under the prose after Tabel 3.3; its table opens page 26 and is no
    continuation of Tabel 3.3 (its 2024 targets are no facts of Tabel 3.3)."""
    pdf, meta = fuzz_pdf("jambi", "libreoffice", 1, whole=True)
    assert meta["variant"]["caption"] == "above"
    tables = _tables(pdf, tmp_path)
    captions = [" ".join(c.split()[:3]) for c in tables["caption"]]
    start = captions.index("Tabel 3.3 :")
    assert captions[start:start + 3] == ["Tabel 3.3 :", "Tabel 3.4 :", ""]
    assert tables["page_start"].iloc[start + 1] == tables["page_end"].iloc[start] + 1
