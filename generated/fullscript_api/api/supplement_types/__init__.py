"""Operations tagged "supplement_types", as `SupplementTypesResource` (friendly) and `SupplementTypesRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_supplement_types_response_200 import ListSupplementTypesResponse200
    from ...models.retrieve_supplement_type_response_200 import RetrieveSupplementTypeResponse200
    from ...models.supplement_type import SupplementType
    from ...pagination import Paginator

__all__ = ["SupplementTypesRawResource", "SupplementTypesResource"]

_LIST_SUPPLEMENT_TYPES = Operation(
    name="list_supplement_types",
    group="supplement_types",
    method_name="list",
    http_method="GET",
    path="/api/catalog/supplement_types",
    module_name=f"{__name__}.list_supplement_types",
    result_key=None,
    items_key="supplement_types",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_SUPPLEMENT_TYPE = Operation(
    name="retrieve_supplement_type",
    group="supplement_types",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/supplement_types/{id}",
    module_name=f"{__name__}.retrieve_supplement_type",
    result_key="supplement_type",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class SupplementTypesResource:
    """Operations tagged "supplement_types": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_SUPPLEMENT_TYPES,
        "retrieve": _RETRIEVE_SUPPLEMENT_TYPE,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[SupplementType]:
        """List all supplement types

        Pages through every supplement type of the Fullscript catalog.

        ``GET /api/catalog/supplement_types`` (operation ``list_supplement_types``)

        Returns:
            Paginator[SupplementType]: every record, fetched `page_size` at a time (up to
            `limit`), with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_SUPPLEMENT_TYPES,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> SupplementType:
        """Retrieve a supplement type

        Returns one supplement type by its identifier.

        ``GET /api/catalog/supplement_types/{id}`` (operation ``retrieve_supplement_type``)

        Returns:
            SupplementType
        """

        return cast(
            "SupplementType",
            await self._invoker.request(
                _RETRIEVE_SUPPLEMENT_TYPE,
                {
                    "id": id,
                },
            ),
        )


class SupplementTypesRawResource:
    """Operations tagged "supplement_types", answering the whole HTTP response.

    Same names and arguments as `SupplementTypesResource` except that list operations take the page
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
    ) -> Response[ListSupplementTypesResponse200]:
        """List all supplement types

        Pages through every supplement type of the Fullscript catalog.

        ``GET /api/catalog/supplement_types`` (operation ``list_supplement_types``)

        Returns:
            Response[ListSupplementTypesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_SUPPLEMENT_TYPES,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveSupplementTypeResponse200]:
        """Retrieve a supplement type

        Returns one supplement type by its identifier.

        ``GET /api/catalog/supplement_types/{id}`` (operation ``retrieve_supplement_type``)

        Returns:
            Response[RetrieveSupplementTypeResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_SUPPLEMENT_TYPE,
            {
                "id": id,
            },
        )
