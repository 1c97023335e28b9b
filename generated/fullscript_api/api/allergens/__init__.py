"""Operations tagged "allergens", as `AllergensResource` (friendly) and `AllergensRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.allergen import Allergen
    from ...models.error import Error
    from ...models.list_allergens_response_200 import ListAllergensResponse200
    from ...models.retrieve_allergen_response_200 import RetrieveAllergenResponse200
    from ...pagination import Paginator

__all__ = ["AllergensRawResource", "AllergensResource"]

_LIST_ALLERGENS = Operation(
    name="list_allergens",
    group="allergens",
    method_name="list",
    http_method="GET",
    path="/api/catalog/allergens",
    module_name=f"{__name__}.list_allergens",
    result_key=None,
    items_key="allergens",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_ALLERGEN = Operation(
    name="retrieve_allergen",
    group="allergens",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/allergens/{id}",
    module_name=f"{__name__}.retrieve_allergen",
    result_key="allergen",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class AllergensResource:
    """Operations tagged "allergens": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_ALLERGENS,
        "retrieve": _RETRIEVE_ALLERGEN,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Allergen]:
        """List all allergens

        Pages through every allergen of the Fullscript catalog.

        ``GET /api/catalog/allergens`` (operation ``list_allergens``)

        Returns:
            Paginator[Allergen]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_ALLERGENS,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> Allergen:
        """Retrieve an allergen

        Returns one allergen by its identifier.

        ``GET /api/catalog/allergens/{id}`` (operation ``retrieve_allergen``)

        Returns:
            Allergen
        """

        return cast(
            "Allergen",
            await self._invoker.request(
                _RETRIEVE_ALLERGEN,
                {
                    "id": id,
                },
            ),
        )


class AllergensRawResource:
    """Operations tagged "allergens", answering the whole HTTP response.

    Same names and arguments as `AllergensResource` except that list operations take the page
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
    ) -> Response[ListAllergensResponse200]:
        """List all allergens

        Pages through every allergen of the Fullscript catalog.

        ``GET /api/catalog/allergens`` (operation ``list_allergens``)

        Returns:
            Response[ListAllergensResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_ALLERGENS,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveAllergenResponse200]:
        """Retrieve an allergen

        Returns one allergen by its identifier.

        ``GET /api/catalog/allergens/{id}`` (operation ``retrieve_allergen``)

        Returns:
            Response[RetrieveAllergenResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_ALLERGEN,
            {
                "id": id,
            },
        )
