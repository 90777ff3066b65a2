"""Font families the variants draw from, their TrueType files and text measuring.

Every engine is given the same family name; the files are only needed for reportlab (which
embeds them) and for measuring column widths, so all engines size columns the same way.
Debian packages: fonts-dejavu-core, fonts-dejavu-extra (condensed faces), fonts-liberation2,
fonts-liberation (Liberation Sans Narrow), fonts-noto-core, fonts-freefont-ttf.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_ROOTS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))

# family -> (regular, bold, italic, bold italic) file names, first match under FONT_ROOTS wins
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    "DejaVu Serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"),
    "DejaVu Sans Condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf",
                              "DejaVuSansCondensed-Oblique.ttf", "DejaVuSansCondensed-BoldOblique.ttf"),
    "Liberation Sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
                        "LiberationSans-BoldItalic.ttf"),
    "Liberation Serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                         "LiberationSerif-BoldItalic.ttf"),
    "Liberation Sans Narrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf",
                               "LiberationSansNarrow-Italic.ttf", "LiberationSansNarrow-BoldItalic.ttf"),
    "Noto Sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"),
    "Noto Serif": ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf"),
    "FreeSans": ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf", "FreeSansBoldOblique.ttf"),
    "FreeSerif": ("FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf", "FreeSerifBoldItalic.ttf"),
}
STYLES = ("regular", "bold", "italic", "bolditalic")
# Debian package that ships each family (for error messages and the README)
PACKAGES = {
    "DejaVu Sans": "fonts-dejavu-core", "DejaVu Serif": "fonts-dejavu-core",
    "DejaVu Sans Condensed": "fonts-dejavu-extra", "Liberation Sans": "fonts-liberation2",
    "Liberation Serif": "fonts-liberation2", "Liberation Sans Narrow": "fonts-liberation",
    "Noto Sans": "fonts-noto-core", "Noto Serif": "fonts-noto-core",
    "FreeSans": "fonts-freefont-ttf", "FreeSerif": "fonts-freefont-ttf",
}


class FontMissing(RuntimeError):
    pass


@cache
def _index() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in FONT_ROOTS:
        if root.is_dir():
            for p in sorted(root.rglob("*.ttf")):
                found.setdefault(p.name, p)
    return found


@cache
def font_files(family: str) -> dict[str, Path]:
    """{'regular': path, 'bold': ..., 'italic': ..., 'bolditalic': ...} of one family."""
    idx = _index()
    out = {}
    for style, name in zip(STYLES, FAMILIES[family]):
        if name not in idx:
            raise FontMissing(f"{family}: {name} not found under {', '.join(map(str, FONT_ROOTS))} "
                              f"(apt-get install {PACKAGES[family]})")
        out[style] = idx[name]
    return out


def available(family: str) -> bool:
    try:
        font_files(family)
        return True
    except FontMissing:
        return False


def rl_name(family: str, style: str = "regular") -> str:
    """reportlab font name of a family/style, registering the family on first use."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = "Fz" + family.replace(" ", "")
    names = {s: base + ("" if s == "regular" else "-" + s) for s in STYLES}
    if names["regular"] not in pdfmetrics.getRegisteredFontNames():
        files = font_files(family)
        for s in STYLES:
            pdfmetrics.registerFont(TTFont(names[s], str(files[s])))
        pdfmetrics.registerFontFamily(base, normal=names["regular"], bold=names["bold"],
                                      italic=names["italic"], boldItalic=names["bolditalic"])
    return names[style]


def text_width(text: str, family: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Advance width in points (reportlab metrics of the TrueType file)."""
    from reportlab.pdfbase import pdfmetrics

    style = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    return pdfmetrics.stringWidth(text, rl_name(family, style), size)
