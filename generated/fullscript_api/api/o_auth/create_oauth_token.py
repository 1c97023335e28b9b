from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_oauth_token_response_200 import CreateOauthTokenResponse200
from ...models.error import Error
from ...models.o_auth_token_request import OAuthTokenRequest
from ...types import Response


def _get_kwargs(
    *,
    body: OAuthTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/oauth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreateOauthTokenResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = CreateOauthTokenResponse200.from_dict(response.json())

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
) -> Response[CreateOauthTokenResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> Response[CreateOauthTokenResponse200 | Error]:
    """Create an OAuth token

     Exchanges an authorisation code (`grant_type=authorization_code`) or a refresh token
    (`grant_type=refresh_token`) for a new access token and a new refresh token. Send the refresh to the
    region that issued the token. The previous refresh token keeps working until the new access token is
    first used.

    Args:
        body (OAuthTokenRequest): Exchange an authorisation code, or a refresh token, for a new
            token pair. Example: {'grant_type': 'refresh_token', 'client_id': 'example-client-id',
            'client_secret': 'example-client-secret', 'refresh_token': 'example-refresh-token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateOauthTokenResponse200 | Error]
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
    body: OAuthTokenRequest,
) -> CreateOauthTokenResponse200 | Error | None:
    """Create an OAuth token

     Exchanges an authorisation code (`grant_type=authorization_code`) or a refresh token
    (`grant_type=refresh_token`) for a new access token and a new refresh token. Send the refresh to the
    region that issued the token. The previous refresh token keeps working until the new access token is
    first used.

    Args:
        body (OAuthTokenRequest): Exchange an authorisation code, or a refresh token, for a new
            token pair. Example: {'grant_type': 'refresh_token', 'client_id': 'example-client-id',
            'client_secret': 'example-client-secret', 'refresh_token': 'example-refresh-token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateOauthTokenResponse200 | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> Response[CreateOauthTokenResponse200 | Error]:
    """Create an OAuth token

     Exchanges an authorisation code (`grant_type=authorization_code`) or a refresh token
    (`grant_type=refresh_token`) for a new access token and a new refresh token. Send the refresh to the
    region that issued the token. The previous refresh token keeps working until the new access token is
    first used.

    Args:
        body (OAuthTokenRequest): Exchange an authorisation code, or a refresh token, for a new
            token pair. Example: {'grant_type': 'refresh_token', 'client_id': 'example-client-id',
            'client_secret': 'example-client-secret', 'refresh_token': 'example-refresh-token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateOauthTokenResponse200 | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OAuthTokenRequest,
) -> CreateOauthTokenResponse200 | Error | None:
    """Create an OAuth token

     Exchanges an authorisation code (`grant_type=authorization_code`) or a refresh token
    (`grant_type=refresh_token`) for a new access token and a new refresh token. Send the refresh to the
    region that issued the token. The previous refresh token keeps working until the new access token is
    first used.

    Args:
        body (OAuthTokenRequest): Exchange an authorisation code, or a refresh token, for a new
            token pair. Example: {'grant_type': 'refresh_token', 'client_id': 'example-client-id',
            'client_secret': 'example-client-secret', 'refresh_token': 'example-refresh-token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateOauthTokenResponse200 | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
