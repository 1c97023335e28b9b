"""Operations tagged "metadata", as `MetadataResource` (friendly) and `MetadataRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.find_metadata_objects_response_200 import FindMetadataObjectsResponse200
    from ...models.find_metadata_objects_type import FindMetadataObjectsType
    from ...models.metadatum import Metadatum
    from ...pagination import Paginator

__all__ = ["MetadataRawResource", "MetadataResource"]

_FIND_METADATA_OBJECTS = Operation(
    name="find_metadata_objects",
    group="metadata",
    method_name="find_objects",
    http_method="GET",
    path="/api/clinic/metadata",
    module_name=f"{__name__}.find_metadata_objects",
    result_key=None,
    items_key="metadata",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class MetadataResource:
    """Operations tagged "metadata": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "find_objects": _FIND_METADATA_OBJECTS,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def find_objects(
        self,
        *,
        id: str | Unset = UNSET,
        type_: FindMetadataObjectsType | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Metadatum]:
        """Find objects by metadata

        Finds patients, practitioners, staff and treatment plans by the identifier your system
        attached to them as `metadata.id`.

        ``GET /api/clinic/metadata`` (operation ``find_metadata_objects``)

        Returns:
            Paginator[Metadatum]: every record, fetched `page_size` at a time (up to `limit`),
            with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _FIND_METADATA_OBJECTS,
            {
                "id": id,
                "type_": type_,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class MetadataRawResource:
    """Operations tagged "metadata", answering the whole HTTP response.

    Same names and arguments as `MetadataResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def find_objects(
        self,
        *,
        id: str | Unset = UNSET,
        type_: FindMetadataObjectsType | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[FindMetadataObjectsResponse200]:
        """Find objects by metadata

        Finds patients, practitioners, staff and treatment plans by the identifier your system
        attached to them as `metadata.id`.

        ``GET /api/clinic/metadata`` (operation ``find_metadata_objects``)

        Returns:
            Response[FindMetadataObjectsResponse200]
        """

        return await self._invoker.request_raw(
            _FIND_METADATA_OBJECTS,
            {
                "id": id,
                "type_": type_,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
