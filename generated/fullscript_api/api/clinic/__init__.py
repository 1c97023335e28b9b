"""Operations tagged "clinic", as `ClinicResource` (friendly) and `ClinicRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.clinic import Clinic
    from ...models.error import Error
    from ...models.retrieve_clinic_response_200 import RetrieveClinicResponse200
    from ...pagination import Paginator

__all__ = ["ClinicRawResource", "ClinicResource"]

_RETRIEVE_CLINIC = Operation(
    name="retrieve_clinic",
    group="clinic",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic",
    module_name=f"{__name__}.retrieve_clinic",
    result_key="clinic",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class ClinicResource:
    """Operations tagged "clinic": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "retrieve": _RETRIEVE_CLINIC,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
    ) -> Clinic:
        """Retrieve the clinic

        Returns the clinic the token (or `X-FS-Clinic-Key`) belongs to, including the
        `integration_id` webhook events carry.

        ``GET /api/clinic`` (operation ``retrieve_clinic``)

        Returns:
            Clinic
        """

        return cast(
            "Clinic",
            await self._invoker.request(
                _RETRIEVE_CLINIC,
                {},
            ),
        )


class ClinicRawResource:
    """Operations tagged "clinic", answering the whole HTTP response.

    Same names and arguments as `ClinicResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
    ) -> Response[RetrieveClinicResponse200]:
        """Retrieve the clinic

        Returns the clinic the token (or `X-FS-Clinic-Key`) belongs to, including the
        `integration_id` webhook events carry.

        ``GET /api/clinic`` (operation ``retrieve_clinic``)

        Returns:
            Response[RetrieveClinicResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_CLINIC,
            {},
        )
