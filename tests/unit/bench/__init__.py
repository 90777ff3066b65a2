"""Tests of bench/: the fuzz renderers and the benchmark scorers."""
