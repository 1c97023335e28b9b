from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.session_grant import SessionGrant
from ...models.session_grant_create_request import SessionGrantCreateRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SessionGrantCreateRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/clinic/embeddable/session_grants",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | SessionGrant | None:
    if response.status_code == 200:
        response_200 = SessionGrant.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SessionGrant.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[Error | SessionGrant]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionGrantCreateRequest | Unset = UNSET,
) -> Response[Error | SessionGrant]:
    """Create a session grant

     Creates a single-use secret that signs a user in to a Fullscript Embed feature; it must be used
    within 120 seconds. The answer is not wrapped in a key.

    Args:
        body (SessionGrantCreateRequest | Unset): Which user the session grant is for. Only needed
            with clinic-level OAuth; role-based tokens already name the user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionGrant]
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
    body: SessionGrantCreateRequest | Unset = UNSET,
) -> Error | SessionGrant | None:
    """Create a session grant

     Creates a single-use secret that signs a user in to a Fullscript Embed feature; it must be used
    within 120 seconds. The answer is not wrapped in a key.

    Args:
        body (SessionGrantCreateRequest | Unset): Which user the session grant is for. Only needed
            with clinic-level OAuth; role-based tokens already name the user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionGrant
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionGrantCreateRequest | Unset = UNSET,
) -> Response[Error | SessionGrant]:
    """Create a session grant

     Creates a single-use secret that signs a user in to a Fullscript Embed feature; it must be used
    within 120 seconds. The answer is not wrapped in a key.

    Args:
        body (SessionGrantCreateRequest | Unset): Which user the session grant is for. Only needed
            with clinic-level OAuth; role-based tokens already name the user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionGrant]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SessionGrantCreateRequest | Unset = UNSET,
) -> Error | SessionGrant | None:
    """Create a session grant

     Creates a single-use secret that signs a user in to a Fullscript Embed feature; it must be used
    within 120 seconds. The answer is not wrapped in a key.

    Args:
        body (SessionGrantCreateRequest | Unset): Which user the session grant is for. Only needed
            with clinic-level OAuth; role-based tokens already name the user.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionGrant
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
