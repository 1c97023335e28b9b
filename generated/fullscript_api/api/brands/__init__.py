"""Operations tagged "brands", as `BrandsResource` (friendly) and `BrandsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.brand import Brand
    from ...models.error import Error
    from ...models.list_brands_available import ListBrandsAvailable
    from ...models.list_brands_clinic_permitted import ListBrandsClinicPermitted
    from ...models.list_brands_response_200 import ListBrandsResponse200
    from ...models.retrieve_brand_response_200 import RetrieveBrandResponse200
    from ...pagination import Paginator

__all__ = ["BrandsRawResource", "BrandsResource"]

_LIST_BRANDS = Operation(
    name="list_brands",
    group="brands",
    method_name="list",
    http_method="GET",
    path="/api/catalog/brands",
    module_name=f"{__name__}.list_brands",
    result_key=None,
    items_key="brands",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_BRAND = Operation(
    name="retrieve_brand",
    group="brands",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/brands/{id}",
    module_name=f"{__name__}.retrieve_brand",
    result_key="brand",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class BrandsResource:
    """Operations tagged "brands": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_BRANDS,
        "retrieve": _RETRIEVE_BRAND,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        available: ListBrandsAvailable | Unset = UNSET,
        clinic_permitted: ListBrandsClinicPermitted | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Brand]:
        """List all brands

        Pages through the brands of the catalog, optionally only those with available products or
        those the clinic may sell.

        ``GET /api/catalog/brands`` (operation ``list_brands``)

        Returns:
            Paginator[Brand]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_BRANDS,
            {
                "available": available,
                "clinic_permitted": clinic_permitted,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> Brand:
        """Retrieve a brand

        Returns one brand by its identifier.

        ``GET /api/catalog/brands/{id}`` (operation ``retrieve_brand``)

        Returns:
            Brand
        """

        return cast(
            "Brand",
            await self._invoker.request(
                _RETRIEVE_BRAND,
                {
                    "id": id,
                },
            ),
        )


class BrandsRawResource:
    """Operations tagged "brands", answering the whole HTTP response.

    Same names and arguments as `BrandsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list(
        self,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
        available: ListBrandsAvailable | Unset = UNSET,
        clinic_permitted: ListBrandsClinicPermitted | Unset = UNSET,
    ) -> Response[ListBrandsResponse200]:
        """List all brands

        Pages through the brands of the catalog, optionally only those with available products or
        those the clinic may sell.

        ``GET /api/catalog/brands`` (operation ``list_brands``)

        Returns:
            Response[ListBrandsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_BRANDS,
            {
                "pagenumber": page,
                "pagesize": page_size,
                "available": available,
                "clinic_permitted": clinic_permitted,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveBrandResponse200]:
        """Retrieve a brand

        Returns one brand by its identifier.

        ``GET /api/catalog/brands/{id}`` (operation ``retrieve_brand``)

        Returns:
            Response[RetrieveBrandResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_BRAND,
            {
                "id": id,
            },
        )
