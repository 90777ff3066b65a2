"""extract/pdf/word_cache.py on the bundled unruled Jepara report: a page's words are read once per file,
whichever open document asks, and every caller gets words of its own."""
import os
import shutil

import pypdfium2 as pdfium
import pytest

from extract.pdf import word_cache
from extract.pdf.unruled import page_words
from tests.paths import REPO

PDF = REPO / "samples" / "pdf" / "lkjip_jepara_2024_unruled.pdf"


class Reader:
    """page_words, counting the pages it really reads."""

    def __init__(self):
        self.reads = 0

    def __call__(self, page):
        self.reads += 1
        return page_words(page)


@pytest.fixture
def docs():
    opened = [pdfium.PdfDocument(str(PDF)), pdfium.PdfDocument(PDF)]  # two readers, two documents
    yield opened
    for doc in opened:
        doc.close()


def _texts(words):
    return [w.text for w in words]


def test_a_page_is_read_once_for_both_documents(docs):
    reader = Reader()
    first = word_cache.cached_words(docs[0], 3, reader)
    again = word_cache.cached_words(docs[1], 3, reader)
    assert reader.reads == 1
    assert first == again == page_words(docs[0][2])
    assert {"DAFTAR", "ISI", "Pendahuluan"} & set(_texts(first)) >= {"DAFTAR", "ISI"}  # page 3: the contents
    word_cache.cached_words(docs[1], 4, reader)
    assert reader.reads == 2


def test_callers_get_their_own_words(docs):
    reader = Reader()
    words = word_cache.cached_words(docs[0], 5, reader)
    assert words[0].text == "IKHTISAR"  # page 5: the executive summary
    words[0].text, words[0].x1 = "changed", -1.0
    fresh = word_cache.cached_words(docs[0], 5, reader)
    assert fresh[0].text == "IKHTISAR" and fresh[0].x1 > 0 and reader.reads == 1


def test_another_file_or_a_changed_one_is_read_again(docs, tmp_path):
    reader = Reader()
    word_cache.cached_words(docs[0], 2, reader)
    copy = tmp_path / "copy.pdf"
    shutil.copyfile(PDF, copy)
    other = pdfium.PdfDocument(str(copy))
    try:
        assert word_cache.cached_words(other, 2, reader) == word_cache.cached_words(docs[0], 2, reader)
        assert reader.reads == 3  # the copy, then the first file again: only the last file is kept
        stat = os.stat(copy)
        os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # rewritten in place
        word_cache.cached_words(other, 2, reader)
        assert reader.reads == 4
    finally:
        other.close()


def test_a_document_opened_from_bytes_is_read_every_time():
    doc = pdfium.PdfDocument(PDF.read_bytes())
    try:
        reader = Reader()
        word_cache.cached_words(doc, 2, reader)
        word_cache.cached_words(doc, 2, reader)
        assert reader.reads == 2
    finally:
        doc.close()
