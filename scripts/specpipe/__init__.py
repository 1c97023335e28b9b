"""Spec pipeline: load, normalise, generate and compare Fullscript OpenAPI documents.

The command-line entry points live next to this package (``scripts/generate.py``,
``scripts/normalize_spec.py``, ``scripts/spec_diff.py``); they put ``scripts/`` on ``sys.path``.
"""
