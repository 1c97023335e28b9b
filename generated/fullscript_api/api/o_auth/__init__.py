"""Operations tagged "o_auth", as `OauthResource` (friendly) and `OauthRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.create_oauth_token_response_200 import CreateOauthTokenResponse200
    from ...models.error import Error
    from ...models.o_auth_revoke_request import OAuthRevokeRequest
    from ...models.o_auth_revoke_result import OAuthRevokeResult
    from ...models.o_auth_token import OAuthToken
    from ...models.o_auth_token_request import OAuthTokenRequest
    from ...pagination import Paginator

__all__ = ["OauthRawResource", "OauthResource"]

_REVOKE_OAUTH_TOKEN = Operation(
    name="revoke_oauth_token",
    group="oauth",
    method_name="revoke_token",
    http_method="POST",
    path="/api/oauth/revoke",
    module_name=f"{__name__}.revoke_oauth_token",
    result_key=None,
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_CREATE_OAUTH_TOKEN = Operation(
    name="create_oauth_token",
    group="oauth",
    method_name="create_token",
    http_method="POST",
    path="/api/oauth/token",
    module_name=f"{__name__}.create_oauth_token",
    result_key="oauth",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class OauthResource:
    """Operations tagged "o_auth": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "revoke_token": _REVOKE_OAUTH_TOKEN,
        "create_token": _CREATE_OAUTH_TOKEN,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def revoke_token(
        self,
        *,
        body: OAuthRevokeRequest,
    ) -> OAuthRevokeResult:
        """Revoke an OAuth token

        Revokes an access token and the refresh token issued with it. Authenticated by the client
        credentials in the body, not by a bearer token.

        ``POST /api/oauth/revoke`` (operation ``revoke_oauth_token``)

        Returns:
            OAuthRevokeResult
        """

        return cast(
            "OAuthRevokeResult",
            await self._invoker.request(
                _REVOKE_OAUTH_TOKEN,
                {
                    "body": body,
                },
            ),
        )

    async def create_token(
        self,
        *,
        body: OAuthTokenRequest,
    ) -> OAuthToken:
        """Create an OAuth token

        Exchanges an authorisation code (`grant_type=authorization_code`) or a refresh token
        (`grant_type=refresh_token`) for a new access token and a new refresh token. Send the
        refresh to the region that issued the token. The previous refresh token keeps working
        until the new access token is first used.

        ``POST /api/oauth/token`` (operation ``create_oauth_token``)

        Returns:
            OAuthToken
        """

        return cast(
            "OAuthToken",
            await self._invoker.request(
                _CREATE_OAUTH_TOKEN,
                {
                    "body": body,
                },
            ),
        )


class OauthRawResource:
    """Operations tagged "o_auth", answering the whole HTTP response.

    Same names and arguments as `OauthResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def revoke_token(
        self,
        *,
        body: OAuthRevokeRequest,
    ) -> Response[OAuthRevokeResult]:
        """Revoke an OAuth token

        Revokes an access token and the refresh token issued with it. Authenticated by the client
        credentials in the body, not by a bearer token.

        ``POST /api/oauth/revoke`` (operation ``revoke_oauth_token``)

        Returns:
            Response[OAuthRevokeResult]
        """

        return await self._invoker.request_raw(
            _REVOKE_OAUTH_TOKEN,
            {
                "body": body,
            },
        )

    async def create_token(
        self,
        *,
        body: OAuthTokenRequest,
    ) -> Response[CreateOauthTokenResponse200]:
        """Create an OAuth token

        Exchanges an authorisation code (`grant_type=authorization_code`) or a refresh token
        (`grant_type=refresh_token`) for a new access token and a new refresh token. Send the
        refresh to the region that issued the token. The previous refresh token keeps working
        until the new access token is first used.

        ``POST /api/oauth/token`` (operation ``create_oauth_token``)

        Returns:
            Response[CreateOauthTokenResponse200]
        """

        return await self._invoker.request_raw(
            _CREATE_OAUTH_TOKEN,
            {
                "body": body,
            },
        )
