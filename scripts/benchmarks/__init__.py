"""Measurements behind `make benchmark` that need their own module (scripts/benchmark.py runs them)."""
