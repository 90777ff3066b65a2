"""Accuracy and speed benchmark (bench/accuracy.py)."""
