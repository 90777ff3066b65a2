"""Layout of the scorecard's charts and the number format of the site.

Pure presentation: given values already read from the marts, work out bar lengths, colour bands and labels
(as ready-to-print strings) for the templates `_charts.html` draws. Bar charts are HTML (names wrap, the
value sits in its own column clear of the 100 % line, the layout reflows at phone width); the small trend
charts are inline SVG. Nothing here computes a figure shown as data; `fmt_number` is also the templates'
`number` filter.
"""
from __future__ import annotations

TREND_W, TREND_H, TREND_PAD = 220, 70, 18
# Colour bands of a percentage (capaian, penyerapan): the lower bound of each band, highest first. The band
# classes map to a colour-blind-safe diverging palette (ColorBrewer RdYlBu) in static/site.css.
BANDS = ((100, "band-5", "≥ 100"), (90, "band-4", "90–100"), (75, "band-3", "75–90"), (50, "band-2", "50–75"),
         (float("-inf"), "band-1", "< 50"))
SEPARATORS = {"id": (".", ","), "en": (",", ".")}     # thousands, decimal


def fmt_number(value, decimals: int | None = None, lang: str = "id") -> str:
    """1871557000 -> '1.871.557.000' (en '1,871,557,000'), 95.22 -> '95,22' (en '95.22'), None -> '–'."""
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if abs(value) >= 1000 and float(value).is_integer() else 2
    thousands, decimal = SEPARATORS[lang]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def money_decimals(value) -> int:
    """Rupiah amounts print without decimals unless the report printed some (6.847.986.125,50)."""
    return 2 if value and not float(value).is_integer() else 0


def band(value: float) -> str:
    """The colour band class of a percentage: 85 and 99 fall in different bands."""
    return next(cls for bound, cls, _ in BANDS if value >= bound)


def legend() -> list[dict]:
    return [{"cls": cls, "label": label} for _, cls, label in reversed(BANDS)]


def bars(items: list[tuple[str, float | None, str]], title: str, lang: str, reference: float | None = 100,
         unit: str = " %") -> dict | None:
    """Horizontal bars for (label, value, link) items, lengths in % of the chart, a 100 % reference line."""
    items = [i for i in items if i[1] is not None]
    if not items:
        return None
    top = max(max(v for _, v, _ in items), reference or 0) * 1.05 or 1
    rows = [{"label": label, "link": link, "cls": band(value), "value": f"{fmt_number(value, None, lang)}{unit}",
             "width": f"{max(0.5, 100 * value / top):.1f}"} for label, value, link in items]
    return {"title": title, "rows": rows, "legend": legend(),
            "reference": None if reference is None else f"{100 * reference / top:.1f}"}


def trend(points: list[tuple[int, float]], label: str, lang: str) -> dict | None:
    """A small line chart of values over fiscal years; None for fewer than two points."""
    if len(points) < 2:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, span_x = min(xs), (max(xs) - min(xs)) or 1
    y0, span_y = min(ys), (max(ys) - min(ys)) or 1

    def px(x):
        return TREND_PAD + (TREND_W - 2 * TREND_PAD) * (x - x0) / span_x

    def py(y):
        return TREND_H - TREND_PAD - (TREND_H - 2 * TREND_PAD) * (y - y0) / span_y

    dots = [{"cx": f"{px(x):.1f}", "cy": f"{py(y):.1f}", "label_y": f"{py(y) - 6:.1f}", "year": x,
             "value": fmt_number(y, None, lang)} for x, y in points]
    return {"label": label, "width": TREND_W, "height": TREND_H, "year_y": TREND_H - 3, "dots": dots,
            "path": " ".join(f"{d['cx']},{d['cy']}" for d in dots)}
