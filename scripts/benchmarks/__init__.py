"""Benchmark sections too large for scripts/benchmark.py, one module each."""
