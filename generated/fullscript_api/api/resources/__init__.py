"""Operations tagged "resources", as `ResourcesResource` (friendly) and `ResourcesRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.fullscript_resource import FullscriptResource
    from ...models.list_fullscript_resources_response_200 import ListFullscriptResourcesResponse200
    from ...pagination import Paginator

__all__ = ["ResourcesRawResource", "ResourcesResource"]

_LIST_FULLSCRIPT_RESOURCES = Operation(
    name="list_fullscript_resources",
    group="resources",
    method_name="list_fullscript_resources",
    http_method="GET",
    path="/api/clinic/fullscript_resources",
    module_name=f"{__name__}.list_fullscript_resources",
    result_key=None,
    items_key="resources",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class ResourcesResource:
    """Operations tagged "resources": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list_fullscript_resources": _LIST_FULLSCRIPT_RESOURCES,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list_fullscript_resources(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[FullscriptResource]:
        """List all Fullscript resources

        Pages through the resources (guides, handouts...) Fullscript publishes for every
        practitioner.

        ``GET /api/clinic/fullscript_resources`` (operation ``list_fullscript_resources``)

        Returns:
            Paginator[FullscriptResource]: every record, fetched `page_size` at a time (up to
            `limit`), with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_FULLSCRIPT_RESOURCES,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class ResourcesRawResource:
    """Operations tagged "resources", answering the whole HTTP response.

    Same names and arguments as `ResourcesResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list_fullscript_resources(
        self,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListFullscriptResourcesResponse200]:
        """List all Fullscript resources

        Pages through the resources (guides, handouts...) Fullscript publishes for every
        practitioner.

        ``GET /api/clinic/fullscript_resources`` (operation ``list_fullscript_resources``)

        Returns:
            Response[ListFullscriptResourcesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_FULLSCRIPT_RESOURCES,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
