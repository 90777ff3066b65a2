"""bench/scale.py cpu --repeat N: the ratio of each round and the widest spread per document, on hand-made
CPU seconds (the readers themselves are measured by the bench, not here)."""
from __future__ import annotations

from bench import scale


def test_the_noise_line_gives_each_round_and_the_widest_spread(capsys):
    seconds = {"a.pdf": {"extract": [2.0, 3.0], "lattice": [2.0, 2.0]},
               "b.pdf": {"extract": [1.0, 1.0], "lattice": [1.0, 1.0]}}
    scale._print_cpu_noise(seconds, 2)
    line = capsys.readouterr().out
    assert "each round 1.00x, 1.33x" in line  # (2 + 1) / (2 + 1) and (3 + 1) / (2 + 1)
    assert "a.pdf 1.00x-1.50x" in line
