"""Which pages go to ocrmypdf, and how (extract/pdf/inventory.py `pages_to_ocr`, extract/pdf/ocr.py
`_ocr_some_pages`): the file that comes back must be the one ocrmypdf over the whole report with
--pages gave. Corpus reports whose covers are pictures: Ambon's LAKIP (its cover prints its page number
'i' as text), the Jombang Renstra (cover 'Inspektorat Kabupaten Jombang' with no text at all; page 17
prints only its page number) and Grobogan's LKjIP (cover and page 2 without text)."""
from __future__ import annotations

import pytest

from extract.pdf import ocr
from extract.pdf.inventory import read_inventory
from tests.paths import REPO

CORPUS = REPO.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")


def _corpus(name: str):
    pdf = CORPUS / name
    if not pdf.exists():
        pytest.skip(f"corpus file not found: {pdf}")
    return pdf


def _pages(inventory):
    return [(p.number, p.text, p.width, p.height, p.image_share, p.ruled, p.empty) for p in inventory.pages]


@pytest.mark.parametrize("name, with_some_text", [("ambon-diskominfo_2021_lakip.pdf", [1, 45]),
                                                  ("jombang-inspektorat_2018-2023_renstra-perubahan.pdf", [17])])
def test_a_page_with_a_little_text_is_not_asked_for_ocrmypdf_skips_it(tmp_path, name, with_some_text):
    pdf = _corpus(name)
    inventory = read_inventory(pdf)
    assert all(0 < len(inventory.pages[n - 1].text.strip()) < 20 for n in with_some_text)  # 'i', 'Lampiran', '16'
    assert not set(with_some_text) & set(inventory.pages_to_ocr)
    ocr._run_ocrmypdf(pdf, tmp_path / "asked.pdf", ocr.DEFAULT_LANGUAGE, with_some_text, 600, None)
    asked = read_inventory(tmp_path / "asked.pdf")
    assert [asked.pages[n - 1].text for n in with_some_text] == [inventory.pages[n - 1].text for n in with_some_text]


@pytest.mark.parametrize("name, pages, cover_word", [
    ("jombang-inspektorat_2018-2023_renstra-perubahan.pdf", [1], "JOMBANG"),
    ("kab-grobogan-dpupr_2021_lkjip.pdf", [1, 2], "GROBOGAN"),
])
def test_some_pages_read_alone_give_the_file_the_whole_report_gives(tmp_path, name, pages, cover_word):
    pdf = _corpus(name)
    before = read_inventory(pdf)
    assert before.pages_to_ocr == pages
    alone = read_inventory(ocr.ocr_pages(pdf, tmp_path / "alone.pdf", pages=pages))
    ocr._run_ocrmypdf(pdf, tmp_path / "whole.pdf", ocr.DEFAULT_LANGUAGE, pages, 600, None)  # the former way
    assert _pages(alone) == _pages(read_inventory(tmp_path / "whole.pdf"))
    # Extraction reads only the OCRed pages again (extraction._ocr): the same inventory as reading it all.
    assert _pages(read_inventory(tmp_path / "alone.pdf", update=before, pages=pages)) == _pages(alone)
    assert cover_word in alone.pages[0].text.upper()  # the cover now has a text layer
    assert alone.page_count == read_inventory(pdf).page_count


def test_every_page_to_read_goes_to_ocrmypdf_as_before(tmp_path):
    """A scan without any text layer is given whole, with --pages naming every page."""
    scan = _corpus("jombang-inspektorat_2020_pk-scan.pdf")
    ocred = read_inventory(ocr.ocr_pages(scan, tmp_path / "pk.pdf", pages=[2, 1]))
    assert ocred.text_pages == [1, 2] and "INSPEKTORAT KABUPATEN JOMBANG" in " ".join(ocred.pages[0].text.split())
