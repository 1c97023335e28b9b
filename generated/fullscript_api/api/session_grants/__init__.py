"""Operations tagged "session_grants", as `SessionGrantsResource` (friendly) and `SessionGrantsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.session_grant import SessionGrant
    from ...models.session_grant_create_request import SessionGrantCreateRequest
    from ...pagination import Paginator

__all__ = ["SessionGrantsRawResource", "SessionGrantsResource"]

_CREATE_SESSION_GRANT = Operation(
    name="create_session_grant",
    group="session_grants",
    method_name="create",
    http_method="POST",
    path="/api/clinic/embeddable/session_grants",
    module_name=f"{__name__}.create_session_grant",
    result_key=None,
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class SessionGrantsResource:
    """Operations tagged "session_grants": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "create": _CREATE_SESSION_GRANT,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def create(
        self,
        *,
        body: SessionGrantCreateRequest | Unset = UNSET,
    ) -> SessionGrant:
        """Create a session grant

        Creates a single-use secret that signs a user in to a Fullscript Embed feature; it must be
        used within 120 seconds. The answer is not wrapped in a key.

        ``POST /api/clinic/embeddable/session_grants`` (operation ``create_session_grant``)

        Returns:
            SessionGrant
        """

        return cast(
            "SessionGrant",
            await self._invoker.request(
                _CREATE_SESSION_GRANT,
                {
                    "body": body,
                },
            ),
        )


class SessionGrantsRawResource:
    """Operations tagged "session_grants", answering the whole HTTP response.

    Same names and arguments as `SessionGrantsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def create(
        self,
        *,
        body: SessionGrantCreateRequest | Unset = UNSET,
    ) -> Response[SessionGrant]:
        """Create a session grant

        Creates a single-use secret that signs a user in to a Fullscript Embed feature; it must be
        used within 120 seconds. The answer is not wrapped in a key.

        ``POST /api/clinic/embeddable/session_grants`` (operation ``create_session_grant``)

        Returns:
            Response[SessionGrant]
        """

        return await self._invoker.request_raw(
            _CREATE_SESSION_GRANT,
            {
                "body": body,
            },
        )
