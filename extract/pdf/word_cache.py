"""The words of a page, read once per document.

The word reader (`unruled.read_word_tables`) reads the words of every page without a ruled table, and
the caption rule for a table cut by a page break (`captions.carry_cut_header`) reads the words of the
table's page and of the page before it again, once per table: 63 reads of 42 pages of the unruled Jepara
sample (0.29 CPU-s; read once, 0.20). Both open their own pdfium document, so the words are kept by file
(path, size and modification time) and page, for the last file read only.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from copy import copy

from extract.model import Word

_cache: dict[int, list[Word]] = {}
_cached_file: tuple | None = None


def cached_words(doc, number: int, read: Callable) -> list[Word]:
    """`read(page)` of page `number` (1-based) of the open pdfium document `doc`, from the cache when the
    same file's page was read before. Fresh Word objects every time: a caller may change its words."""
    global _cache, _cached_file
    identity = _file_identity(doc)
    if identity is None:  # opened from bytes: nothing names the file
        return read(doc[number - 1])
    if identity != _cached_file:
        _cache, _cached_file = {}, identity
    if number not in _cache:
        _cache[number] = read(doc[number - 1])
    return [copy(w) for w in _cache[number]]


def _file_identity(doc) -> tuple | None:
    source = getattr(doc, "_input", None)  # pypdfium2 keeps what the document was opened from
    if not isinstance(source, str | os.PathLike):
        return None
    try:
        stat = os.stat(source)
    except OSError:
        return None
    return os.path.realpath(source), stat.st_size, stat.st_mtime_ns
