"""Suite-wide settings: our own tests parse responses strictly.

Users get tolerant parsing (a response field that deviates from the spec is kept as sent and
logged). Our suite must instead notice every deviation, so the spec, the sandbox and the
generated client stay honest with each other: strict parsing makes one raise
`SpecDeviationError`. Tests of the tolerant behaviour turn it off for themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fullscript_api.types import STRICT_PARSING_ENV_VAR, set_strict_parsing


@pytest.fixture(scope="session", autouse=True)
def strict_parsing() -> Iterator[None]:
    """Strict in this process, and (through the environment) in any Python it starts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(STRICT_PARSING_ENV_VAR, "1")
        previous = set_strict_parsing(True)
        yield
        set_strict_parsing(previous)
