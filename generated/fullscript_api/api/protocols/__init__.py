"""Operations tagged "protocols", as `ProtocolsResource` (friendly) and `ProtocolsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_fullscript_protocols_response_200 import ListFullscriptProtocolsResponse200
    from ...models.list_fullscript_protocols_sort_by import ListFullscriptProtocolsSortBy
    from ...models.protocol import Protocol
    from ...models.retrieve_protocol_response_200 import RetrieveProtocolResponse200
    from ...models.sort_direction import SortDirection
    from ...pagination import Paginator

__all__ = ["ProtocolsRawResource", "ProtocolsResource"]

_LIST_FULLSCRIPT_PROTOCOLS = Operation(
    name="list_fullscript_protocols",
    group="protocols",
    method_name="list_fullscript_protocols",
    http_method="GET",
    path="/api/clinic/fullscript_protocols",
    module_name=f"{__name__}.list_fullscript_protocols",
    result_key=None,
    items_key="protocols",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_PROTOCOL = Operation(
    name="retrieve_protocol",
    group="protocols",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/protocols/{id}",
    module_name=f"{__name__}.retrieve_protocol",
    result_key="protocol",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class ProtocolsResource:
    """Operations tagged "protocols": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list_fullscript_protocols": _LIST_FULLSCRIPT_PROTOCOLS,
        "retrieve": _RETRIEVE_PROTOCOL,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list_fullscript_protocols(
        self,
        *,
        sort_by: ListFullscriptProtocolsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Protocol]:
        """List all Fullscript protocols

        Pages through the protocols Fullscript publishes for every practitioner.

        ``GET /api/clinic/fullscript_protocols`` (operation ``list_fullscript_protocols``)

        Returns:
            Paginator[Protocol]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_FULLSCRIPT_PROTOCOLS,
            {
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> Protocol:
        """Retrieve a protocol

        Returns one protocol with its recommendations.

        ``GET /api/clinic/protocols/{id}`` (operation ``retrieve_protocol``)

        Returns:
            Protocol
        """

        return cast(
            "Protocol",
            await self._invoker.request(
                _RETRIEVE_PROTOCOL,
                {
                    "id": id,
                },
            ),
        )


class ProtocolsRawResource:
    """Operations tagged "protocols", answering the whole HTTP response.

    Same names and arguments as `ProtocolsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list_fullscript_protocols(
        self,
        *,
        sort_by: ListFullscriptProtocolsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListFullscriptProtocolsResponse200]:
        """List all Fullscript protocols

        Pages through the protocols Fullscript publishes for every practitioner.

        ``GET /api/clinic/fullscript_protocols`` (operation ``list_fullscript_protocols``)

        Returns:
            Response[ListFullscriptProtocolsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_FULLSCRIPT_PROTOCOLS,
            {
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveProtocolResponse200]:
        """Retrieve a protocol

        Returns one protocol with its recommendations.

        ``GET /api/clinic/protocols/{id}`` (operation ``retrieve_protocol``)

        Returns:
            Response[RetrieveProtocolResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_PROTOCOL,
            {
                "id": id,
            },
        )
