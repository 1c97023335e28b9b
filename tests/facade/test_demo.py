"""The demo runs end to end against the sandbox and says what it shows."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from fullscript.sandbox import DEFAULT_CLIENT_SECRET

DEMO_PATH = Path(__file__).resolve().parents[2] / "scripts" / "demo.py"


def load_demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fullscript_demo", DEMO_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_demo_shows_every_feature_and_no_secret() -> None:
    lines: list[str] = []
    result = await load_demo().run_demo(lines.append)
    text = "\n".join(lines)

    assert re.search(r"authorize URL: http://\S+/us/api/oauth/authorize\?client_id=", text)
    assert "authorization code exchanged: region=us" in text
    assert re.search(r"created patient \S+: Grace Hopper", text)
    assert "first_name is now 'Rear Admiral Grace'" in text
    assert "typed error: NotFoundError: 404" in text
    assert "streamed 351 patients in 4 page requests" in text
    assert "50 concurrent calls: 50 answered 401, 1 token refresh, 50 of 50 succeeded" in text
    assert re.search(r"2 x 429 \(Retry-After: 1\) absorbed: .* all 10 of 10 calls succeeded", text)
    assert "CA before authorizing: UnknownGrantError" in text
    assert "Canadian region: token region=ca, clinic 'Sandbox Wellness Clinic (CA)'" in text
    assert result.token_calls == 3  # US code exchange, one refresh, CA code exchange
    assert result.rate_limited == 2
    secrets = {DEFAULT_CLIENT_SECRET}
    for token in result.tokens:
        secrets |= {token.access_token, token.refresh_token}
    assert len(secrets) == 1 + 2 * 3
    for secret in secrets:
        assert secret not in text
    assert "Bearer" not in text
