"""Run by the packaging tests with a clean install's interpreter; prints one JSON report.

It uses the client the way the README does, on an in-process `httpx2.MockTransport`: create a
patient from a `PatientCreateRequest`, read one back. Only the SDK and its base dependencies
may be importable here.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime

BEFORE_CALLS = sorted(sys.modules)

import httpx2  # noqa: E402

import fullscript  # noqa: E402

AFTER_IMPORT = sorted(sys.modules)

from fullscript_api.models import PatientCreateRequest  # noqa: E402

PATIENT = {"id": "p-1", "first_name": "Maya", "last_name": "Lindqvist", "email": "m@example.org"}


def answer(request: httpx2.Request) -> httpx2.Response:
    if request.method == "POST":
        sent = json.loads(request.content)
        return httpx2.Response(201, json={"patient": {**PATIENT, **sent, "id": "p-2"}})
    return httpx2.Response(200, json={"patient": PATIENT})


async def use_the_client() -> dict[str, str]:
    token = fullscript.OAuthToken.from_response(
        {
            "access_token": "clean-install-access",
            "refresh_token": "clean-install-refresh",
            "expires_in": 7200,
            "created_at": datetime.now(UTC).isoformat(),
        },
        region="us",
    )
    async with fullscript.Fullscript(
        client_id="clean",
        client_secret="clean-secret",
        redirect_uri="https://app.example/callback",
        region="us",
        token_store=fullscript.InMemoryTokenStore([token]),
        transport=httpx2.MockTransport(answer),
    ) as fs:
        created = await fs.patients.create(
            body=PatientCreateRequest(first_name="Ada", last_name="Byron", email="ada@example.org")
        )
        fetched = await fs.patients.retrieve("p-1")
    return {"created": f"{created.id} {created.first_name}", "fetched": fetched.first_name}


try:
    import fullscript.sandbox
except ImportError as error:
    sandbox_error = str(error)
else:
    sandbox_error = ""

from fullscript.spec import shipped_spec  # noqa: E402

try:
    import fullscript.cli
except ImportError as error:
    cli_error = str(error)
else:
    cli_error = ""

print(
    json.dumps(
        {
            "shipped_spec_paths": len(shipped_spec()["paths"]),
            "after_import": AFTER_IMPORT,
            "calls": asyncio.run(use_the_client()),
            "sandbox_error": sandbox_error,
            "cli_error": cli_error,
        }
    )
)
