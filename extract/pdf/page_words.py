"""Words and lines of a PDF page, read through pdfium: what the word reader
(extract/pdf/unruled.py) and the caption finder work on. A page's running header and footer are
told apart here too, as they cross a table's gutters like a row."""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field, replace
from statistics import median

import pypdfium2.raw as pdfium_c

from extract.model import Line, Word

# Typographic ligatures some renderers put in the text layer ('Sertiﬁkasi'): read as their letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})



@dataclass
class PageWord(Word):
    """A word read from a page, with the bottom its glyphs share (`seat`). A font without a descent
    gives each glyph its own box: a first letter hanging below the baseline ('jumlah', 'yang') takes
    the word's box down a descent, below its line. The box stays (the ink, for the space between
    lines); the seat tells which line and level the word is on."""
    seat: float = field(default=0.0, kw_only=True)


def seat(word: Word) -> float:
    """Where the word sits: its seat, or its box's bottom (a word not read from a page)."""
    return getattr(word, "seat", word.bottom)


def line_seat(line: Line) -> float:
    """The lowest seat of a line's words: where its text stands, hanging glyphs aside."""
    return min(map(seat, line.words))


def seated_height(word: Word) -> float:
    return word.top - seat(word)


def page_words(page) -> list[Word]:
    """Words of a pdfium page: characters joined until a space or a jump in position."""
    textpage = page.get_textpage()
    words: list[Word] = []
    current: PageWord | None = None
    bottoms: list[float] = []  # the current word's characters' bottoms
    guessed = False  # a line break pdfium guessed since the last character
    box = pdfium_c.FS_RECTF()  # one buffer for every character's box: the raw calls cost half of pypdfium2's
    for index in range(textpage.count_chars()):
        char = _char(textpage, index).replace("\ufffe", "-").replace("\xad", "-")  # soft hyphens
        char = char.translate(LIGATURES)
        if char in ("\r", "\n"):
            # Some renderers place every glyph alone and pdfium then guesses a line break between
            # any two of them, and no space between words: positions tell.
            guessed = True
            continue
        if not char.strip():
            _flush(words, current, bottoms)
            current = None
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        left, bottom, right, top = box.left, box.bottom, box.right, box.top
        pen = _pen_left(textpage, index, left)  # a word also starts at its pen: text is aligned on it
        if current is not None and _breaks_word(current, pen, bottom, top, 0.1 if guessed else 0.25):
            _flush(words, current, bottoms)
            current = None
        if current is None:
            current, bottoms = PageWord(pen, right, bottom, top, char), []
        else:
            current.x1, current.text = max(current.x1, right), current.text + char
        bottoms.append(bottom)
        guessed = False
    _flush(words, current, bottoms)
    return words


def _char(textpage, index: int) -> str:
    """The character at `index`: its code point, or pypdfium2's text for control codes, surrogates and
    pdfium's 0xFFFE (a hyphen it guessed)."""
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    if 0x20 <= code < 0xD800 or 0xE000 <= code < 0xFFFE:
        return chr(code)
    return textpage.get_text_range(index, 1)


def _pen_left(textpage, index: int, left: float) -> float:
    """Where a glyph starts for the space before it: its box, or the pen position when its ink
    reaches left of that (an italic 'y' or 'g' draws its tail under the letter before: 'Koperasi
    yang' set glyph by glyph would read 'Koperasiyang'). A word starts there too: a column's text is
    aligned on the pen, and the hook of a serif 'J' a point further left crossed the strip one cell
    padding wide between two text columns ('Jumlah', jepara_libreoffice_153 p. 4)."""
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y)):
        return left
    return max(left, x.value)


def _breaks_word(word: Word, left: float, bottom: float, top: float, space: float = 0.25) -> bool:
    """A gap of `space` line heights or more, a step back or another baseline ends a word."""
    height = max(word.height, top - bottom, 1.0)
    jumped_right = left - word.x1 > space * height
    jumped_back = left < word.x1 - 0.5 * height
    other_line = abs(bottom - word.bottom) > 0.5 * height
    return jumped_right or jumped_back or other_line


