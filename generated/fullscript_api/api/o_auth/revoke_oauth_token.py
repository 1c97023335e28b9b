from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.o_auth_revoke_request import OAuthRevokeRequest
from ...models.o_auth_revoke_result import OAuthRevokeResult
from ...types import Response


def _get_kwargs(
    *,
    body: OAuthRevokeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/oauth/revoke",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | OAuthRevokeResult | None:
    if response.status_code == 200:
        response_200 = OAuthRevokeResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[Error | OAuthRevokeResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthRevokeRequest,
) -> Response[Error | OAuthRevokeResult]:
    """Revoke an OAuth token

     Revokes an access token and the refresh token issued with it. Authenticated by the client
    credentials in the body, not by a bearer token.

    Args:
        body (OAuthRevokeRequest): The token to revoke; its refresh token is revoked with it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OAuthRevokeResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthRevokeRequest,
) -> Error | OAuthRevokeResult | None:
    """Revoke an OAuth token

     Revokes an access token and the refresh token issued with it. Authenticated by the client
    credentials in the body, not by a bearer token.

    Args:
        body (OAuthRevokeRequest): The token to revoke; its refresh token is revoked with it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OAuthRevokeResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthRevokeRequest,
) -> Response[Error | OAuthRevokeResult]:
    """Revoke an OAuth token

     Revokes an access token and the refresh token issued with it. Authenticated by the client
    credentials in the body, not by a bearer token.

    Args:
        body (OAuthRevokeRequest): The token to revoke; its refresh token is revoked with it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | OAuthRevokeResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthRevokeRequest,
) -> Error | OAuthRevokeResult | None:
    """Revoke an OAuth token

     Revokes an access token and the refresh token issued with it. Authenticated by the client
    credentials in the body, not by a bearer token.

    Args:
        body (OAuthRevokeRequest): The token to revoke; its refresh token is revoked with it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | OAuthRevokeResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
