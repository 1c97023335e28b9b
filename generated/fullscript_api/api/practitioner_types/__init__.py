"""Operations tagged "practitioner_types", as `PractitionerTypesResource` (friendly) and `PractitionerTypesRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_practitioner_types_response_200 import ListPractitionerTypesResponse200
    from ...models.practitioner_type import PractitionerType
    from ...pagination import Paginator

__all__ = ["PractitionerTypesRawResource", "PractitionerTypesResource"]

_LIST_PRACTITIONER_TYPES = Operation(
    name="list_practitioner_types",
    group="practitioner_types",
    method_name="list",
    http_method="GET",
    path="/api/catalog/practitioner_types",
    module_name=f"{__name__}.list_practitioner_types",
    result_key=None,
    items_key="practitioner_types",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class PractitionerTypesResource:
    """Operations tagged "practitioner_types": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_PRACTITIONER_TYPES,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[PractitionerType]:
        """List all practitioner types

        Pages through the kinds of practitioner Fullscript knows; a practitioner is created with
        one of them.

        ``GET /api/catalog/practitioner_types`` (operation ``list_practitioner_types``)

        Returns:
            Paginator[PractitionerType]: every record, fetched `page_size` at a time (up to
            `limit`), with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRACTITIONER_TYPES,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class PractitionerTypesRawResource:
    """Operations tagged "practitioner_types", answering the whole HTTP response.

    Same names and arguments as `PractitionerTypesResource` except that list operations take the page
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
    ) -> Response[ListPractitionerTypesResponse200]:
        """List all practitioner types

        Pages through the kinds of practitioner Fullscript knows; a practitioner is created with
        one of them.

        ``GET /api/catalog/practitioner_types`` (operation ``list_practitioner_types``)

        Returns:
            Response[ListPractitionerTypesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRACTITIONER_TYPES,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
