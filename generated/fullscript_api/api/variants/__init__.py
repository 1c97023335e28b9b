"""Operations tagged "variants", as `VariantsResource` (friendly) and `VariantsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.retrieve_variant_response_200 import RetrieveVariantResponse200
    from ...models.variant import Variant
    from ...pagination import Paginator

__all__ = ["VariantsRawResource", "VariantsResource"]

_RETRIEVE_VARIANT = Operation(
    name="retrieve_variant",
    group="variants",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/variants/{id}",
    module_name=f"{__name__}.retrieve_variant",
    result_key="variant",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class VariantsResource:
    """Operations tagged "variants": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "retrieve": _RETRIEVE_VARIANT,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
        id: str,
    ) -> Variant:
        """Retrieve a variant

        Returns one product variant with a short form of its product. A variant that no longer
        exists may answer 410.

        ``GET /api/catalog/variants/{id}`` (operation ``retrieve_variant``)

        Returns:
            Variant
        """

        return cast(
            "Variant",
            await self._invoker.request(
                _RETRIEVE_VARIANT,
                {
                    "id": id,
                },
            ),
        )


class VariantsRawResource:
    """Operations tagged "variants", answering the whole HTTP response.

    Same names and arguments as `VariantsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveVariantResponse200]:
        """Retrieve a variant

        Returns one product variant with a short form of its product. A variant that no longer
        exists may answer 410.

        ``GET /api/catalog/variants/{id}`` (operation ``retrieve_variant``)

        Returns:
            Response[RetrieveVariantResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_VARIANT,
            {
                "id": id,
            },
        )
