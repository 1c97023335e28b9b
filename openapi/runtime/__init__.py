"""The hand-written runtime of ``generated/fullscript_api``, kept as files ruff and mypy check.

scripts/generate.py copies every module here except this one, verbatim, into the generated
package (``types.py``, ``client.py``, ``errors.py``, ``pagination.py``), replacing the
generator's own module of the same name. Edit them here, then run ``make generate``. This file
only makes the folder a package for the checkers.
"""