def _flush(words: list[Word], current: PageWord | None, bottoms: list[float]) -> None:
    """Add the word, seated on the bottom most of its characters share when its letters hang below
    it (_hangs); else on its box's bottom."""
    if current is not None:
        shared = sorted(bottoms, reverse=True)[(len(bottoms) - 1) // 2]
        current.seat = shared if _hangs(bottoms, shared, current) else current.bottom
        words.append(current)


HANGING = 0.15  # of a word's height: a letter's descent, far more than a skewed line's drift
SHALLOW_HANGING = 0.1  # of a word's height: the least descent two flat levels of bottoms show


def _hangs(bottoms: list[float], shared: float, word: Word) -> bool:
    """The bottom most characters share lies HANGING or more above the word's (a hanging first letter;
    not the drift of a skewed OCR line), or SHALLOW_HANGING or more where every character's bottom is
    on one of those two, each flat (within LEVEL_FLAT and a quarter of the step): the letters on the
    baseline and the descents of the others ('p', 'g'), not a drift, which spreads the bottoms along
    the word. A bold font with a short descent hangs 'program' 0.13 of its box below '%' beside it."""
    drop = shared - word.bottom
    flat = min(LEVEL_FLAT * word.height, drop / 4)
    if drop >= HANGING * word.height:
        return True
    two_levels = all(abs(b - shared) <= flat or b - word.bottom <= flat for b in bottoms)
    return drop >= SHALLOW_HANGING * word.height and two_levels


def group_lines(words: list[Word]) -> list[Line]:
    """Words on the same baseline (their seats within half a line height), top to bottom. A baseline
    (_baselines) goes whole into one line, joining the line above only where each of its words
    would: its words' seats differ by a rounding and their heights by a font's (a figure is shorter
    than a capital), and where it lies half a line height under the line above (a cell merged over
    two rows beside the next row's first line, `levels`), judging word by word put 'Persentase' on
    the line above and '14.00' beside it on a line of its own, or 'Yg' up and 'UMKM' down."""
    lines: list[Line] = []
    for base in _baselines(words):
        if lines and all(abs(seat(lines[-1].words[0]) - seat(w)) <= 0.5 * seated_height(w) for w in base):
            lines[-1].words.extend(base)
        else:
            lines.append(Line(base))
    return _spills_lifted(lines)


WRAPPED_NUMBER = re.compile(r"\d[.,]$")  # a number cut after its decimal separator: '1.128,'


def _spills_lifted(lines: list[Line]) -> list[Line]:
    """A number wrapped in a row one line high ('1.128,' over '26') prints its end on the next row's
    line, over that row's own value: digits that overprint a word of their line (one seat, boxes
    overlapping half of the digits' width) under a wrapped number of the line above (its box over
    theirs) are that number's end, joined to it. Typesetting never overprints words of one line;
    a sheet exported with fixed row heights does (provsu_2022_lra-opd p. 1, two rows)."""
    for above, line in zip(lines, lines[1:]):
        for word in [w for w in line.words if w.text.isdigit() and _overprints(w, line.words)]:
            cut = [u for u in above.words if WRAPPED_NUMBER.search(u.text) and _overlap(u, word) > 0]
            if cut:
                above.words[above.words.index(cut[0])] = replace(cut[0], text=cut[0].text + word.text)
                line.words.remove(word)
    return lines


def _overprints(word: Word, words: list[Word]) -> bool:
    return any(other is not word and abs(seat(other) - seat(word)) <= LEVEL_FLAT * seated_height(word)
               and _overlap(other, word) > 0.5 * (word.x1 - word.x0) for other in words)


def _overlap(a: Word, b: Word) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _baselines(words: list[Word]) -> list[list[Word]]:
    """Words, top to bottom, in runs whose seats lie within LEVEL_FLAT of the run's first."""
    runs: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (-seat(w), w.x0)):
        if runs and seat(runs[-1][0]) - seat(word) <= LEVEL_FLAT * seated_height(word):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


LEVEL_GAP = 0.3  # line heights between two levels of one line (half a pitch is 0.4 to 0.6)
LEVEL_FLAT = 0.05  # line heights a level's words may differ by: one baseline of a text layer


def levels(words: list[Word]) -> list[list[Word]]:
    """A line's words split, top to bottom, where their bottoms step by LEVEL_GAP or more and
    each part is flat. A cell aligned to the middle beside cells of one line more or fewer sets
    its lines half a pitch off its neighbours' lines: half a pitch is within the half line height
    that groups words into a line, which then holds two levels. A skewed or unevenly set line (an
    OCR text layer) has its bottoms spread along it, not in flat steps: it stays one level."""
    height = median(seated_height(w) for w in words)
    order = sorted(words, key=lambda w: -seat(w))
    parts = [[order[0]]]
    for word in order[1:]:
        if seat(parts[-1][-1]) - seat(word) >= LEVEL_GAP * height:
            parts.append([word])
        else:
            parts[-1].append(word)
    flat = all(seat(p[0]) - seat(p[-1]) <= LEVEL_FLAT * height for p in parts)
    usual = all(abs(seated_height(w) - height) <= 0.2 * height for w in words)
    if len(parts) == 1 or not (flat and usual):
        return [words]
    return [sorted(p, key=lambda w: w.x0) for p in parts]
