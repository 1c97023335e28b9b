from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.search_products_response_200 import SearchProductsResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    query: str | Unset = UNSET,
    allergen_ids: list[str] | Unset = UNSET,
    brand_id: str | Unset = UNSET,
    ingredient_ids: list[str] | Unset = UNSET,
    supplement_type_ids: list[str] | Unset = UNSET,
    third_party_certification_ids: list[str] | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    json_allergen_ids: list[str] | Unset = UNSET
    if not isinstance(allergen_ids, Unset):
        json_allergen_ids = allergen_ids

    params["allergen_ids[]"] = json_allergen_ids

    params["brand_id"] = brand_id

    json_ingredient_ids: list[str] | Unset = UNSET
    if not isinstance(ingredient_ids, Unset):
        json_ingredient_ids = ingredient_ids

    params["ingredient_ids[]"] = json_ingredient_ids

    json_supplement_type_ids: list[str] | Unset = UNSET
    if not isinstance(supplement_type_ids, Unset):
        json_supplement_type_ids = supplement_type_ids

    params["supplement_type_ids[]"] = json_supplement_type_ids

    json_third_party_certification_ids: list[str] | Unset = UNSET
    if not isinstance(third_party_certification_ids, Unset):
        json_third_party_certification_ids = third_party_certification_ids

    params["third_party_certification_ids[]"] = json_third_party_certification_ids

    params["page[number]"] = pagenumber

    params["page[size]"] = pagesize

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/catalog/search/products",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | SearchProductsResponse200 | None:
    if response.status_code == 200:
        response_200 = SearchProductsResponse200.from_dict(response.json())

        return response_200

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
) -> Response[Error | SearchProductsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    query: str | Unset = UNSET,
    allergen_ids: list[str] | Unset = UNSET,
    brand_id: str | Unset = UNSET,
    ingredient_ids: list[str] | Unset = UNSET,
    supplement_type_ids: list[str] | Unset = UNSET,
    third_party_certification_ids: list[str] | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | SearchProductsResponse200]:
    """Search for products

     Full-text product search that honours brand segmentation: only products and brands available to the
    clinic are returned. Array filters repeat the key, e.g. `allergen_ids[]=a&allergen_ids[]=b`.
    Restricted: Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        query (str | Unset):
        allergen_ids (list[str] | Unset):
        brand_id (str | Unset):
        ingredient_ids (list[str] | Unset):
        supplement_type_ids (list[str] | Unset):
        third_party_certification_ids (list[str] | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchProductsResponse200]
    """

    kwargs = _get_kwargs(
        query=query,
        allergen_ids=allergen_ids,
        brand_id=brand_id,
        ingredient_ids=ingredient_ids,
        supplement_type_ids=supplement_type_ids,
        third_party_certification_ids=third_party_certification_ids,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    query: str | Unset = UNSET,
    allergen_ids: list[str] | Unset = UNSET,
    brand_id: str | Unset = UNSET,
    ingredient_ids: list[str] | Unset = UNSET,
    supplement_type_ids: list[str] | Unset = UNSET,
    third_party_certification_ids: list[str] | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | SearchProductsResponse200 | None:
    """Search for products

     Full-text product search that honours brand segmentation: only products and brands available to the
    clinic are returned. Array filters repeat the key, e.g. `allergen_ids[]=a&allergen_ids[]=b`.
    Restricted: Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        query (str | Unset):
        allergen_ids (list[str] | Unset):
        brand_id (str | Unset):
        ingredient_ids (list[str] | Unset):
        supplement_type_ids (list[str] | Unset):
        third_party_certification_ids (list[str] | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchProductsResponse200
    """

    return sync_detailed(
        client=client,
        query=query,
        allergen_ids=allergen_ids,
        brand_id=brand_id,
        ingredient_ids=ingredient_ids,
        supplement_type_ids=supplement_type_ids,
        third_party_certification_ids=third_party_certification_ids,
        pagenumber=pagenumber,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    query: str | Unset = UNSET,
    allergen_ids: list[str] | Unset = UNSET,
    brand_id: str | Unset = UNSET,
    ingredient_ids: list[str] | Unset = UNSET,
    supplement_type_ids: list[str] | Unset = UNSET,
    third_party_certification_ids: list[str] | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | SearchProductsResponse200]:
    """Search for products

     Full-text product search that honours brand segmentation: only products and brands available to the
    clinic are returned. Array filters repeat the key, e.g. `allergen_ids[]=a&allergen_ids[]=b`.
    Restricted: Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        query (str | Unset):
        allergen_ids (list[str] | Unset):
        brand_id (str | Unset):
        ingredient_ids (list[str] | Unset):
        supplement_type_ids (list[str] | Unset):
        third_party_certification_ids (list[str] | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchProductsResponse200]
    """

    kwargs = _get_kwargs(
        query=query,
        allergen_ids=allergen_ids,
        brand_id=brand_id,
        ingredient_ids=ingredient_ids,
        supplement_type_ids=supplement_type_ids,
        third_party_certification_ids=third_party_certification_ids,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    query: str | Unset = UNSET,
    allergen_ids: list[str] | Unset = UNSET,
    brand_id: str | Unset = UNSET,
    ingredient_ids: list[str] | Unset = UNSET,
    supplement_type_ids: list[str] | Unset = UNSET,
    third_party_certification_ids: list[str] | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | SearchProductsResponse200 | None:
    """Search for products

     Full-text product search that honours brand segmentation: only products and brands available to the
    clinic are returned. Array filters repeat the key, e.g. `allergen_ids[]=a&allergen_ids[]=b`.
    Restricted: Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        query (str | Unset):
        allergen_ids (list[str] | Unset):
        brand_id (str | Unset):
        ingredient_ids (list[str] | Unset):
        supplement_type_ids (list[str] | Unset):
        third_party_certification_ids (list[str] | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchProductsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            query=query,
            allergen_ids=allergen_ids,
            brand_id=brand_id,
            ingredient_ids=ingredient_ids,
            supplement_type_ids=supplement_type_ids,
            third_party_certification_ids=third_party_certification_ids,
            pagenumber=pagenumber,
            pagesize=pagesize,
        )
    ).parsed
