"""Layout of the inline SVG charts and the number format of the scorecard site.

Pure presentation: given values already read from the marts, work out coordinates and labels (as
ready-to-print strings) for the templates `_charts.html` draws. Nothing here computes a figure shown
as data; `fmt_number` is also the templates' `number` filter.
"""
from __future__ import annotations

BAR_LABEL_W, BAR_W, BAR_ROW_H = 330, 360, 22
TREND_W, TREND_H, TREND_PAD = 220, 70, 18


def fmt_number(value, decimals: int | None = None) -> str:
    """2.9 -> '2.90', 1871557000 -> '1,871,557,000', None -> '–'."""
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if abs(value) >= 1000 and float(value).is_integer() else 2
    return f"{value:,.{decimals}f}"


def money_decimals(value) -> int:
    """Rupiah amounts print without decimals unless the report printed some (6,847,986,125.50)."""
    return 2 if value and not float(value).is_integer() else 0


def _bar(index: int, label: str, value: float, link: str, top: float, reference, unit: str) -> dict:
    y = 10 + index * BAR_ROW_H
    w = max(1.0, BAR_W * value / top)
    return {"label": label, "short": label if len(label) <= 48 else label[:46] + "…", "link": link,
            "cls": "bar below" if reference is not None and value < reference else "bar",
            "text_y": y + 14, "rect_y": y + 3, "w": f"{w:.1f}", "value_x": f"{BAR_LABEL_W + w + 4:.1f}",
            "value": f"{fmt_number(value)}{unit}"}


def bars(items: list[tuple[str, float | None, str]], title: str, reference: float | None = 100,
         unit: str = "%") -> dict | None:
    """Horizontal bars for (label, value, link) items, with a reference line (100 % = on target)."""
    items = [i for i in items if i[1] is not None]
    if not items:
        return None
    top = max(max(v for _, v, _ in items), reference or 0) * 1.1 or 1
    height = BAR_ROW_H * len(items) + 30
    chart = {"title": title, "width": BAR_LABEL_W + BAR_W + 70, "height": height, "label_w": BAR_LABEL_W,
             "label_x": BAR_LABEL_W - 6, "bar_h": BAR_ROW_H - 6, "reference": None,
             "rows": [_bar(i, *item, top, reference, unit) for i, item in enumerate(items)]}
    if reference is not None:
        chart["reference"] = {"x": f"{BAR_LABEL_W + BAR_W * reference / top:.1f}", "y2": height - 18,
                              "text_y": height - 4, "label": f"{reference:g}{unit}"}
    return chart


def trend(points: list[tuple[int, float]], label: str) -> dict | None:
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
             "value": fmt_number(y)} for x, y in points]
    return {"label": label, "width": TREND_W, "height": TREND_H, "year_y": TREND_H - 3, "dots": dots,
            "path": " ".join(f"{d['cx']},{d['cy']}" for d in dots)}
