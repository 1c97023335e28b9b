"""The spec this SDK was generated from, and how another spec differs from it in user terms.

The generated package ships the normalised spec it was built from
(``fullscript_api/openapi.json``), so an installed SDK can say which spec it follows and compare
itself with Fullscript's current file::

    python -m fullscript.spec diff https://us.fullscript.com/docs/api/open-api/v1/openapi.json

prints the breaking changes in the names users write (``fs.orders.list(order_number=...)``,
``Patient.email``, ``OrderPlaced.data.order``) and exits 1 when there is one: run it in CI to
learn that Fullscript moved before your code breaks. Only the standard library and httpx2 (for a
URL) are used; the full maintainer report is ``make spec-diff`` in the repository.
"""

from __future__ import annotations

from ._breaking import BreakingChange, breaking_changes, event_readings
from ._loading import SpecLoadError, load_spec, shipped_spec
from ._values import response_enum, unlisted_value

__all__ = [
    "BreakingChange",
    "SpecLoadError",
    "breaking_changes",
    "event_readings",
    "load_spec",
    "response_enum",
    "shipped_spec",
    "unlisted_value",
]
