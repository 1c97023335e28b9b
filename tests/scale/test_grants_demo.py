"""The scale-out demo's clinic part runs and shows one client serving several clinics, each
with its own token (the worker part runs real processes: `make demo-scale`)."""

from __future__ import annotations

import sys
from pathlib import Path

from fullscript.sandbox import DEFAULT_CLIENT_SECRET

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


async def test_the_many_clinics_demo_keeps_each_clinics_token_apart(tmp_path: Path) -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import demo_scale
    finally:
        sys.path.remove(str(SCRIPTS))
    lines: list[str] = []
    seen = await demo_scale.many_clinics(lines.append, tmp_path)
    text = "\n".join(lines)
    assert "grants stored: ['tenant-a', 'tenant-b', 'tenant-c']" in text
    assert "tenant-b: 5 patients listed through fs.for_grant('tenant-b')" in text
    assert (
        "after remove_grant: UnknownGrantError: no OAuth token stored for grant 'tenant-c'" in text
    )
    assert "is_closed=False" in text
    # Every request the sandbox saw for a clinic carried that clinic's own token.
    assert seen == {"tenant-a": 3, "tenant-b": 2}
    assert DEFAULT_CLIENT_SECRET not in text
    assert "access_token" not in text
