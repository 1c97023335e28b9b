"""FastAPI integration (``pip install 'fullscript[fastapi]'``).

    from fullscript.fastapi import (
        FullscriptDep, SDKRoute, fullscript_lifespan, install_error_handlers, webhook_router,
    )

    app = FastAPI(lifespan=fullscript_lifespan(make_client))
    app.router.route_class = SDKRoute          # routes take and return SDK models
    install_error_handlers(app)                # SDK errors -> HTTP answers
    app.include_router(webhook_router(receiver))

    @app.get("/patients/{patient_id}")
    async def patient(patient_id: str, fs: FullscriptDep) -> Patient:
        return await fs.patients.retrieve(patient_id)

Pieces: `fullscript_lifespan` / `FullscriptDep` / `grant_dependency` (the client),
`SDKRoute` / `pydantic_model` (attrs models in routes), `stream_ndjson` (lists as they page),
`install_error_handlers`, `oauth_router` / `OAuthStateSigner` (connect and callback),
`webhook_router` (a `fullscript.webhooks.WebhookReceiver` over HTTP). See docs/fastapi.md.
"""

try:
    import fastapi  # noqa: F401
except ImportError as missing:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "fullscript.fastapi needs FastAPI: install the extra with pip install 'fullscript[fastapi]'"
    ) from missing

from .client import (
    STATE_KEY,
    FullscriptDep,
    GrantResolver,
    fullscript_lifespan,
    get_fullscript,
    grant_dependency,
    resolve_grant,
)
from .errors import fullscript_error_handler, fullscript_error_response, install_error_handlers
from .models import SDKRoute, from_pydantic, is_sdk_model, pydantic_model, response_model_for
from .oauth import OAuthFailure, OAuthStateError, OAuthStateSigner, OAuthSuccess, oauth_router
from .streaming import NDJSON, record_json, stream_ndjson
from .webhooks import DEFAULT_WEBHOOK_PATH, webhook_router

__all__ = [
    "DEFAULT_WEBHOOK_PATH",
    "NDJSON",
    "STATE_KEY",
    "FullscriptDep",
    "GrantResolver",
    "OAuthFailure",
    "OAuthStateError",
    "OAuthStateSigner",
    "OAuthSuccess",
    "SDKRoute",
    "from_pydantic",
    "fullscript_error_handler",
    "fullscript_error_response",
    "fullscript_lifespan",
    "get_fullscript",
    "grant_dependency",
    "install_error_handlers",
    "is_sdk_model",
    "oauth_router",
    "pydantic_model",
    "record_json",
    "resolve_grant",
    "response_model_for",
    "stream_ndjson",
    "webhook_router",
]
