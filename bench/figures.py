"""How the benchmark prints a figure: a share with a fixed number of digits, '-' for none."""
from __future__ import annotations


def fmt(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)
